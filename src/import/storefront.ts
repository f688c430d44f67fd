// A live group's storefront keys as import writes them: its assignments (when it has any) and the channels
// whose settings name it. The V2 fields those explain are left out, as the planner reads them: a price_list
// rule that is the every-channel assignment, a flag that a channel's role gives. So the files validate
// (one holder of each flag) and plan clean, whichever way the store relates V2 and channels.
import { CHANNEL_ROLES, type LiveGroup, type LiveStorefront, type StorefrontKeysOf } from '../model/index.js';
import { explainFlags } from '../plan/storefront-live.js';

export interface ImportedStorefront {
  group: LiveGroup;
  keys: StorefrontKeysOf<'resolved'>;
}

export function describeImportedStorefront(group: LiveGroup, storefront: LiveStorefront): ImportedStorefront {
  const rows = storefront.assignments
    .filter((row) => row.customer_group_id === group.id)
    .sort((a, b) => (a.channel_id ?? 0) - (b.channel_id ?? 0));
  const keys: StorefrontKeysOf<'resolved'> = {};
  if (rows.length > 0)
    keys.price_lists = rows.map((row) => ({ price_list_id: row.price_list_id, channel_id: row.channel_id }));
  const settings = [...(storefront.settings?.entries() ?? [])].sort(([a], [b]) => a - b);
  for (const key of Object.keys(CHANNEL_ROLES) as (keyof typeof CHANNEL_ROLES)[]) {
    const channels = settings.filter(([, value]) => value[CHANNEL_ROLES[key]] === group.id).map(([id]) => id);
    if (channels.length > 0) keys[key] = channels;
  }
  let explained = explainFlags(
    group,
    { is_default: false, is_group_for_guests: false },
    settings.map(([, value]) => value),
  );
  const everyChannel = rows.find((row) => row.channel_id === null);
  const [rule, ...others] = group.discount_rules;
  if (everyChannel && others.length === 0 && rule?.type === 'price_list')
    if (rule.price_list_id === everyChannel.price_list_id) explained = { ...explained, discount_rules: [] };
  return { group: explained, keys };
}
