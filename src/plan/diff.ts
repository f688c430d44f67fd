// Field-by-field comparison of normalized groups, and the minimal request body for each change. Each change
// is built once, with the flag hand-overs (holders.ts) already known.
import {
  GROUP_FIELDS,
  type Change,
  type ChangeReason,
  type CreateChange,
  type GroupBody,
  type DeleteChange,
  type DesiredGroup,
  type FieldName,
  type GroupState,
  type LiveGroup,
  type UpdateChange,
} from '../model/index.js';
import { API_DEFAULTS, differingFields, pickState, toWireBody } from '../model/normalize.js';
import {
  describeHandovers,
  flagsGivenAway,
  isReleasedFlag,
  releaseFlags,
  waitsOf,
  type HolderPlan,
} from './holders.js';
import { changeKey } from './key.js';

/**
 * An update of only the differing fields (none when the pair already agrees). In a swap, the lower id's
 * flags go first in a release of their own, and its main update starts from the released state.
 */
export function planUpdates(
  desired: DesiredGroup,
  live: LiveGroup,
  holders: HolderPlan,
  renamedFrom?: string,
): UpdateChange[] {
  const before = pickState(live);
  const after = pickState(desired);
  const allFields = updateFields(before, after);
  if (allFields.length === 0) return [];
  const swap = holders.swaps.get(live.id);
  const released = swap ? releaseFlags(before, swap.flags) : before;
  const fields = swap ? allFields.filter((field) => !(swap.flags as readonly FieldName[]).includes(field)) : allFields;
  // A group that hands a flag over is explained by the hand-over, not as an edit of its file.
  const edited =
    flagsGivenAway(holders, live.id).length > 0
      ? fields.filter((field) => !isReleasedFlag(field, before, after))
      : fields;
  const key = changeKey({ action: 'update', id: live.id, kind: 'edit' });
  const update: UpdateChange = {
    action: 'update',
    key,
    id: live.id,
    name: desired.name,
    reasons: [...describeEdit(desired, live, edited, renamedFrom), ...describeHandovers(holders, live.id, fields)],
    depends_on: waitsOf(holders, key),
    body: updateBody(after, fields),
    before: released,
    after,
    fields,
    kind: 'edit',
    source: desired.source.file,
  };
  if (!swap) return [update];
  const releaseKey = changeKey({ action: 'update', id: live.id, kind: 'swap_release' });
  const release: UpdateChange = {
    action: 'update',
    key: releaseKey,
    id: live.id,
    name: live.name,
    reasons: [{ fact: 'swap_release', flags: swap.flags, to: swap.to }],
    depends_on: waitsOf(holders, releaseKey),
    body: updateBody(released, swap.flags),
    before,
    after: released,
    fields: swap.flags,
    kind: 'swap_release',
    source: desired.source.file,
  };
  return [release, update];
}

/** An unmanaged group is never touched, except to hand over a flag that a file gives to another group. */
export function planUnmanagedRelease(live: LiveGroup, holders: HolderPlan): UpdateChange | undefined {
  const flags = flagsGivenAway(holders, live.id);
  if (flags.length === 0) return undefined;
  const before = pickState(live);
  const after = releaseFlags(before, flags);
  const key = changeKey({ action: 'update', id: live.id, kind: 'unmanaged_release' });
  return {
    action: 'update',
    key,
    id: live.id,
    name: live.name,
    reasons: [{ fact: 'unmanaged' }, ...describeHandovers(holders, live.id)],
    depends_on: waitsOf(holders, key),
    body: updateBody(after, flags),
    before,
    after,
    fields: flags,
    kind: 'unmanaged_release',
  };
}

/** A create sends the name and only the fields whose desired value differs from the API's default. */
export function planCreate(desired: DesiredGroup, holders: HolderPlan): CreateChange {
  const after = pickState(desired);
  const key = changeKey({ action: 'create', name: desired.name });
  return {
    action: 'create',
    key,
    id: null,
    name: desired.name,
    // A rename the store never saw: neither the name nor an earlier one is live.
    reasons: desired.renamed_from
      ? [{ fact: 'rename_source_missing', from: desired.renamed_from }]
      : [{ fact: 'not_live' }],
    depends_on: waitsOf(holders, key),
    body: createBody(after),
    after,
    source: desired.source.file,
  };
}

/** `excludedBy`: the file that describes the group for other stores only (so it is not desired here). */
export function planDelete(
  live: LiveGroup,
  holders: HolderPlan,
  excludedBy?: { file: string; stores: string[] },
): DeleteChange {
  const why: ChangeReason = excludedBy
    ? { fact: 'not_for_store', file: excludedBy.file, stores: excludedBy.stores }
    : { fact: 'pruned' };
  return {
    action: 'delete',
    key: changeKey({ action: 'delete', id: live.id }),
    id: live.id,
    name: live.name,
    reasons: [why, ...describeHandovers(holders, live.id)],
    depends_on: [],
    body: {},
    before: pickState(live),
  };
}

/** The fields an update from `before` to `after` sends: exactly those that differ. */
export function updateFields(before: GroupState, after: GroupState): FieldName[] {
  return differingFields(before, after, GROUP_FIELDS);
}

/** discount_rules and category_access go whole: the API replaces them as a unit. */
export function updateBody(after: GroupState, fields: readonly FieldName[]): GroupBody {
  return toWireBody(after, fields);
}

/** A create sends the name and the fields whose value differs from the API's default. */
export function createBody(after: GroupState): GroupBody {
  const defaults: GroupState = { name: after.name, ...API_DEFAULTS };
  return toWireBody(after, ['name', ...differingFields(defaults, after, GROUP_FIELDS)]);
}

/** The one body a change may send, recomputed from its own before/after (a saved plan is checked against it). */
export function bodyOf(change: Change): GroupBody {
  if (change.action === 'create') return createBody(change.after);
  if (change.action === 'update') return updateBody(change.after, updateFields(change.before, change.after));
  return {};
}

/** Why a managed group changes: a rename (by pin or by an earlier name), an edit of its file, or both. */
function describeEdit(
  desired: DesiredGroup,
  live: LiveGroup,
  fields: readonly FieldName[],
  renamedFrom: string | undefined,
): ChangeReason[] {
  const reasons: ChangeReason[] = [];
  if (fields.includes('name'))
    reasons.push(
      renamedFrom === undefined ? { fact: 'renamed', id: live.id } : { fact: 'renamed_from', from: renamedFrom },
    );
  if (fields.some((field) => field !== 'name')) reasons.push({ fact: 'edited', file: desired.source.file });
  return reasons;
}
