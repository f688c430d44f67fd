// What BigCommerce leaves undocumented between V2 groups and the V3 multi-storefront data, each side
// kept in step only when its sandbox option says so: a `price_list` rule as the group's channel-less
// assignment (priceListRules), and the V2 holder flags as per-channel settings (channelHolders).
import type { CatalogStore } from './catalog.js';
import type { ChannelStore, CustomerGroupSettings } from './channels.js';
import type { RawGroup, ResolvedOptions } from './options.js';
import type { RouteAnswer } from './routes.js';
import type { GroupStore } from './store.js';

export interface StorefrontContext {
  store: GroupStore;
  catalog: CatalogStore;
  channels: ChannelStore;
  options: ResolvedOptions;
  onNonConforming(): void;
}

const ROLES = [
  { role: 'guest_customer_group_id', flag: 'is_group_for_guests' },
  { role: 'default_customer_group_id', flag: 'is_default' },
] as const satisfies ReadonlyArray<{ role: keyof CustomerGroupSettings; flag: keyof RawGroup }>;

/** After a V2 group write: a deleted group loses its assignments; the options decide the rest. */
export function syncAfterGroupWrite(
  request: { method: string; path: string; body: unknown },
  answer: RouteAnswer,
  context: StorefrontContext,
): void {
  if (answer.status < 200 || answer.status >= 300) return;
  const id = Number(/^\/customer_groups\/(\d+)$/.exec(request.path)?.[1]);
  if (request.method === 'DELETE' && id > 0) {
    context.channels.remove((row) => row.customer_group_id === id);
    return;
  }
  const written = request.method === 'POST' || request.method === 'PUT';
  if (!written || !answer.body || typeof answer.body !== 'object') return;
  const group = answer.body as RawGroup;
  const body = (request.body ?? {}) as Record<string, unknown>;
  if (context.options.priceListRules === 'mirror' && Array.isArray(body.discount_rules)) {
    const rule = group.discount_rules.find((r) => r.type === 'price_list');
    if (rule?.type === 'price_list') context.channels.upsert(rule.price_list_id, group.id, null);
    else context.channels.remove((row) => row.customer_group_id === group.id && row.channel_id === null);
  }
  if (context.options.channelHolders !== 'per-channel') return;
  for (const { role, flag } of ROLES) {
    if (typeof body[flag] !== 'boolean') continue;
    if (group[flag]) context.channels.writeSettings(1, { customer_group_settings: { [role]: group.id } });
    else
      for (const channelId of context.channels.channelsHolding(role, group.id))
        context.channels.writeSettings(channelId, { customer_group_settings: { [role]: null } });
  }
  deriveHolderFlags(context);
}

/** With per-channel holders, a group holds a V2 flag exactly when a channel names it for that role. */
export function deriveHolderFlags({ store, channels, options }: StorefrontContext): void {
  if (options.channelHolders !== 'per-channel') return;
  for (const { role, flag } of ROLES) {
    const holders = channels.holders(role);
    for (const group of store.all()) store.setFlag(group.id, flag, holders.has(group.id));
  }
}

/** At start with per-channel holders: a seeded V2 holder is channel 1's, unless channel 1 names another. */
export function adoptSeededHolders(context: StorefrontContext): void {
  if (context.options.channelHolders !== 'per-channel') return;
  const settings = context.channels.settingsOf(1)?.customer_group_settings;
  for (const { role, flag } of ROLES) {
    const holder = context.store.all().find((group) => group[flag]);
    if (holder && settings?.[role] === null)
      context.channels.writeSettings(1, { customer_group_settings: { [role]: holder.id } });
  }
  deriveHolderFlags(context);
}

/** With mirrored rules, a channel-less assignment written through V3 becomes the group's only rule. */
export function mirrorAssignmentToRules(context: StorefrontContext, groupIds: Iterable<number>): void {
  if (context.options.priceListRules !== 'mirror') return;
  for (const groupId of new Set(groupIds)) {
    const group = context.store.get(groupId);
    if (!group) continue;
    const row = context.channels.findPair(groupId, null);
    if (row)
      context.store.update(groupId, { discount_rules: [{ type: 'price_list', price_list_id: row.price_list_id }] });
    else if (group.discount_rules.some((rule) => rule.type === 'price_list'))
      context.store.update(groupId, { discount_rules: [] });
  }
}
