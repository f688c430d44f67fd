// The storefront side of the pure plan: each managed group's price list assignments and each channel's
// guest and default group, diffed against what was read. Minimal: an unchanged row or role sends nothing,
// a pair moving to another list on a channel is one PUT, a removal names its row's id, and a channel's two
// roles change in one request. Keys a file leaves out are not managed and never touched.
import {
  CHANNEL_ROLES,
  type AssignmentAdd,
  type AssignmentRemove,
  type Change,
  type ChannelGroupSettings,
  type ChannelRoleKey,
  type ChannelRolesSet,
  type GroupPointer,
  type LiveAssignment,
  type LiveStorefront,
  type RoleValue,
  type StorefrontChange,
  type StorefrontPlan,
} from '../model/index.js';
import type { GroupMatch } from './identity.js';
import { changeKey } from './key.js';

interface ManagedGroup {
  name: string;
  pointer: GroupPointer;
  source: string;
  /** The keys its group changes have: a create, or an update that rewrites discount_rules. */
  waitsFor: string[];
}

export function planStorefront(
  match: GroupMatch,
  live: LiveStorefront,
  groupChanges: readonly Change[],
  priceListNames: Record<string, string>,
  groupNames: ReadonlyMap<number, string>,
): StorefrontPlan {
  const managed = [
    ...match.pairs.map(({ desired, live: group }) => ({ desired, group: describeLive(group.id, desired.name) })),
    ...match.creates.map((desired) => ({ desired, group: describeCreated(desired.name) })),
  ].map(({ desired, group }) => ({ desired, group: { ...group, source: desired.source.file } }));
  for (const { group } of managed) group.waitsFor = waitsOf(group.pointer, groupChanges);
  const changes: StorefrontChange[] = [];
  const everyChannel: StorefrontPlan['every_channel'] = [];
  for (const { desired, group } of managed) {
    if (!desired.price_lists) continue;
    const rows = 'id' in group.pointer ? live.assignments.filter((row) => row.customer_group_id === idOf(group)) : [];
    changes.push(...planAssignments(group, desired.price_lists, rows));
    const all = desired.price_lists.find((entry) => entry.channel_id === null);
    if (all) everyChannel.push({ group: group.pointer, price_list_id: all.price_list_id });
  }
  if (live.settings) changes.push(...planChannelRoles(managed, live, groupNames));
  const channelNames = Object.fromEntries(live.channels.map((channel) => [String(channel.id), channel.name]));
  const named = new Set(changes.flatMap(listPriceListIds));
  const listNames = Object.fromEntries(Object.entries(priceListNames).filter(([id]) => named.has(Number(id))));
  return { changes, every_channel: everyChannel, channel_names: channelNames, price_list_names: listNames };
}

function listPriceListIds(change: StorefrontChange): number[] {
  if (change.action === 'channel_roles') return [];
  return change.action === 'assignment_move'
    ? [change.from_price_list_id, change.price_list_id]
    : [change.price_list_id];
}

function describeLive(id: number, name: string): ManagedGroup {
  return { name, pointer: { id }, source: '', waitsFor: [] };
}

function describeCreated(name: string): ManagedGroup {
  return { name, pointer: { created: changeKey({ action: 'create', name }) }, source: '', waitsFor: [] };
}

function idOf(group: ManagedGroup): number {
  return 'id' in group.pointer ? group.pointer.id : 0;
}

/** A created group waits for its create; a live one for the update that clears its discount rules. */
function waitsOf(pointer: GroupPointer, groupChanges: readonly Change[]): string[] {
  if ('created' in pointer) return [pointer.created];
  return groupChanges
    .filter(
      (change) => change.action === 'update' && change.id === pointer.id && change.fields.includes('discount_rules'),
    )
    .map((change) => change.key);
}

