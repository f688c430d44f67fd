// Safety is its own pure pass over a finished plan: each refusal names its threshold, the numbers and --force.
import type { Change, Plan, SafetyConfig, SafetyRefusal } from '../model.js';
import { count as countOf } from '../words.js';

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
  const deletePercent = percentOf(deletes, liveCount);
  if (deletes > 0 && deletePercent > safety.maxDeletePercent) {
    refusals.push({
      check: 'maxDeletePercent',
      limit: safety.maxDeletePercent,
      actual: roundPercent(deletePercent),
      message: `Refusing to delete ${deletes} of ${countOf(liveCount, 'group')} (${formatPercent(deletePercent)}): more than safety.maxDeletePercent (${safety.maxDeletePercent}%). ${FORCE_HINT}`,
    });
  }
  const updatePercent = percentOf(updates, liveCount);
  if (liveCount >= safety.minGroupsForUpdateCheck && updatePercent > safety.maxUpdatePercent) {
    refusals.push({
      check: 'maxUpdatePercent',
      limit: safety.maxUpdatePercent,
      actual: roundPercent(updatePercent),
      message: `Refusing to update ${updates} of ${countOf(liveCount, 'group')} (${formatPercent(updatePercent)}): more than safety.maxUpdatePercent (${safety.maxUpdatePercent}%). ${FORCE_HINT}`,
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
