// The plan worded as a report of what differs between the store and groups/, one line per group.
import { GROUP_FIELDS, type Change, type FieldName, type GroupState, type Plan, type UpdateChange } from '../model.js';
import { differingFields } from '../normalize.js';
import { describeRuleDrift, formatField, pairChangedRules } from './words.js';

export const IN_SYNC = 'In sync: no differences.';

/** "Retail: discount_rules differ (store has 10% off category 18, groups/ says 15%)". */
export function driftLines(plan: Pick<Plan, 'changes'>): string[] {
  return mergeByGroup(plan.changes).map((change) => {
    if (change.action === 'create') return `${change.name}: in groups/ but not in the store`;
    if (change.action === 'delete') return `${change.name}: in the store but not in groups/`;
    if (!change.managed) return `${change.before.name}: ${change.reason}`;
    const label = change.fields.includes('name') ? `${change.after.name} (id ${change.id})` : change.after.name;
    return `${label}: ${change.fields.map((field) => describeFieldDrift(field, change.before, change.after)).join('; ')}`;
  });
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

function describeFieldDrift(field: FieldName, store: GroupState, files: GroupState): string {
  if (field === 'discount_rules') {
    return `discount_rules differ (${pairChangedRules(store.discount_rules, files.discount_rules).map(describeRuleDrift).join('; ')})`;
  }
  return `${field} differs (store has ${formatField(field, store)}, groups/ says ${formatField(field, files)})`;
}
