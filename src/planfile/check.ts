// Whether a saved plan may run now: it was not refused when planned, it fits the store it was made from,
// unchanged since, and the safety checks would pass it now (a hand-edited file must not slip past them).
import { RefusedPlanError, StalePlanError, UsageError } from '../errors.js';
import { describeRefusedPlan } from '../render/refusal.js';
import type { Catalog, LiveGroup, PlanOwnership, SafetyConfig, SafetyRefusal, SavedPlan } from '../model/index.js';
import { findMovedReferences } from '../references/index.js';
import { checkOwnership } from '../plan/ownership.js';
import { checkSafety } from '../plan/safety.js';
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
  /** apply --force: overrides the checks of a plan made with --force, and of no other. */
  force?: boolean;
  /** Live groups that no ignore pattern leaves out, which the safety shares count; default: all of them. */
  keptCount?: number;
}

/** Throws RefusedPlanError if the plan carries refusals: checked before the store is contacted. */
export function checkPlannedRefusals(saved: SavedPlan, context: SavedPlanContext): void {
  if (saved.plan.refusals.length > 0)
    throw refuse(saved, context, saved.plan.refusals, 'was refused by a safety check when it was planned');
}

/**
 * Throws RefusedPlanError if the plan deletes or renames a group the config protects now, or writes one it
 * ignores: the config of this run decides (the file's record of the patterns is a line anyone can edit), and
 * no flag overrides it. Checked before the store is contacted.
 */
export function checkOwnedChanges(
  saved: SavedPlan,
  ownership: PlanOwnership | undefined,
  context: SavedPlanContext,
): void {
  const owned = ownership ? checkOwnership(saved.plan.changes, ownership) : [];
  if (owned.length > 0) throw refuse(saved, context, owned, 'touches groups the config protects or ignores');
}

/**
 * Throws a UsageError if the run points at another store than the plan's: the flags or environment are
 * wrong, not the plan, and a fresh plan of the wrong store is the last thing to suggest.
 */
export function checkSameStore(saved: SavedPlan, storeHash: string, context: Pick<SavedPlanContext, 'file'>): void {
  if (saved.store_hash === storeHash) return;
  const head = `${context.file} was made for store '${saved.store_hash}', but this run is configured for store '${storeHash}'`;
  // With named stores the file picks its store by name, and --store-hash is refused: only a fresh plan fits.
  const fix =
    saved.store === undefined
      ? `Point --store-hash (or BIGCOMMERCE_STORE_HASH) at store '${saved.store_hash}' to apply it there.`
      : `The file names store '${saved.store}', whose storeHash in the config is '${storeHash}': make a fresh plan of it with \`bcgroups plan --store ${saved.store} --out FILE\` and apply that file.`;
  throw new UsageError(`${head}; nothing was sent. ${fix}`);
}

/**
 * Throws StalePlanError if the store moved on, RefusedPlanError if the safety checks refuse it now; returns
 * what they would refuse when a forced plan is applied with --force (for the printed plan to say so).
 */
export function checkAgainstStore(saved: SavedPlan, store: StoreNow, context: SavedPlanContext): SafetyRefusal[] {
  checkSameStore(saved, store.storeHash, context);
  const reasons = [
    ...findStaleReasons(saved, [...store.liveGroups]),
    ...findMovedReferences(saved.references ?? [], store.catalog ?? { unread: 'the catalog was not read again' }),
  ];
  if (reasons.length > 0)
    throw new StalePlanError(reasons, context.replan({ prune: hasDeletes(saved), force: saved.forced }));
  const found = checkSafety(saved.plan, store.keptCount ?? store.liveGroups.length, store.safety);
  // The forced flag is a line of the file anyone can edit: it counts only when apply is given --force too.
  if (saved.forced && store.force === true) return found;
  if (found.length === 0) return [];
  if (saved.forced) throw refuseForced(saved, context, found);
  throw refuse(saved, context, found, 'would be refused by the safety checks');
}

function refuse(saved: SavedPlan, context: SavedPlanContext, refusals: SafetyRefusal[], why: string): RefusedPlanError {
  const what = `${context.file} ${why}`;
  const replan = context.replan({ prune: hasDeletes(saved), force: true });
  return new RefusedPlanError(describeRefusedPlan({ what, refusals, replan }), refusals);
}

/** A plan made with --force is applied past the checks only with apply --force: the file alone cannot say it. */
function refuseForced(saved: SavedPlan, context: SavedPlanContext, refusals: SafetyRefusal[]): RefusedPlanError {
  const apply = `bcgroups apply ${context.file} --force`;
  const what = `${context.file} was made with --force, and the safety checks would refuse it now`;
  const replan = context.replan({ prune: hasDeletes(saved), force: true });
  return new RefusedPlanError(describeRefusedPlan({ what, refusals, replan, forcedApply: apply }), refusals);
}

/** Deletes come only from pruning, so a plan with deletes is re-made with --prune. */
function hasDeletes(saved: SavedPlan): boolean {
  return saved.plan.changes.some((change) => change.action === 'delete');
}
