// Applying a plan against one store, then re-reading the store to confirm every touched group converged.
// Storefront changes run around the group changes: removals before, the rest after (apply/storefronts.ts).
import type { CustomerMover } from '../apply/merge.js';
import { type ApplyOptions, applyPlan } from '../apply/run.js';
import { applyStorefrontChanges } from '../apply/storefronts.js';
import type { BigCommerceClient } from '../bigcommerce/index.js';
import { StalePlanError } from '../errors.js';
import type { ChangeResult, Plan, StorefrontChange } from '../model/index.js';
import { toSavedPlan } from '../planfile/file.js';
import { findStaleReasons } from '../planfile/index.js';
import type { StorePlan } from './plan-store.js';
import type { Store } from './session.js';
import { verifyStorefrontApplied } from './verify-storefront.js';

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

export async function applyAndVerify(
  plan: Pick<Plan, 'changes' | 'storefront'>,
  store: Store,
  run: ApplyRun,
): Promise<ChangeResult[]> {
  const storefront = plan.storefront?.changes ?? [];
  const removals = storefront.filter((change) => change.action === 'assignment_remove');
  const later = storefront.filter((change) => change.action !== 'assignment_remove');
  const total = plan.changes.length + storefront.length;
  const progress = { done: 0, total, failed: 0 };
  const report = (result: ChangeResult) => {
    progress.done += 1;
    if (result.outcome === 'failed') progress.failed += 1;
    run.onResult?.(result, { ...progress });
  };
  const done = new Map<string, ChangeResult>();
  const runStorefront = async (changes: StorefrontChange[]) => {
    const results = await applyStorefrontChanges(changes, store.client.storefront, done, report);
    for (const result of results) done.set(result.key, result);
    return results;
  };
  const removed = await runStorefront(removals);
  const groupResults = await applyPlan(plan.changes, store.client, {
    concurrency: run.concurrency,
    onResult: (result) => report(result),
    ...(run.onMergeProgress ? { onMergeProgress: run.onMergeProgress } : {}),
    customers: createCustomerMover(store.client),
  });
  for (const result of groupResults) done.set(result.key, result);
  const rest = await runStorefront(later);
  run.onApplied?.();
  const ordered = { changes: [...removals, ...later], results: [...removed, ...rest] };
  try {
    const verified = await verifyStorefrontApplied(store, plan, groupResults, ordered, done);
    return [...verified.groups, ...verified.storefront];
  } catch (error) {
    run.onUnverified?.(error instanceof Error ? error.message : String(error));
    return [...groupResults, ...ordered.results].map((result) =>
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
