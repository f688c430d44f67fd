// A plan next to its baseline: the same store planned from the base branch's groups/. A change the
// baseline plan sends identically was pending before (store drift, or a merge not yet applied); any other
// change comes from the compared groups/. Within an update, each field is judged on its own: a value the
// baseline would send to that group too was pending, so it neither makes the update this change's own nor
// counts as this change writing over a hand edit. Pure: two plans in, an Attribution out.
import { isDeepStrictEqual } from 'node:util';
import { PlanError, type ValidationError } from '../errors.js';
import type {
  Attribution,
  AttributionOff,
  Change,
  DesiredGroup,
  FieldName,
  LiveGroup,
  Plan,
  UpdateChange,
} from '../model/index.js';
import { GROUP_FIELDS } from '../model/index.js';
import { createPlan, type PlanOptions } from './create-plan.js';

export function attributeChanges(headPlan: Pick<Plan, 'changes'>, basePlan: Pick<Plan, 'changes'>): Attribution {
  const baseByKey = new Map(basePlan.changes.map((change) => [change.key, change]));
  const headKeys = new Set(headPlan.changes.map((change) => change.key));
  const baseWrites = collectWrittenFields(basePlan.changes);
  const origins: Attribution['origins'] = {};
  const overwrites: Attribution['overwrites'] = {};
  const pendingFields: Attribution['pending_fields'] = {};
  for (const change of headPlan.changes) {
    const base = baseByKey.get(change.key);
    const pending = base !== undefined && sendsSameRequest(change, base);
    origins[change.key] = pending ? 'pending' : 'change';
    if (change.action === 'update')
      pendingFields[change.key] = pending ? [...change.fields] : findPendingFields(change, baseWrites.get(change.id));
    if (pending || change.action === 'create') continue;
    const overwritten = overwrittenFields(change, baseWrites.get(change.id), pendingFields[change.key] ?? []);
    if (overwritten.length > 0) overwrites[change.key] = overwritten;
  }
  const dropped = basePlan.changes.filter((change) => !headKeys.has(change.key));
  return { compared: true, origins, overwrites, pending_fields: pendingFields, dropped };
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
    if (error instanceof PlanError)
      return { compared: false, reason: describeBaselineError('cannot be matched to the store', error) };
    throw error;
  }
}

/** "the baseline's groups/ has 2 problems (first: groups/a.yaml:3:1 name ...)", for the attribution-off note. */
export function describeBaselineError(what: string, error: PlanError | ValidationError): string {
  const first = error.problems[0];
  const where = first
    ? ` (first: ${first.file}:${first.line}:${first.col}${first.field ? ` ${first.field}` : ''}: ${first.message})`
    : '';
  return `the baseline's groups ${what}: ${error.message}${where}`;
}

/** Same action, same group, same request body: the merge changes nothing about this request. */
function sendsSameRequest(head: Change, base: Change): boolean {
  return head.action === base.action && isDeepStrictEqual(head.body, base.body);
}

/**
 * Per live group id: the fields the baseline's updates write and the values they write, i.e. where the store
 * holds a value the baseline's files do not. A baseline delete is left out: it says the group is unwanted,
 * not which value is. A flag release and the edit after it both write to one group; the later value wins.
 */
function collectWrittenFields(changes: readonly Change[]): Map<number, Map<FieldName, unknown>> {
  const written = new Map<number, Map<FieldName, unknown>>();
  for (const change of changes) {
    if (change.action !== 'update') continue;
    const fields = written.get(change.id) ?? new Map<FieldName, unknown>();
    for (const field of change.fields) fields.set(field, change.after[field]);
    written.set(change.id, fields);
  }
  return written;
}

/** The fields of an update whose value the baseline would write to the same group as well. */
function findPendingFields(change: UpdateChange, baseWritten: Map<FieldName, unknown> | undefined): FieldName[] {
  if (!baseWritten) return [];
  return change.fields.filter(
    (field) => baseWritten.has(field) && isDeepStrictEqual(baseWritten.get(field), change.after[field]),
  );
}

/**
 * The fields an update itself writes (or a delete loses) whose live value the baseline's files disagree with
 * too: a hand edit this change reverts. A field the baseline would send the same value to was pending anyway.
 */
function overwrittenFields(
  change: Exclude<Change, { action: 'create' }>,
  baseWritten: Map<FieldName, unknown> | undefined,
  pending: readonly FieldName[],
): FieldName[] {
  if (!baseWritten) return [];
  const fields = change.action === 'update' ? change.fields : GROUP_FIELDS;
  return fields.filter((field) => baseWritten.has(field) && !pending.includes(field));
}
