// Field-by-field comparison of normalized groups, and the minimal request body for each change.
import { GROUP_FIELDS, type CreateChange, type DeleteChange, type DesiredGroup, type FieldName, type GroupState, type LiveGroup, type UpdateChange } from '../model.js';
import { API_DEFAULTS, differingFields, pickState, toWireBody } from '../normalize.js';

export const REASON_NOT_LIVE = 'not in live store';
export const REASON_PRUNED = 'not in groups/ (prune is on)';
export const REASON_UNMANAGED = 'not in groups/';

/** An update of only the differing fields; undefined when the pair already agrees. */
export function planUpdate(desired: DesiredGroup, live: LiveGroup): UpdateChange | undefined {
  const before = pickState(live);
  const after = pickState(desired);
  const fields = differingFields(before, after, GROUP_FIELDS);
  if (fields.length === 0) return undefined;
  return {
    action: 'update',
    key: `update:${live.id}`,
    id: live.id,
    name: desired.name,
    reason: describeEdit(desired, live, fields),
    depends_on: [],
    // discount_rules and category_access go whole: the API replaces them as a unit.
    body: toWireBody(after, fields),
    before,
    after,
    fields,
    managed: true,
    source: desired.source.file,
  };
}

/** A create sends the name and only the fields whose desired value differs from the API's default. */
export function planCreate(desired: DesiredGroup): CreateChange {
  const after = pickState(desired);
  const defaults: GroupState = { name: desired.name, ...API_DEFAULTS };
  const fields: FieldName[] = ['name', ...differingFields(defaults, after, GROUP_FIELDS)];
  return {
    action: 'create',
    key: `create:${desired.name}`,
    name: desired.name,
    reason: REASON_NOT_LIVE,
    depends_on: [],
    body: toWireBody(after, fields),
    after,
    source: desired.source.file,
  };
}

export function planDelete(live: LiveGroup): DeleteChange {
  return {
    action: 'delete',
    key: `delete:${live.id}`,
    id: live.id,
    name: live.name,
    reason: REASON_PRUNED,
    depends_on: [],
    body: {},
    before: pickState(live),
  };
}

/** Why a managed group changes: a rename by pin, an edit of its file, or both. */
export function describeEdit(desired: DesiredGroup, live: LiveGroup, fields: readonly FieldName[]): string {
  const parts: string[] = [];
  if (fields.includes('name')) parts.push(`renamed (pinned id ${live.id})`);
  if (fields.some((field) => field !== 'name')) parts.push(`changed in ${desired.source.file}`);
  return parts.join('; ');
}
