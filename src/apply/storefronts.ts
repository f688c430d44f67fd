// Runs the storefront changes of a plan exactly as written, in two steps around the group changes: removals
// first (so a V2 rule written next cannot meet a row the store is about to drop), then adds, moves and
// channel roles once the groups they name exist and their discount rules are cleared. Adds go in batches
// of at most 25; every change ends in a result, and a failure never stops the others.
import { ApiError } from '../errors.js';
import type { StorefrontWrites } from '../bigcommerce/index.js';
import type {
  AssignmentAdd,
  ChangeResult,
  ChannelGroupSettings,
  ChannelRolesSet,
  GroupPointer,
  RoleValue,
  StorefrontChange,
} from '../model/index.js';
import { describeFailure } from './failure.js';

/** The results so far, by change key: what a storefront change waits for and the ids of created groups. */
export type ResultsByKey = ReadonlyMap<string, ChangeResult>;

export async function applyStorefrontChanges(
  changes: readonly StorefrontChange[],
  api: StorefrontWrites,
  done: ResultsByKey,
  onResult: (result: ChangeResult) => void,
): Promise<ChangeResult[]> {
  const results = new Map<string, ChangeResult>();
  const settle = (result: ChangeResult) => {
    results.set(result.key, result);
    onResult(result);
  };
  const ready: StorefrontChange[] = [];
  for (const change of changes) {
    const blocked = findBlocked(change, done);
    if (blocked) settle({ ...baseResult(change, done), outcome: 'skipped', error: blocked });
    else ready.push(change);
  }
  const adds = ready.filter((change): change is AssignmentAdd => change.action === 'assignment_add');
  if (adds.length > 0) for (const result of await addRows(adds, api, done)) settle(result);
  for (const change of ready) {
    if (change.action === 'assignment_add') continue;
    settle(await runOne(change, api, done));
  }
  return changes.map((change) => results.get(change.key) as ChangeResult);
}

function findBlocked(change: StorefrontChange, done: ResultsByKey): string | undefined {
  for (const key of change.depends_on) {
    const before = done.get(key);
    if (before?.outcome !== 'applied') return `depends on ${key} which ${before ? before.outcome : 'did not run'}`;
  }
  return undefined;
}

function groupIdOf(pointer: GroupPointer, done: ResultsByKey): number | undefined {
  return 'id' in pointer ? pointer.id : done.get(pointer.created)?.id;
}

function baseResult(change: StorefrontChange, done: ResultsByKey): ChangeResult {
  const id = change.action === 'channel_roles' ? change.channel_id : groupIdOf(change.group, done);
  return { key: change.key, action: change.action, name: change.name, outcome: 'applied', ...(id ? { id } : {}) };
}

async function addRows(adds: readonly AssignmentAdd[], api: StorefrontWrites, done: ResultsByKey) {
  const rows = adds.map((change) => ({
    price_list_id: change.price_list_id,
    customer_group_id: groupIdOf(change.group, done) ?? 0,
    channel_id: change.channel_id,
  }));
  try {
    const saved = await api.addAssignments(rows);
    return adds.map((change, index): ChangeResult => {
      const row = saved[index];
      const result = baseResult(change, done);
      return row?.status === 'saved' ? result : { ...result, outcome: 'failed', error: row?.message ?? 'not saved' };
    });
  } catch (error) {
    return adds.map(
      (change): ChangeResult => ({ ...baseResult(change, done), outcome: 'failed', ...describeFailure(error) }),
    );
  }
}

async function runOne(change: StorefrontChange, api: StorefrontWrites, done: ResultsByKey): Promise<ChangeResult> {
  const result = baseResult(change, done);
  try {
    switch (change.action) {
      case 'assignment_move':
        await api.upsertAssignment({
          price_list_id: change.price_list_id,
          customer_group_id: change.group.id,
          channel_id: change.channel_id,
        });
        break;
      case 'assignment_remove':
        await removeRow(api, change.assignment_id);
        break;
      case 'channel_roles':
        await api.writeChannelGroupSettings(change.channel_id, settingsOf(change, done));
        break;
      case 'assignment_add':
        break;
    }
    return result;
  } catch (error) {
    return { ...result, outcome: 'failed', ...describeFailure(error) };
  }
}

/** A row already gone is what the removal wanted: a store that mirrors V2 rules may have dropped it. */
async function removeRow(api: StorefrontWrites, id: number): Promise<void> {
  try {
    await api.deleteAssignment(id);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
}

function settingsOf(change: ChannelRolesSet, done: ResultsByKey): ChannelGroupSettings {
  const value = (role: RoleValue): number | null =>
    role !== null && typeof role === 'object' ? (done.get(role.created)?.id ?? null) : role;
  return {
    guest_customer_group_id: value(change.after.guest_customer_group_id),
    default_customer_group_id: value(change.after.default_customer_group_id),
  };
}
