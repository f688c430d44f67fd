// The words of a safety refusal, from its numbers: what the plan would do, the threshold it passes, and the
// flag that overrides it. Text, markdown, JSON, the forced-plan header and RefusedPlanError all say it so.
import type { DeletedCustomersRefusal, OwnershipRefusal, PercentRefusal, SafetyRefusal } from '../model/index.js';
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
    case 'protect':
    case 'ignore':
      return describeOwned(refusal);
    case 'references':
      return describeReferencesRefusal(refusal);
  }
}

/** "Refusing to delete 7 groups: more than safety.maxDeletes (5).", without the way past it. */
export function describeRefusing(refusal: SafetyRefusal): string {
  return `Refusing to ${describeRefusal(refusal)}`;
}

/** The whole refusal of a plan, ending with the flag that overrides it, or the config edit no flag replaces. */
export function describeRefusalWithOverride(refusal: SafetyRefusal): string {
  if (refusal.override === null) return `${describeRefusing(refusal)} ${describeConfigEdit(refusal)}`;
  return `${describeRefusing(refusal)} Re-run with ${refusal.override} to allow it.`;
}

/** What to do instead of --force: the config says no, so a reviewed change of it comes first. */
export function describeConfigEdit(refusal: OwnershipRefusal): string {
  const key = refusal.check;
  const fix = `first remove or narrow the pattern in ${key} of the config in a reviewed change`;
  return `--force does not override ${key}: to ${refusal.action} it, ${fix}.`;
}

/** "delete 'B2B Acme' (id 7): protected by 'B2B *' in protect of bcgroups.config.yaml." */
function describeOwned(refusal: OwnershipRefusal): string {
  const group = `'${refusal.name}'${refusal.id === null ? '' : ` (id ${refusal.id})`}`;
  const where = refusal.config_file === null ? 'the config' : refusal.config_file;
  if (refusal.check === 'ignore')
    return `write ${group}: the pattern '${refusal.pattern}' in ignore of ${where} leaves it to another writer.`;
  return `${refusal.action} ${group}: protected by the pattern '${refusal.pattern}' in protect of ${where}.`;
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

/** What a refused saved plan says: which file and when, each refusal, and the command that goes past it. */
export function describeRefusedPlan(error: {
  what: string;
  refusals: readonly SafetyRefusal[];
  replan: string;
  forcedApply?: string | undefined;
}): string {
  const lines = error.refusals.map((refusal) => `  ! ${describeRefusing(refusal)}`);
  // A refusal no flag overrides (a protected or ignored group) is lifted only by a reviewed config edit.
  const owned = error.refusals.find((refusal) => refusal.override === null);
  const fix = owned
    ? `${describeConfigEdit(owned)} Then plan again.`
    : error.forcedApply
      ? 'A forced plan applies past the checks only when apply is given --force as well: ' +
        `if the changes are intended, run \`${error.forcedApply}\`.`
      : 'A saved plan is never forced at apply time. ' +
        `If the changes are intended, run \`${error.replan}\` and apply that file with --force.`;
  return `${error.what}:\n${lines.join('\n')}\n${fix}`;
}
