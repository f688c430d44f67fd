// A store around the groups for the command tests: a catalog in two trees, products with SKUs, two price
// lists, and customers in some groups. Retail's live rules differ from its file, so plans mention them.
import type { SandboxOptions } from '../../../src/sandbox/index.js';
import { SMALL_CATALOG } from '../../support/sandbox.js';

export const CATALOG_STORE: SandboxOptions = {
  catalog: SMALL_CATALOG,
  seed: [
    {
      id: 1,
      name: 'Retail',
      discount_rules: [
        { type: 'category', method: 'percent', amount: '10.0000', category_id: 19 },
        { type: 'category', method: 'percent', amount: '5.0000', category_id: 99 },
      ],
    },
    { id: 2, name: 'Trade', category_access: { type: 'specific', categories: [18] } },
    { id: 3, name: 'Quiet' },
    { id: 4, name: 'Old' },
    { id: 5, name: 'Empty' },
  ],
  customers: [
    ...Array.from({ length: 3 }, () => ({ customer_group_id: 1 })),
    ...Array.from({ length: 2 }, () => ({ customer_group_id: 2 })),
    { customer_group_id: 3 },
    ...Array.from({ length: 4 }, () => ({ customer_group_id: 4 })),
    { customer_group_id: 0 },
  ],
};

/** Retail: category 19 to 15%, the rule on the vanished category 99 dropped, a product rule added. */
export const RETAIL_FILE = `name: Retail
id: 1
discount_rules:
  - type: category
    category_id: 19
    method: percent
    amount: 15
  - type: product
    product_id: 77
    method: price
    amount: 5
`;
export const TRADE_FILE =
  'name: Trade\nid: 2\ncategory_access:\n  type: specific\n  categories: [18, 23]\n' +
  'discount_rules:\n  - type: price_list\n    price_list_id: 2\n';
export const QUIET_FILE = 'name: Quiet\nid: 3\n';
export const OLD_FILE = 'name: Old\nid: 4\n';
export const EMPTY_FILE = 'name: Empty\nid: 5\n';

export const ALL_FILES = {
  'retail.yaml': RETAIL_FILE,
  'trade.yaml': TRADE_FILE,
  'quiet.yaml': QUIET_FILE,
  'old.yaml': OLD_FILE,
  'empty.yaml': EMPTY_FILE,
};

/** The store with only these live groups, and only their customers. */
export function storeWith(
  seed: NonNullable<SandboxOptions['seed']>,
  extra: Partial<SandboxOptions> = {},
): SandboxOptions {
  const ids = new Set(seed.map((group) => group.id));
  return {
    ...CATALOG_STORE,
    seed,
    customers: (CATALOG_STORE.customers ?? []).filter((customer) => ids.has(customer.customer_group_id)),
    ...extra,
  };
}
