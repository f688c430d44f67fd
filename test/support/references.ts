// A store whose groups are named by promotions (both lists), tax zones and customers, for the sandbox's
// and the client's tests of what points at a group.
import type { SandboxOptions } from '../../src/sandbox/index.js';

export const REFERENCE_STORE: SandboxOptions = {
  seed: [{ name: 'Retail' }, { name: 'Wholesale' }, { name: 'VIP' }],
  promotions: [
    { name: 'VIP only', group_ids: [3] },
    { id: 7, name: 'Not for wholesale', excluded_group_ids: [2], redemption_type: 'COUPON' },
    { name: 'Everyone', status: 'DISABLED' },
  ],
  taxZones: [{ name: 'Trade zone', customer_groups: [2] }, { name: 'All shoppers' }],
  customers: [
    ...Array.from({ length: 12 }, () => ({ customer_group_id: 2 })),
    { customer_group_id: 1, email: 'jane@example.com' },
  ],
};
