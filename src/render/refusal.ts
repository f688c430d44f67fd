// The words of a safety refusal, from its numbers: what the plan would do, the threshold it passes, and the
// flag that overrides it. Text, markdown, JSON, the forced-plan header and RefusedPlanError all say it so.
import type { DeletedCustomersRefusal, PercentRefusal, SafetyRefusal } from '../model/index.js';
import { count } from '../text/words.js';
import { describeReferencesRefusal } from './group-references.js';

/** "delete 7 groups: more than safety.maxDeletes (5).", as an overridden threshold is listed. */
export function describeRefusal(refusal: SafetyRefusal): string {
  switch (refusal.check) {
    case 'maxDeletes':
      return `delete ${count(refusal.actual, 'group')}: more than safety.maxDeletes (${refusal.limit}).`;
    case 'maxDeletePercent':
      return `delete ${describeShare(refusal)}: more than safety.maxDeletePercent (${refusal.limit}%).`;
    case 'maxUpdatePercent':
      return `update ${describeShare(refusal)}: more than safety.maxUpdatePercent (${refusal.limit}%).`;
    case 'maxDeletedCustomers':
      return describeDeletedCustomers(refusal);
    case 'references':
      return describeReferencesRefusal(refusal);
  }
}

/** "Refusing to delete 7 groups: more than safety.maxDeletes (5).", without the way past it. */
export function describeRefusing(refusal: SafetyRefusal): string {
  return `Refusing to ${describeRefusal(refusal)}`;
}

/** The whole refusal of a plan, ending with the flag that overrides it. */
export function describeRefusalWithOverride(refusal: SafetyRefusal): string {
  return `${describeRefusing(refusal)} Re-run with ${refusal.override} to allow it.`;
}

/** "4 of 9 groups (44.4%)", and in a small store why it is not "100%": the share is counted of the minimum base. */
function describeShare(refusal: PercentRefusal): string {
  const share = formatPercent(refusal.percent);
  const of = `${refusal.count} of ${count(refusal.total, 'group')}`;
  if (refusal.base <= refusal.total) return `${of} (${share})`;
  const base = `counted as a share of ${count(refusal.base, 'group')}, safety.minGroupsForPercent`;
  return `${of} (${share}, ${base}, since the store has fewer)`;
}

function describeDeletedCustomers(refusal: DeletedCustomersRefusal): string {
  const limit = `safety.maxDeletedCustomers (${refusal.limit})`;
  if (refusal.uncounted > 0) {
    const groups = `${count(refusal.uncounted, 'group')} whose customers were not counted (--no-customers)`;
    return `delete ${groups}: ${limit} cannot be checked.`;
  }
  const members = `delete ${count(refusal.groups, 'group')} holding ${count(refusal.actual, 'customer')}`;
  return `${members}: more than ${limit}; they would lose the group's pricing.`;
}

/** Never rounds down to the limit: 25.2% shows as "25.2%", not "25%". */
function formatPercent(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}
