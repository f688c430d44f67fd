// A plan next to its baseline: the same store planned from the base branch's groups/. A change the
// baseline plan sends identically was pending before (store drift, or a merge not yet applied); any other
// change comes from the compared groups/. Pure: two plans in, an Attribution out.
import { isDeepStrictEqual } from 'node:util';
import { PlanError, ValidationError } from '../errors.js';
import type { Attribution, AttributionOff, Change, DesiredGroup, FieldName, LiveGroup, Plan } from '../model/index.js';
import { GROUP_FIELDS } from '../model/index.js';
import { createPlan, type PlanOptions } from './create-plan.js';

export function attributeChanges(headPlan: Pick<Plan, 'changes'>, basePlan: Pick<Plan, 'changes'>): Attribution {
  const baseByKey = new Map(basePlan.changes.map((change) => [change.key, change]));
  const headKeys = new Set(headPlan.changes.map((change) => change.key));
  const baseWrites = collectWrittenFields(basePlan.changes);
  const origins: Attribution['origins'] = {};
  const overwrites: Attribution['overwrites'] = {};
  for (const change of headPlan.changes) {
    const base = baseByKey.get(change.key);
    const pending = base !== undefined && sendsSameRequest(change, base);
    origins[change.key] = pending ? 'pending' : 'change';
    if (pending || change.action === 'create') continue;
    const overwritten = overwrittenFields(change, baseWrites.get(change.id));
    if (overwritten.length > 0) overwrites[change.key] = overwritten;
  }
  const dropped = basePlan.changes.filter((change) => !headKeys.has(change.key));
  return { compared: true, origins, overwrites, dropped };
}

/**
 * Plans the baseline's groups against the same live store and attributes the head plan. A baseline that
 * cannot be matched to the store (a pin to a deleted group, say) turns attribution off instead of failing:
 * what the compared groups/ would do is what counts.
 */
export function attributeAgainstBaseline(
  headPlan: Pick<Plan, 'changes'>,
  baselineGroups: readonly DesiredGroup[],
  liveGroups: readonly LiveGroup[],
  options: PlanOptions,
): Attribution | AttributionOff {
  try {
    return attributeChanges(headPlan, createPlan(baselineGroups, liveGroups, options));
  } catch (error) {
    if (error instanceof PlanError) return { compared: false, reason: describeBaselineError('cannot be matched to the store', error) };
    throw error;
  }
}

/** "the baseline's groups/ has 2 problems (first: groups/a.yaml:3:1 name ...)", for the attribution-off note. */
export function describeBaselineError(what: string, error: PlanError | ValidationError): string {
  const first = error.problems[0];
  const where = first ? ` (first: ${first.file}:${first.line}:${first.col}${first.field ? ` ${first.field}` : ''}: ${first.message})` : '';
  return `the baseline's groups ${what}: ${error.message}${where}`;
}

/** Same action, same group, same request body: the merge changes nothing about this request. */
function sendsSameRequest(head: Change, base: Change): boolean {
  return head.action === base.action && isDeepStrictEqual(head.body, base.body);
}

/**
 * Per live group id: the fields the baseline's updates write, i.e. where the store holds a value the
 * baseline's files do not. A baseline delete is left out: it says the group is unwanted, not which value is.
 */
function collectWrittenFields(changes: readonly Change[]): Map<number, Set<FieldName>> {
  const written = new Map<number, Set<FieldName>>();
  for (const change of changes) {
    if (change.action !== 'update') continue;
    const fields = written.get(change.id) ?? new Set<FieldName>();
    for (const field of change.fields) fields.add(field);
    written.set(change.id, fields);
  }
  return written;
}

/** The fields an update writes (or a delete loses) whose live value the baseline's files disagree with too. */
function overwrittenFields(change: Exclude<Change, { action: 'create' }>, baseWritten: Set<FieldName> | undefined): FieldName[] {
  if (!baseWritten) return [];
  const fields = change.action === 'update' ? change.fields : GROUP_FIELDS;
  return fields.filter((field) => baseWritten.has(field));
}
