// The store's channels and each channel's guest and default group (issue 19). Channels are read with
// the channel settings scope; a channel's customer settings belong to the customers API and scopes.
import type { ChannelGroupSettings, LiveChannel } from '../model/index.js';
import type { Transport } from './http.js';
import { AnswerProblem, describe, expectObject, expectString, parseId } from './parse.js';
import { readAllV3Pages, type RequestCounter, type StoreRead } from './v3.js';
import { readV3Object } from './v3-send.js';

export const CHANNELS_SCOPE_HINT =
  'The API account lacks the channel settings read-only scope (store_channel_settings_read_only), ' +
  "which reading the store's channels needs: add it to the account.";
export const CHANNEL_SETTINGS_READ_SCOPE_HINT =
  'The API account lacks the customers read-only scope (store_v2_customers_read_only), ' +
  'which reading the guest and default group of a channel needs: add it to the account.';
export const CHANNEL_SETTINGS_WRITE_SCOPE_HINT =
  'The API account lacks the customers scope (store_v2_customers, modify), ' +
  'which setting the guest and default group of a channel needs: add it to the account.';

/** Every channel of the store (channel 1, the default storefront, among them), by id. */
export async function listChannels(transport: Transport): Promise<StoreRead<LiveChannel[]>> {
  const counter: RequestCounter = { requests: 0 };
  const value = await readAllV3Pages(
    transport,
    '/v3/channels',
    '',
    parseChannel,
    (c) => c.id,
    counter,
    CHANNELS_SCOPE_HINT,
  );
  return { value, requests: counter.requests };
}

/** The channel's customer_group_settings; null where the channel has no override of the store-wide one. */
export async function readChannelGroupSettings(
  transport: Transport,
  channelId: number,
): Promise<StoreRead<ChannelGroupSettings>> {
  const counter: RequestCounter = { requests: 0 };
  const value = await readV3Object(
    transport,
    'GET',
    settingsPath(channelId),
    CHANNEL_SETTINGS_READ_SCOPE_HINT,
    parseSettingsData,
    { counter },
  );
  return { value, requests: counter.requests };
}

/** Sets both ids of the channel's customer_group_settings, sending that key alone so the channel's other
 *  settings (privacy, global logins) stay as they are; null removes the channel's override. */
export async function writeChannelGroupSettings(
  transport: Transport,
  channelId: number,
  settings: ChannelGroupSettings,
): Promise<ChannelGroupSettings> {
  for (const [field, id] of Object.entries(settings))
    if (id !== null && !(Number.isSafeInteger(id) && id >= 0))
      throw new RangeError(`${field} must be a group id, 0 or null; got ${String(id)}`);
  const body = {
    customer_group_settings: {
      guest_customer_group_id: settings.guest_customer_group_id,
      default_customer_group_id: settings.default_customer_group_id,
    },
  };
  return readV3Object(transport, 'PUT', settingsPath(channelId), CHANNEL_SETTINGS_WRITE_SCOPE_HINT, parseSettingsData, {
    body,
  });
}

function settingsPath(channelId: number): string {
  if (!(Number.isSafeInteger(channelId) && channelId > 0))
    throw new RangeError(`a channel id is a positive integer; got ${String(channelId)}`);
  return `/v3/customers/settings/channels/${channelId}`;
}

function parseChannel(raw: unknown, where: string): LiveChannel {
  const channel = expectObject(raw, where);
  return {
    id: parseId(channel.id, `${where}.id`),
    name: expectString(channel.name, `${where}.name`),
    // New types, platforms and statuses appear over time: any non-empty string is kept.
    type: expectString(channel.type, `${where}.type`),
    platform: expectString(channel.platform, `${where}.platform`),
    status: expectString(channel.status, `${where}.status`),
  };
}

function parseSettingsData(data: Record<string, unknown>): ChannelGroupSettings {
  const raw = data.customer_group_settings;
  // A channel with no group settings at all inherits both.
  const groups = raw === undefined || raw === null ? {} : expectObject(raw, 'data.customer_group_settings');
  return {
    guest_customer_group_id: parseGroupSetting(groups.guest_customer_group_id, 'guest_customer_group_id'),
    default_customer_group_id: parseGroupSetting(groups.default_customer_group_id, 'default_customer_group_id'),
  };
}

function parseGroupSetting(raw: unknown, field: string): number | null {
  if (raw === undefined || raw === null) return null;
  if (raw === 0 || raw === '0') return 0;
  if (typeof raw === 'number' || typeof raw === 'string') return parseId(raw, `data.customer_group_settings.${field}`);
  throw new AnswerProblem(`data.customer_group_settings.${field} is ${describe(raw)}, expected a group id or null`);
}
