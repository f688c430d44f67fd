// The plan worded as a report of what differs between the store and the group files, one line per group.
import {
  GROUP_FIELDS,
  type Change,
  type FieldName,
  type GroupState,
  type Plan,
  type UpdateChange,
} from '../model/index.js';
import { differingFields } from '../model/normalize.js';
import { describeReasons, describeRuleDrift, formatField, pairChangedRules, type Names } from './words.js';
import { folderLabel } from '../text/words.js';
import { storefrontDriftLines } from './storefront-lines.js';

export const IN_SYNC = 'In sync: no differences.';
/** Drift still exits 2 for unmanaged groups, so "in sync" would contradict it; this says only what holds. */
export const NO_FIELD_DIFFERENCES = 'No field differences: every group file matches the store.';
export const UNMANAGED_HEADING_DRIFT = 'Unmanaged (in the store, described by no file)';
/** The plan's heading names the folder: a newcomer reads it as where to add a file. */
export function unmanagedHeadingPlan(dir: string): string {
  return `Unmanaged (in the store, not in ${folderLabel(dir)}; left alone but for a moving guest or default flag)`;
}

export interface DriftCounts {
  /** In a file but not in the store. */
  missing: number;
  /** In both, with fields that differ (a moving flag of an unmanaged group included). */
  differ: number;
  /** In the store only and planned away (prune on). */
  extra: number;
}

/** What a drift report says when no group differs: "in sync" only if nothing is unmanaged either. */
export function describeNoDrift(plan: Pick<Plan, 'unmanaged'>): string {
  const count = plan.unmanaged.length;
  if (count === 0) return IN_SYNC;
  const them = count === 1 ? 'it' : 'them';
  return `${NO_FIELD_DIFFERENCES} But ${count === 1 ? '1 live group is' : `${count} live groups are`} described by no file: import ${them} (bcgroups import), delete ${them} (apply --prune), or accept ${them} (drift --ignore-unmanaged).`;
}

/** Counts of groups (not requests): a swap's flag release and its main update count once. */
export function countDrift(plan: Pick<Plan, 'changes'>): DriftCounts {
  const merged = mergeByGroup(plan.changes);
  const count = (action: Change['action']) => merged.filter((change) => change.action === action).length;
  return { missing: count('create'), differ: count('update'), extra: count('delete') };
}

/** "Retail: discount_rules differ (store has 10% off Power Tools (category 18), the file says 15%)". */
export function driftLines(plan: Pick<Plan, 'changes' | 'catalog_names' | 'storefront'>): string[] {
  const names = plan.catalog_names;
  const groups = mergeByGroup(plan.changes).map((change) => {
    if (change.action === 'create') return `${change.name}: in a file but not in the store`;
    if (change.action === 'delete' && change.merge_into)
      return `${change.name}: in the store, merged into ${change.merge_into.name} by merged_from (not applied yet)`;
    if (change.action === 'delete') return `${change.name}: in the store, described by no file`;
    if (change.kind === 'unmanaged_release') return `${change.before.name}: ${describeReasons(change)}`;
    const label = change.fields.includes('name') ? `${change.after.name} (id ${change.id})` : change.after.name;
    return `${label}: ${change.fields.map((field) => describeFieldDrift(field, change.before, change.after, names)).join('; ')}`;
  });
  return [...groups, ...storefrontDriftLines(plan.storefront)];
}

/** A swap's separate flag release and its main update are one group to a reader of drift. */
function mergeByGroup(changes: readonly Change[]): Change[] {
  const merged: Change[] = [];
  const updates = new Map<number, UpdateChange>();
  for (const change of changes) {
    if (change.action !== 'update') {
      merged.push(change);
      continue;
    }
    const earlier = updates.get(change.id);
    if (!earlier) {
      const copy = { ...change };
      updates.set(change.id, copy);
      merged.push(copy);
      continue;
    }
    earlier.after = change.after;
    earlier.fields = differingFields(earlier.before, earlier.after, GROUP_FIELDS);
  }
  return merged;
}

function describeFieldDrift(field: FieldName, store: GroupState, files: GroupState, names: Names): string {
  if (field === 'discount_rules') {
    return `discount_rules differ (${pairChangedRules(store.discount_rules, files.discount_rules)
      .map((pair) => describeRuleDrift(pair, names))
      .join('; ')})`;
  }
  return `${field} differs (store has ${formatField(field, store, names)}, the file says ${formatField(field, files, names)})`;
}
