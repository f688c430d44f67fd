// A saved plan's storefront changes against the store read again before apply: each row a change moves or
// removes must still be that row (same group, channel and list), a pair it adds must still be missing, and
// a channel it sets must still have the groups it had when planned. Otherwise the plan is stale.
import type { ChannelGroupSettings, LiveAssignment, StorefrontChange, StorefrontPlan } from '../model/index.js';

export interface StorefrontNow {
  rows: readonly LiveAssignment[];
  settings: ReadonlyMap<number, ChannelGroupSettings>;
}

/** The live groups whose rows and the channels whose settings the check needs. */
export function listStorefrontChecks(storefront: StorefrontPlan | undefined): { groups: number[]; channels: number[] } {
  const groups = new Set<number>();
  const channels = new Set<number>();
  for (const change of storefront?.changes ?? []) {
    if (change.action === 'channel_roles') channels.add(change.channel_id);
    else if ('id' in change.group) groups.add(change.group.id);
  }
  return { groups: [...groups].sort((a, b) => a - b), channels: [...channels].sort((a, b) => a - b) };
}

export function findStorefrontStaleReasons(storefront: StorefrontPlan | undefined, now: StorefrontNow): string[] {
  return (storefront?.changes ?? []).flatMap((change) => {
    const reason = findStale(change, now);
    return reason ? [`${change.key}: ${reason}`] : [];
  });
}

function findStale(change: StorefrontChange, now: StorefrontNow): string | undefined {
  if (change.action === 'channel_roles') {
    const live = now.settings.get(change.channel_id);
    const same =
      live?.guest_customer_group_id === change.before.guest_customer_group_id &&
      live?.default_customer_group_id === change.before.default_customer_group_id;
    return same ? undefined : `channel ${change.channel_id} has other guest or default groups than when planned`;
  }
  if (!('id' in change.group)) return undefined;
  const groupId = change.group.id;
  if (change.action === 'assignment_add') {
    const taken = now.rows.some((row) => row.customer_group_id === groupId && row.channel_id === change.channel_id);
    return taken ? 'the group has an assignment on that channel now' : undefined;
  }
  const row = now.rows.find((live) => live.id === change.assignment_id);
  const listThen = change.action === 'assignment_move' ? change.from_price_list_id : change.price_list_id;
  const same =
    row?.customer_group_id === groupId && row.channel_id === change.channel_id && row.price_list_id === listThen;
  return same ? undefined : `assignment ${change.assignment_id} is no longer what was planned`;
}
