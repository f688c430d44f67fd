// The channels side of a store, read only as far as the group files need it: the settings of every channel
// when a file manages a channel role (a group may hold a role on any channel, and must let go of those it no
// longer lists), and the assignments of the live groups whose files manage price_lists. The channels
// themselves come with the catalog read. Nothing is read when no file has a storefront key.
import pLimit from 'p-limit';
import type { StoreReads } from '../bigcommerce/index.js';
import { BcgroupsError } from '../errors.js';
import type { ChannelGroupSettings, LiveChannel, LiveStorefront } from '../model/index.js';

/** Concurrent settings reads: one per channel, a handful of channels on most stores. */
const SETTINGS_CONCURRENCY = 4;

export type StorefrontReads = Pick<StoreReads, 'readChannelGroupSettings' | 'readAssignments'>;

export interface StorefrontRead {
  storefront?: LiveStorefront;
  /** Only the kinds read. */
  requests: { channel_settings?: number; assignments?: number };
}

export interface StorefrontNeeds {
  /** A file manages default_on_channels or guest_on_channels. */
  roles: boolean;
  /** Live ids of the groups whose files manage price_lists. */
  assignmentGroups: number[];
  /** Any file has a storefront key at all. */
  any: boolean;
}

export async function readStorefront(
  reads: StorefrontReads,
  channels: readonly LiveChannel[] | undefined,
  needs: StorefrontNeeds,
): Promise<StorefrontRead> {
  if (!needs.any || !channels) return { requests: {} };
  const limit = pLimit(SETTINGS_CONCURRENCY);
  const [settings, assignments] = await Promise.all([
    needs.roles
      ? Promise.all(channels.map((channel) => limit(() => reads.readChannelGroupSettings(channel.id))))
      : undefined,
    needs.assignmentGroups.length > 0 ? reads.readAssignments(needs.assignmentGroups) : undefined,
  ]);
  const byChannel = settings
    ? new Map<number, ChannelGroupSettings>(channels.map((channel, index) => [channel.id, settingsAt(settings, index)]))
    : undefined;
  return {
    storefront: {
      channels: [...channels],
      ...(byChannel ? { settings: byChannel } : {}),
      assignments: assignments?.value ?? [],
    },
    requests: {
      ...(settings ? { channel_settings: settings.reduce((sum, read) => sum + read.requests, 0) } : {}),
      ...(assignments ? { assignments: assignments.requests } : {}),
    },
  };
}

function settingsAt(reads: readonly { value: ChannelGroupSettings }[], index: number): ChannelGroupSettings {
  return reads[index]?.value ?? { guest_customer_group_id: null, default_customer_group_id: null };
}

/** import: the channels, every channel's settings and the assignments of every live group. When they cannot
 *  be read (a scope missing, an answer not understood), the groups import as before and `left_out` says why. */
export async function readStorefrontForImport(
  reads: StorefrontReads & Pick<StoreReads, 'listChannels'>,
  groupIds: readonly number[],
): Promise<{ storefront?: LiveStorefront; left_out?: string }> {
  try {
    const channels = (await reads.listChannels()).value;
    const read = await readStorefront(reads, channels, { any: true, roles: true, assignmentGroups: [...groupIds] });
    return read.storefront ? { storefront: read.storefront } : {};
  } catch (error) {
    if (!(error instanceof BcgroupsError)) throw error;
    return { left_out: `price lists and channel groups were not imported: ${error.message}` };
  }
}