function planAssignments(
  group: ManagedGroup,
  wanted: readonly { price_list_id: number; channel_id: number | null }[],
  rows: readonly LiveAssignment[],
): StorefrontChange[] {
  const changes: StorefrontChange[] = [];
  const common = (channel: number | null, verb: string) => ({
    key: `${verb}:${'id' in group.pointer ? group.pointer.id : group.pointer.created}@${channel ?? 'all'}`,
    name: group.name,
    source: group.source,
  });
  const wantedByChannel = new Map(wanted.map((entry) => [entry.channel_id, entry.price_list_id]));
  for (const row of rows) {
    const want = wantedByChannel.get(row.channel_id);
    if (want === row.price_list_id) continue;
    // A channel's pair moves in one PUT; the PUT needs a channel, so the every-channel row is removed and re-added.
    if (want !== undefined && row.channel_id !== null) {
      changes.push({
        ...common(row.channel_id, 'move'),
        action: 'assignment_move',
        depends_on: group.waitsFor,
        group: { id: row.customer_group_id },
        assignment_id: row.id,
        from_price_list_id: row.price_list_id,
        price_list_id: want,
        channel_id: row.channel_id,
      });
      continue;
    }
    const remove: AssignmentRemove = {
      ...common(row.channel_id, 'unassign'),
      action: 'assignment_remove',
      depends_on: [],
      group: { id: row.customer_group_id },
      assignment_id: row.id,
      price_list_id: row.price_list_id,
      channel_id: row.channel_id,
    };
    changes.push(remove);
  }
  for (const [channel, priceListId] of wantedByChannel) {
    const row = rows.find((candidate) => candidate.channel_id === channel);
    if (row && (row.price_list_id === priceListId || channel !== null)) continue;
    const removed = row ? [`unassign:${row.customer_group_id}@all`] : [];
    const add: AssignmentAdd = {
      ...common(channel, 'assign'),
      action: 'assignment_add',
      depends_on: [...group.waitsFor, ...removed],
      group: group.pointer,
      price_list_id: priceListId,
      channel_id: channel,
    };
    changes.push(add);
  }
  return changes;
}

/** Per channel: the groups files name for each role, groups that leave a role (back to inherit), one PUT. */
function planChannelRoles(
  managed: readonly { desired: { [K in ChannelRoleKey]?: number[] }; group: ManagedGroup }[],
  live: LiveStorefront,
  groupNames: ReadonlyMap<number, string>,
): ChannelRolesSet[] {
  const changes: ChannelRolesSet[] = [];
  for (const channel of live.channels) {
    const before = live.settings?.get(channel.id);
    if (!before) continue;
    const after: ChannelRolesSet['after'] = { ...before };
    const dependsOn = new Set<string>();
    const names: Record<string, string> = {};
    const sources = new Set<string>();
    for (const key of Object.keys(CHANNEL_ROLES) as ChannelRoleKey[]) {
      const role = CHANNEL_ROLES[key];
      const claimant = managed.find(({ desired }) => desired[key]?.includes(channel.id));
      const holder = managed.find(({ group }) => 'id' in group.pointer && group.pointer.id === before[role]);
      if (claimant) {
        after[role] = toRoleValue(claimant.group);
        claimant.group.waitsFor.filter((key) => key.startsWith('create:')).forEach((key) => dependsOn.add(key));
        sources.add(claimant.group.source);
      } else if (holder?.desired[key] !== undefined) {
        // The holder's file manages the role and no longer lists this channel: back to the store-wide setting.
        after[role] = null;
        sources.add(holder.group.source);
      }
      for (const entry of [claimant, holder])
        if (entry && 'id' in entry.group.pointer) names[entry.group.pointer.id] = entry.group.name;
    }
    if (sameRoles(before, after)) continue;
    for (const value of [...Object.values(before), ...Object.values(after)])
      if (typeof value === 'number' && groupNames.has(value)) names[value] = groupNames.get(value) ?? '';
    changes.push({
      key: `channel:${channel.id}`,
      name: channel.name,
      action: 'channel_roles',
      depends_on: [...dependsOn].sort(),
      ...(sources.size > 0 ? { source: [...sources].sort().join(', ') } : {}),
      channel_id: channel.id,
      before,
      after,
      group_names: names,
    });
  }
  return changes;
}

function toRoleValue(group: ManagedGroup): RoleValue {
  return 'id' in group.pointer ? group.pointer.id : { created: group.pointer.created, name: group.name };
}

function sameRoles(before: ChannelGroupSettings, after: ChannelRolesSet['after']): boolean {
  return (Object.values(CHANNEL_ROLES) as (keyof ChannelGroupSettings)[]).every((role) => after[role] === before[role]);
}
