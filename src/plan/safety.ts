// Safety is its own pure pass over a finished plan: each refusal names its threshold, the numbers and --force.
// A share of a few groups says little (1 of 2 is 50%), yet a small store can lose most of its groups too. So
// both percent checks count a store of fewer than minGroupsForPercent groups as that many: one or two changes
// pass, deleting most of a small store is still refused, and deletes and updates follow the same rule.
import type { Change, Plan, SafetyConfig, SafetyRefusal } from '../model/index.js';
import { count as countOf } from '../text/words.js';

const FORCE_HINT = 'Re-run with --force to allow it.';

export function checkSafety(plan: Pick<Plan, 'changes'>, liveCount: number, safety: SafetyConfig): SafetyRefusal[] {
  const deletes = plan.changes.filter((change) => change.action === 'delete').length;
  const updates = new Set(plan.changes.flatMap((change) => (change.action === 'update' ? [change.id] : []))).size;
  const refusals: SafetyRefusal[] = [];

  if (deletes > safety.maxDeletes) {
    refusals.push({
      check: 'maxDeletes',
      limit: safety.maxDeletes,
      actual: deletes,
      message: `Refusing to delete ${countOf(deletes, 'group')}: more than safety.maxDeletes (${safety.maxDeletes}). ${FORCE_HINT}`,
    });
  }
  // Both percentages are taken of the same base: the store, but never fewer than minGroupsForPercent groups.
  const base = Math.max(liveCount, safety.minGroupsForPercent);
  const deletePercent = percentOf(deletes, base);
  if (deletes > 0 && deletePercent > safety.maxDeletePercent) {
    refusals.push({
      check: 'maxDeletePercent',
      limit: safety.maxDeletePercent,
      actual: roundPercent(deletePercent),
      message: `Refusing to delete ${deletes} of ${countOf(liveCount, 'group')} (${describePercent(deletePercent, liveCount, safety)}): more than safety.maxDeletePercent (${safety.maxDeletePercent}%). ${FORCE_HINT}`,
    });
  }
  const updatePercent = percentOf(updates, base);
  if (updatePercent > safety.maxUpdatePercent) {
    refusals.push({
      check: 'maxUpdatePercent',
      limit: safety.maxUpdatePercent,
      actual: roundPercent(updatePercent),
      message: `Refusing to update ${updates} of ${countOf(liveCount, 'group')} (${describePercent(updatePercent, liveCount, safety)}): more than safety.maxUpdatePercent (${safety.maxUpdatePercent}%). ${FORCE_HINT}`,
    });
  }
  const customers = checkDeletedCustomers(plan.changes, safety.maxDeletedCustomers);
  if (customers) refusals.push(customers);
  return refusals;
}

/**
 * Deleted groups take their pricing from every member. A delete whose members were not counted
 * (customers: null, --no-customers) cannot be checked, so it is refused as if it had too many: an
 * unknown may be 4,000 customers. A plan never annotated (customers absent) is not checked.
 */
function checkDeletedCustomers(changes: readonly Change[], limit: number): SafetyRefusal | undefined {
  const deletes = changes.filter((change) => change.action === 'delete' && change.customers !== undefined);
  const uncounted = deletes.filter((change) => change.customers === null).length;
  const members = deletes.reduce((sum, change) => sum + (change.customers ?? 0), 0);
  if (uncounted > 0) {
    return {
      check: 'maxDeletedCustomers',
      limit,
      actual: members,
      message: `Refusing to delete ${countOf(uncounted, 'group')} whose customers were not counted (--no-customers): safety.maxDeletedCustomers (${limit}) cannot be checked. ${FORCE_HINT}`,
    };
  }
  if (members <= limit) return undefined;
  return {
    check: 'maxDeletedCustomers',
    limit,
    actual: members,
    message: `Refusing to delete ${countOf(deletes.length, 'group')} holding ${countOf(members, 'customer')}: more than safety.maxDeletedCustomers (${limit}); they would lose the group's pricing. ${FORCE_HINT}`,
  };
}

/** "40%", and in a small store why it is not "100%": the share is counted of the minimum base. */
function describePercent(percent: number, liveCount: number, safety: SafetyConfig): string {
  const share = formatPercent(percent);
  if (liveCount >= safety.minGroupsForPercent) return share;
  return `${share}, counted as a share of ${countOf(safety.minGroupsForPercent, 'group')}, safety.minGroupsForPercent, since the store has fewer`;
}

function percentOf(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : part > 0 ? 100 : 0;
}

function roundPercent(percent: number): number {
  return Math.round(percent * 100) / 100;
}

/** Never rounds down to the limit: 25.2% shows as "25.2%", not "25%". */
function formatPercent(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}
