// Safety is its own pure pass over a finished plan: each refusal names its threshold, the numbers and the flag
// that overrides it, as data that render/ words.
// A share of a few groups says little (1 of 2 is 50%), yet a small store can lose most of its groups too. So
// both percent checks count a store of fewer than minGroupsForPercent groups as that many: one or two changes
// pass, deleting most of a small store is still refused, and deletes and updates follow the same rule.
import type {
  Change,
  PercentRefusal,
  Plan,
  ReferencedGroup,
  ReferencesRefusal,
  SafetyConfig,
  ThresholdRefusal,
} from '../model/index.js';
import { listStorefrontTouched } from './storefront-touched.js';

const OVERRIDE = '--force';

export function checkSafety(
  plan: Pick<Plan, 'changes' | 'storefront'>,
  liveCount: number,
  safety: SafetyConfig,
): ThresholdRefusal[] {
  const deletes = plan.changes.filter((change) => change.action === 'delete').length;
  // A live group whose assignments or channel roles change is an updated group too.
  const updates = new Set([
    ...plan.changes.flatMap((change) => (change.action === 'update' ? [change.id] : [])),
    ...listStorefrontTouched(plan.storefront?.changes ?? []),
  ]).size;
  const refusals: ThresholdRefusal[] = [];

  if (deletes > safety.maxDeletes) {
    refusals.push({ check: 'maxDeletes', limit: safety.maxDeletes, actual: deletes, override: OVERRIDE });
  }
  // Both percentages are taken of the same base: the store, but never fewer than minGroupsForPercent groups.
  const base = Math.max(liveCount, safety.minGroupsForPercent);
  const deleteShare = shareOf('maxDeletePercent', deletes, liveCount, base, safety.maxDeletePercent);
  if (deletes > 0 && deleteShare.percent > safety.maxDeletePercent) refusals.push(deleteShare);
  const updateShare = shareOf('maxUpdatePercent', updates, liveCount, base, safety.maxUpdatePercent);
  if (updateShare.percent > safety.maxUpdatePercent) refusals.push(updateShare);
  const customers = checkDeletedCustomers(plan.changes, safety.maxDeletedCustomers);
  if (customers) refusals.push(customers);
  const references = checkReferences(plan.changes);
  if (references) refusals.push(references);
  return refusals;
}

/**
 * A deleted group that a promotion, tax zone, price list assignment or channel names leaves that thing
 * pointing at nothing (a promotion that excluded it then includes its members). A source that could not be
 * read may name it too, so it is refused alike. A delete whose references were never read is not checked.
 */
function checkReferences(changes: readonly Change[]): ReferencesRefusal | undefined {
  const groups: ReferencedGroup[] = [];
  for (const change of changes) {
    if (change.action !== 'delete' || change.references === undefined) continue;
    const unchecked = change.unchecked ?? [];
    if (change.references.length === 0 && unchecked.length === 0) continue;
    groups.push({ id: change.id, name: change.name, references: change.references, unchecked });
  }
  if (groups.length === 0) return undefined;
  return { check: 'references', limit: 0, actual: groups.length, groups, override: OVERRIDE };
}

/**
 * Deleted groups take their pricing from every member. A delete whose members were not counted
 * (customers: null, --no-customers) cannot be checked, so it is refused as if it had too many: an
 * unknown may be 4,000 customers. A plan never annotated (customers absent) is not checked.
 */
function checkDeletedCustomers(changes: readonly Change[], limit: number): ThresholdRefusal | undefined {
  // A merge moves its customers into another group before the delete: nobody loses a group's pricing.
  const deletes = changes.filter(
    (change) => change.action === 'delete' && change.customers !== undefined && !change.merge_into,
  );
  const uncounted = deletes.filter((change) => change.customers === null).length;
  const members = deletes.reduce((sum, change) => sum + (change.customers ?? 0), 0);
  if (uncounted === 0 && members <= limit) return undefined;
  return {
    check: 'maxDeletedCustomers',
    limit,
    actual: members,
    groups: deletes.length - uncounted,
    uncounted,
    override: OVERRIDE,
  };
}

function shareOf(
  check: PercentRefusal['check'],
  count: number,
  total: number,
  base: number,
  limit: number,
): PercentRefusal {
  const percent = base > 0 ? (count / base) * 100 : count > 0 ? 100 : 0;
  return { check, limit, actual: Math.round(percent * 100) / 100, count, total, base, percent, override: OVERRIDE };
}
