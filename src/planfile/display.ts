// What `apply PLANFILE` shows comes from the store read at apply and from the plan's bodies, never from text
// in the file: an edited file could label category 20 "Tools/Hammers" while it sends 90% off everything.
// Bodies, keys, names and the summary are checked by consistency.ts; this rebuilds every other field a
// person reads: catalog names, customer counts, reasons, the unchanged and unmanaged lists, and notes.
import { findNotices } from '../plan/notices.js';
import type {
  Catalog,
  Change,
  ChangeReason,
  GroupRef,
  GroupState,
  LiveGroup,
  Plan,
  PlanReads,
} from '../model/index.js';
import type { HolderFlag, StorefrontPlan } from '../model/index.js';
import { nameKey } from '../model/normalize.js';
import { nameReferences } from '../plan/annotate.js';
import { listChangeStates } from '../references/catalog-needs.js';

export interface DisplayFacts {
  liveGroups: readonly LiveGroup[];
  /** The catalog read at apply for what the changes' states refer to. */
  catalog: Catalog;
  /** Customers per touched live group, counted at apply; undefined when not counted. */
  customers?: ReadonlyMap<number, number>;
  /** The reads apply made, and what it could not check. */
  reads: PlanReads;
  /** The file of groups/ that describes a group of this name now, when groups/ could be read. */
  fileOf: (name: string) => string | undefined;
}

/** Said where a file name would be, when no file of groups/ describes the group now. */
export const NO_FILE_NOW = 'a file no longer in the groups folder';

export function deriveDisplay(plan: Plan, facts: DisplayFacts): Plan {
  const liveById = new Map(facts.liveGroups.map((group) => [group.id, group]));
  const liveNames = new Set(facts.liveGroups.map((group) => nameKey(group.name)));
  const changes = plan.changes.map((change) =>
    rebuildChange(change, {
      reasons: deriveReasons(change, plan.changes, facts, liveNames),
      customers: change.action === 'create' ? 0 : (facts.customers?.get(change.id) ?? null),
      source: change.action === 'delete' ? undefined : facts.fileOf(change.after.name),
    }),
  );
  const names = nameReferences(plan.changes.flatMap(listChangeStates), facts.catalog);
  const notices = findNotices(changes);
  // Notes are for people only and the file's are not shown; the summary and refusals are checked elsewhere.
  // The storefront changes are what apply does; only their names are for people, taken from the store.
  return {
    summary: plan.summary,
    refusals: plan.refusals,
    changes,
    ...(notices.length > 0 ? { notices } : {}),
    ...(plan.storefront ? { storefront: renameStorefront(plan.storefront, facts.catalog) } : {}),
    unchanged: plan.unchanged.map((ref) => nameFromStore(ref, liveById)),
    unmanaged: plan.unmanaged.map((ref) => nameFromStore(ref, liveById)),
    ...(names ? { catalog_names: names } : {}),
    reads: facts.reads,
  };
}

/** Only the fields a change is made of, the shown ones derived: anything else the file added is dropped. */
function rebuildChange(
  change: Change,
  shown: { reasons: ChangeReason[]; customers: number | null; source: string | undefined },
): Change {
  const common = {
    key: change.key,
    name: change.name,
    reasons: shown.reasons,
    depends_on: change.depends_on,
    body: change.body,
    customers: shown.customers,
  };
  const source = shown.source === undefined ? {} : { source: shown.source };
  if (change.action === 'create') return { ...common, action: 'create', id: null, after: change.after, ...source };
  if (change.action === 'delete') {
    // merge_into is what apply does (move the customers first), not a display field: it is kept as planned.
    const merge = change.merge_into ? { merge_into: change.merge_into } : {};
    return { ...common, action: 'delete', id: change.id, before: change.before, ...merge };
  }
  const { id, before, after, fields, kind } = change;
  return { ...common, action: 'update', id, before, after, fields, kind, ...source };
}

function nameFromStore(ref: GroupRef, liveById: ReadonlyMap<number, LiveGroup>): GroupRef {
  return { id: ref.id, name: liveById.get(ref.id)?.name ?? `(group ${ref.id}, not in the store now)` };
}

