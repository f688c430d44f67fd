// The re-read after apply: the groups, and (only when the plan had storefront changes) the rows of the
// groups they touched and the settings of the channels whose roles changed.
import { explainRereadGroups, verifyStorefront } from '../apply/verify-storefront.js';
import { verifyConverged } from '../apply/verify.js';
import {
  HOLDER_FLAGS,
  type Change,
  type ChangeResult,
  type ChannelGroupSettings,
  type GroupState,
  type LiveGroup,
  type Plan,
  type StorefrontChange,
} from '../model/index.js';
import { explainFlags } from '../plan/storefront-live.js';
import type { Store } from './session.js';

export async function verifyStorefrontApplied(
  store: Store,
  plan: Pick<Plan, 'changes' | 'storefront'>,
  groupResults: ChangeResult[],
  ran: { changes: StorefrontChange[]; results: ChangeResult[] },
  done: ReadonlyMap<string, ChangeResult>,
): Promise<{ groups: ChangeResult[]; storefront: ChangeResult[] }> {
  const live = await store.client.listGroups();
  const compared = plan.storefront
    ? await explainRereadFlags(store, plan.changes, groupResults, explainRereadGroups(live, plan.storefront, done))
    : live;
  const groups = verifyConverged(plan.changes, groupResults, compared);
  if (ran.changes.length === 0) return { groups, storefront: ran.results };
  const groupIds = new Set<number>();
  const channelIds = new Set<number>();
  for (const change of ran.changes) {
    if (change.action === 'channel_roles') channelIds.add(change.channel_id);
    else {
      const id = 'id' in change.group ? change.group.id : done.get(change.group.created)?.id;
      if (id !== undefined) groupIds.add(id);
    }
  }
  const rows = groupIds.size > 0 ? (await store.client.store.readAssignments([...groupIds])).value : [];
  const settings = new Map<number, ChannelGroupSettings>();
  for (const id of channelIds) settings.set(id, (await store.client.store.readChannelGroupSettings(id)).value);
  return { groups, storefront: verifyStorefront(ran.changes, ran.results, { rows, settings }, done) };
}

/** Groups that hold a V2 flag their planned state does not: the channels may explain it, so read them then. */
async function explainRereadFlags(
  store: Store,
  changes: readonly Change[],
  results: readonly ChangeResult[],
  live: LiveGroup[],
): Promise<LiveGroup[]> {
  const planned = new Map<number, GroupState>();
  changes.forEach((change, index) => {
    const id = change.action === 'create' ? results[index]?.id : change.id;
    if (change.action !== 'delete' && id !== undefined) planned.set(id, change.after);
  });
  const unexplained = live.filter((group) => {
    const after = planned.get(group.id);
    return after && HOLDER_FLAGS.some((flag) => group[flag] && !after[flag]);
  });
  if (unexplained.length === 0) return live;
  const channels = (await store.client.store.listChannels()).value;
  const settings: ChannelGroupSettings[] = [];
  for (const channel of channels) settings.push((await store.client.store.readChannelGroupSettings(channel.id)).value);
  return live.map((group) => {
    const after = planned.get(group.id);
    return after ? explainFlags(group, after, settings) : group;
  });
}
