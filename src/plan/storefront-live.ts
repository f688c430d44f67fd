// Live groups as the planner compares them, where BigCommerce may show one fact twice. A V2 price_list rule
// naming the list a file assigns on every channel may be that very assignment (some stores mirror one into
// the other); a V2 guest or default flag on a group a channel names for that role may be the channel's (stores
// that let one group per channel hold the flag). Read either way, the store then needs no V2 write, so
// planning converges under both readings instead of clearing what the next read shows again.
import {
  CHANNEL_ROLES,
  type ChannelGroupSettings,
  type DesiredGroup,
  type GroupState,
  type HolderFlag,
  type LiveGroup,
  type LiveStorefront,
} from '../model/index.js';
import type { GroupMatch } from './identity.js';

const FLAG_ROLES = [
  { flag: 'is_default', role: CHANNEL_ROLES.default_on_channels },
  { flag: 'is_group_for_guests', role: CHANNEL_ROLES.guest_on_channels },
] as const;

export function explainLiveGroups(match: GroupMatch, storefront: LiveStorefront): Map<number, LiveGroup> {
  const explained = new Map<number, LiveGroup>();
  for (const { desired, live } of match.pairs) {
    const group = explainGroup(desired, live, storefront);
    if (group !== live) explained.set(live.id, group);
  }
  return explained;
}

function explainGroup(desired: DesiredGroup, live: LiveGroup, storefront: LiveStorefront): LiveGroup {
  let group = live;
  const everyChannel = desired.price_lists?.find((entry) => entry.channel_id === null);
  const [rule, ...others] = live.discount_rules;
  if (everyChannel && others.length === 0 && rule?.type === 'price_list')
    if (rule.price_list_id === everyChannel.price_list_id) group = { ...group, discount_rules: [] };
  return explainFlags(group, desired, storefront.settings?.values() ?? []);
}

/** A V2 flag the group is not asked to hold, on a group some channel names for that role: the channel's. */
export function explainFlags(
  live: LiveGroup,
  wanted: Pick<GroupState, HolderFlag>,
  settings: Iterable<ChannelGroupSettings>,
): LiveGroup {
  let group = live;
  const all = [...settings];
  for (const { flag, role } of FLAG_ROLES) {
    if (!live[flag] || wanted[flag]) continue;
    if (all.some((channel) => channel[role] === live.id)) group = { ...group, [flag]: false };
  }
  return group;
}
