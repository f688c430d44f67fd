// Applying a plan against one store, then re-reading the store to confirm every touched group converged.
import { type ApplyOptions, applyPlan } from '../apply/run.js';
import { verifyConverged } from '../apply/verify.js';
import { StalePlanError } from '../errors.js';
import type { CustomerMover } from '../apply/merge.js';
import type { BigCommerceClient } from '../bigcommerce/index.js';
import type { Change, ChangeResult } from '../model/index.js';
import { findStaleReasons } from '../planfile/index.js';
import { toSavedPlan } from '../planfile/file.js';
import type { StorePlan } from './plan-store.js';
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

/**
 * A plan made now waits at a prompt before it runs, and someone may edit the store meanwhile: the live
 * groups are read again after the answer and the plan refused as stale if any it touches or relies on moved.
 */
export async function refuseIfStoreMoved(planned: StorePlan): Promise<void> {
  const asPlanned = toSavedPlan(planned.plan, {
    storeHash: planned.store.storeHash,
    desiredHash: planned.desired.hash,
    liveGroups: planned.live,
  });
  const reasons = findStaleReasons(asPlanned, await planned.store.client.listGroups());
  if (reasons.length === 0) return;
  throw new StalePlanError(reasons, undefined, {
    head: 'The store changed while apply waited for an answer, so the plan shown is out of date',
    advice: 'Nothing was changed. Run apply again to plan against the store as it is now.',
  });
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