/**
 * The file's reasons that the change itself and the store bear out; any other is replaced by what the change
 * shows on its face (a create is not live, a delete is pruned, an edit is changed in the file naming it now).
 */
function deriveReasons(
  change: Change,
  changes: readonly Change[],
  facts: DisplayFacts,
  liveNames: ReadonlySet<string>,
): ChangeReason[] {
  const kept = change.reasons.flatMap((reason) => checkReason(reason, change, changes, facts, liveNames));
  return kept.length > 0 ? kept : [baseReason(change, facts)];
}

function checkReason(
  reason: ChangeReason,
  change: Change,
  changes: readonly Change[],
  facts: DisplayFacts,
  liveNames: ReadonlySet<string>,
): ChangeReason[] {
  const renames = change.action === 'update' && change.fields.includes('name');
  switch (reason.fact) {
    case 'not_live':
      return change.action === 'create' && !liveNames.has(nameKey(change.after.name)) ? [reason] : [];
    case 'pruned':
    case 'unmanaged':
      return change.action === 'delete' || (change.action === 'update' && change.kind === 'unmanaged_release')
        ? [reason]
        : [];
    case 'renamed':
      return renames && reason.id === change.id ? [reason] : [];
    case 'renamed_from':
      return renames && change.action === 'update' && reason.from === change.before.name ? [reason] : [];
    case 'edited': {
      if (change.action !== 'update') return [];
      return [{ fact: 'edited', file: facts.fileOf(change.after.name) ?? NO_FILE_NOW }];
    }
    case 'flag_moves':
      return receives(changes, reason.to, [reason.flag]) && holds(change, reason.flag) ? [reason] : [];
    case 'swap_release':
      return receives(changes, reason.to, reason.flags) && reason.flags.every((flag) => holds(change, flag))
        ? [reason]
        : [];
    case 'holder_vanishes':
      return holds(change, reason.flag) ? [reason] : [];
    // A merge is shown by its target from the change itself; the file is the groups/ file naming it now.
    case 'merged_into':
      return change.action === 'delete' && change.merge_into?.name === reason.to ? [mergedInto(change, facts)] : [];
    // Names and files only the file says (old names not found, a file kept for other stores): not shown.
    case 'rename_source_missing':
    case 'already_renamed':
    case 'not_for_store':
      return [];
  }
}

function baseReason(change: Change, facts: DisplayFacts): ChangeReason {
  if (change.action === 'create') return { fact: 'not_live' };
  if (change.action === 'delete') return change.merge_into ? mergedInto(change, facts) : { fact: 'pruned' };
  if (change.kind === 'edit') return { fact: 'edited', file: facts.fileOf(change.after.name) ?? NO_FILE_NOW };
  return { fact: 'unmanaged' };
}

/** The group named `to` gets every one of these flags from some change of the plan. */
function receives(changes: readonly Change[], to: string, flags: readonly HolderFlag[]): boolean {
  return changes.some(
    (other) => other.action !== 'delete' && other.after.name === to && flags.every((flag) => other.after[flag]),
  );
}

/** The group held the flag before this change (it gives it up or disappears with it). */
function holds(change: Change, flag: HolderFlag): boolean {
  const before: GroupState | undefined = change.action === 'create' ? undefined : change.before;
  return before?.[flag] === true;
}

function mergedInto(change: Change & { action: 'delete' }, facts: DisplayFacts): ChangeReason {
  const to = change.merge_into?.name ?? '';
  return { fact: 'merged_into', to, file: facts.fileOf(to) ?? NO_FILE_NOW };
}

/** The storefront section with each price list and channel named as the store names it now. */
function renameStorefront(storefront: StorefrontPlan, catalog: Catalog): StorefrontPlan {
  const rename = (
    names: Record<string, string>,
    known: readonly { id: number; name: string }[] | undefined,
    noun: string,
  ) =>
    Object.fromEntries(
      Object.keys(names).map((id) => [id, known?.find((entry) => String(entry.id) === id)?.name ?? `${noun} ${id}`]),
    );
  return {
    ...storefront,
    price_list_names: rename(storefront.price_list_names, catalog.priceLists, 'price list'),
    channel_names: rename(storefront.channel_names, catalog.channels, 'channel'),
  };
}
