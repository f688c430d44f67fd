// The customer counts of a plan: one per group a change touches, never for unchanged groups, several at
// once within the quota. Skipped, they leave notes, so the plan says what it could not check.
import type { BigCommerceClient } from '../bigcommerce/index.js';
import type { Config, Plan } from '../model/index.js';
import { listTouchedGroupIds } from '../plan/annotate.js';

export const NO_CUSTOMERS = '--no-customers';

export interface CustomerCounts {
  customers?: Map<number, number>;
  requests: number;
  unchecked: string[];
}

export async function countTouchedCustomers(
  client: BigCommerceClient,
  plan: Pick<Plan, 'changes'>,
  switches: Pick<Config, 'customers' | 'concurrency'>,
): Promise<CustomerCounts> {
  const ids = listTouchedGroupIds(plan);
  if (ids.length === 0) return { customers: new Map(), requests: 0, unchecked: [] };
  if (!switches.customers) {
    const deletes = plan.changes.some((change) => change.action === 'delete');
    const notes = [`customers of the changed groups not counted (${NO_CUSTOMERS})`];
    if (deletes)
      notes.push(`safety.maxDeletedCustomers cannot be checked (${NO_CUSTOMERS}): deletes are refused without --force`);
    return { requests: 0, unchecked: notes };
  }
  const counted = await client.store.countCustomers(ids, switches.concurrency);
  return { customers: counted.value, requests: counted.requests, unchecked: [] };
}
