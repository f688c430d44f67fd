// Whether a saved plan may run now: it was not refused when planned, it fits the store it was made from,
// unchanged since, and the safety checks would pass it now (a hand-edited file must not slip past them).
import { RefusedPlanError, StalePlanError } from '../../errors.js';
import type { Catalog, LiveGroup, SafetyConfig, SafetyRefusal, SavedPlan } from '../../model.js';
import { findMovedReferences } from '../../references/index.js';
import { checkSafety } from '../safety.js';
import { findStaleReasons } from './stale.js';

export interface SavedPlanContext {
  /** The plan file as the user named it, for messages. */
  file: string;
  /** The plan command that makes a fresh plan with these flags; refusals and stale plans quote it. */
  replan(flags: { prune: boolean; force: boolean }): string;
}

export interface StoreNow {
  storeHash: string;
  liveGroups: readonly LiveGroup[];
  safety: SafetyConfig;
  /** A fresh read of what the plan's references by name need; absent reads count as unread. */
  catalog?: Catalog;
}

/** Throws RefusedPlanError if the plan carries refusals: checked before the store is contacted. */
export function checkPlannedRefusals(saved: SavedPlan, context: SavedPlanContext): void {
  if (saved.plan.refusals.length > 0) throw refuse(saved, context, saved.plan.refusals, 'was refused by a safety check when it was planned');
}

/** Throws StalePlanError if the store moved on, RefusedPlanError if the safety checks refuse it now. */
export function checkAgainstStore(saved: SavedPlan, store: StoreNow, context: SavedPlanContext): void {
  const reasons = [
    ...findStaleReasons(saved, [...store.liveGroups], store.storeHash),
    ...findMovedReferences(saved.references ?? [], store.catalog ?? { unread: 'the catalog was not read again' }),
  ];
  if (reasons.length > 0) throw new StalePlanError(reasons, context.replan({ prune: hasDeletes(saved), force: saved.forced }));
  const refusals = saved.forced ? [] : checkSafety(saved.plan, store.liveGroups.length, store.safety);
  if (refusals.length > 0) throw refuse(saved, context, refusals, 'would be refused by the safety checks');
}

function refuse(saved: SavedPlan, context: SavedPlanContext, refusals: SafetyRefusal[], why: string): RefusedPlanError {
  return new RefusedPlanError(`${context.file} ${why}`, refusals, context.replan({ prune: hasDeletes(saved), force: true }));
}

/** Deletes come only from pruning, so a plan with deletes is re-made with --prune. */
function hasDeletes(saved: SavedPlan): boolean {
  return saved.plan.changes.some((change) => change.action === 'delete');
}
