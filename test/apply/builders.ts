// Small builders of groups and changes for the apply tests.
import type { Change, GroupState, LiveGroup } from '../../src/model/index.js';
import { GROUP_FIELDS } from '../../src/model/index.js';
import { differingFields, toWireBody } from '../../src/model/normalize.js';
import { changeKey } from '../../src/plan/index.js';

export function state(name: string, over: Partial<GroupState> = {}): GroupState {
  return {
    name,
    is_default: false,
    is_group_for_guests: false,
    category_access: { type: 'all' },
    discount_rules: [],
    ...over,
  };
}

export function live(id: number, name: string, over: Partial<LiveGroup> = {}): LiveGroup {
  return { ...state(name), id, date_created: '2024-01-01 00:00:00', date_modified: '2024-01-01 00:00:00', ...over };
}

export function createChange(after: GroupState, depends_on: string[] = []): Change {
  return {
    action: 'create',
    key: changeKey({ action: 'create', name: after.name }),
    id: null,
    name: after.name,
    reasons: [{ fact: 'not_live' }],
    depends_on,
    body: toWireBody(after, GROUP_FIELDS),
    after,
  };
}

export function updateChange(
  id: number,
  before: GroupState,
  after: GroupState,
  options: { key?: string; depends_on?: string[] } = {},
): Change {
  const fields = differingFields(before, after, GROUP_FIELDS);
  return {
    action: 'update',
    key: options.key ?? changeKey({ action: 'update', id, kind: 'edit' }),
    name: after.name,
    reasons: [],
    depends_on: options.depends_on ?? [],
    body: toWireBody(after, fields),
    id,
    before,
    after,
    fields,
    kind: 'edit',
  };
}

export function deleteChange(id: number, before: GroupState, depends_on: string[] = []): Change {
  return {
    action: 'delete',
    key: changeKey({ action: 'delete', id }),
    name: before.name,
    reasons: [{ fact: 'unmanaged' }],
    depends_on,
    body: {},
    id,
    before,
  };
}
