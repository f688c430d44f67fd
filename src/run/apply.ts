// Applying a plan against one store, then re-reading the store to confirm every touched group converged.
import { type ApplyOptions, applyPlan } from '../apply/run.js';
import { verifyConverged } from '../apply/verify.js';
import type { CustomerMover } from '../apply/merge.js';
import type { BigCommerceClient } from '../bigcommerce/index.js';
import type { Change, ChangeResult } from '../model/index.js';
import type { Store } from './session.js';

export interface ApplyRun {
  concurrency: number;
  onResult?: ApplyOptions['onResult'];
  /** After each batch of a merge's customer moves. */
  onMergeProgress?: ApplyOptions['onMergeProgress'];
  /** Every change has its result; the store is re-read next. */
  onApplied?: () => void;
  /** The re-read failed: the results stand, unconfirmed; `reason` says why. */
  onUnverified?: (reason: string) => void;
}

export async function applyAndVerify(changes: Change[], store: Store, run: ApplyRun): Promise<ChangeResult[]> {
  const results = await applyPlan(changes, store.client, {
    concurrency: run.concurrency,
    ...(run.onResult ? { onResult: run.onResult } : {}),
    ...(run.onMergeProgress ? { onMergeProgress: run.onMergeProgress } : {}),
    customers: createCustomerMover(store.client),
  });
  run.onApplied?.();
  return verifyAfterApply(store, changes, results, run.onUnverified);
}

/** Re-reads the store to confirm each change landed; if that read fails, the results still stand. */
async function verifyAfterApply(
  store: Store,
  changes: Change[],
  results: ChangeResult[],
  onUnverified: ApplyRun['onUnverified'],
): Promise<ChangeResult[]> {
  try {
    return verifyConverged(changes, results, await store.client.listGroups());
  } catch (error) {
    onUnverified?.(error instanceof Error ? error.message : String(error));
    return results.map((result) =>
      result.outcome === 'applied'
        ? { ...result, outcome: 'not_converged', error: 'applied, but not confirmed: the store could not be re-read' }
        : result,
    );
  }
}

/** The client's customer reads and moves as a merge uses them: ids only, batches of 10, 3 at once. */
function createCustomerMover(client: BigCommerceClient): CustomerMover {
  return {
    readCustomerIds: async (groupId) => (await client.store.readCustomerIds(groupId)).value,
    countCustomers: async (groupId) => (await client.store.countCustomers([groupId])).value.get(groupId) ?? 0,
    moveCustomers: async (customerIds, groupId, onBatch) =>
      (
        await client.moveCustomers(customerIds, groupId, {
          onBatch: (_, progress) => onBatch(progress.done, progress.total),
        })
      ).value,
  };
}
