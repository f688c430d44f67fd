// What else in the store names a group by id, read only for the groups a plan deletes: promotions (one
// paged read of all, as the API has no filter by group), tax zones, the groups' price list assignments and
// every channel's guest and default group. A source the token may not read (403) is reported as unchecked,
// never as "no references", so the delete still needs --force.
import pLimit from 'p-limit';
import type { BigCommerceClient } from '../bigcommerce/index.js';
import { ApiError } from '../errors.js';
import type { GroupReference, Plan, ReferenceKind } from '../model/index.js';
import { attachReferences } from '../plan/annotate.js';

/** The channels' settings are one request each; a few at once stay well inside the quota. */
const CHANNEL_CONCURRENCY = 4;

export interface GroupReferences {
  references: GroupReference[];
  unchecked: ReferenceKind[];
}

export interface GroupReferenceRead {
  /** Per deleted group id, what names it and what could not be read; every asked id has an entry. */
  byGroup: Map<number, GroupReferences>;
  /** Requests the reads took, retries included. */
  requests: number;
  /** For people: "promotions not checked (needs scope store_v2_marketing_read_only)". */
  unchecked: string[];
}

type Found = Array<{ groupId: number; reference: GroupReference }>;
type SourceRead = { found: Found } | { scope: string };

/** The references of the groups the plan deletes; undefined (and no request) when it deletes none. */
export async function readDeletedGroupReferences(
  client: BigCommerceClient,
  plan: Pick<Plan, 'changes'>,
): Promise<GroupReferenceRead | undefined> {
  const ids = plan.changes.flatMap((change) => (change.action === 'delete' ? [change.id] : []));
  return ids.length === 0 ? undefined : readGroupReferences(client, ids);
}

/**
 * A saved plan's references are lines of a file anyone can edit, and the store moves on after review: each
 * deleted group's references are read again before apply checks safety, so a reference that appeared since
 * the plan refuses the delete just as it would have then.
 */
export async function recheckGroupReferences<P extends Pick<Plan, 'changes'>>(
  client: BigCommerceClient,
  plan: P,
): Promise<P> {
  const read = await readDeletedGroupReferences(client, plan);
  return read ? { ...plan, changes: attachReferences(plan.changes, read.byGroup) } : plan;
}

/** Reads every source once for all of `groupIds`; none at all when the list is empty. */
export async function readGroupReferences(
  client: BigCommerceClient,
  groupIds: readonly number[],
): Promise<GroupReferenceRead> {
  const ids = new Set(groupIds);
  const byGroup = new Map([...ids].map((id) => [id, { references: [], unchecked: [] } as GroupReferences]));
  if (ids.size === 0) return { byGroup, requests: 0, unchecked: [] };
  const before = totalRequests(client);
  const sources: Array<[ReferenceKind, string, () => Promise<Found>]> = [
    ['promotion', 'promotions', () => findPromotions(client, ids)],
    ['tax_zone', 'tax zones', () => findTaxZones(client, ids)],
    ['price_list_assignment', 'price list assignments', () => findAssignments(client, ids)],
    ['channel', "channels' guest and default groups", () => findChannelSettings(client, ids)],
  ];
  const unchecked: string[] = [];
  for (const [kind, label, read] of sources) {
    const result = await readSource(read, SOURCE_SCOPES[kind]);
    if ('scope' in result) {
      unchecked.push(`${label} not checked (needs scope ${result.scope})`);
      for (const entry of byGroup.values()) entry.unchecked.push(kind);
      continue;
    }
    for (const { groupId, reference } of result.found) byGroup.get(groupId)?.references.push(reference);
  }
  return { byGroup, requests: totalRequests(client) - before, unchecked };
}

/** The scope a 403 of each source stands for; channels name the one of the read that was refused. */
const SOURCE_SCOPES: Record<ReferenceKind, string> = {
  promotion: 'store_v2_marketing_read_only',
  tax_zone: 'store_v2_information_read_only',
  price_list_assignment: 'store_v2_products_read_only',
  channel: 'store_channel_settings_read_only',
};

class ScopeRefused extends Error {
  constructor(readonly scope: string) {
    super(scope);
  }
}

async function readSource(read: () => Promise<Found>, scope: string): Promise<SourceRead> {
  try {
    return { found: await read() };
  } catch (error) {
    if (error instanceof ScopeRefused) return { scope: error.scope };
    if (error instanceof ApiError && error.status === 403) return { scope };
    throw error;
  }
}

async function findPromotions(client: BigCommerceClient, ids: ReadonlySet<number>): Promise<Found> {
  const found: Found = [];
  for (const promotion of (await client.store.readPromotions()).value) {
    const named = { kind: 'promotion', id: promotion.id, name: promotion.name } as const;
    for (const groupId of new Set(promotion.group_ids))
      if (ids.has(groupId)) found.push({ groupId, reference: { ...named, role: 'eligible' } });
    for (const groupId of new Set(promotion.excluded_group_ids))
      if (ids.has(groupId)) found.push({ groupId, reference: { ...named, role: 'excluded' } });
  }
  return found;
}

async function findTaxZones(client: BigCommerceClient, ids: ReadonlySet<number>): Promise<Found> {
  return (await client.store.readTaxZones()).value.flatMap((zone) =>
    [...new Set(zone.customer_group_ids)]
      .filter((groupId) => ids.has(groupId))
      .map((groupId) => ({
        groupId,
        reference: { kind: 'tax_zone', id: zone.id, name: zone.name, role: 'shoppers' } as const,
      })),
  );
}

/** An assignment is named by its price list; a token that cannot read price lists still sees the id. */
async function findAssignments(client: BigCommerceClient, ids: ReadonlySet<number>): Promise<Found> {
  const rows = (await client.store.readAssignments([...ids])).value.filter((row) => ids.has(row.customer_group_id));
  if (rows.length === 0) return [];
  const names = await readPriceListNames(client);
  return rows.map((row) => {
    const list = names.get(row.price_list_id) ?? `price list ${row.price_list_id}`;
    const channel = row.channel_id === null ? 'every channel' : `channel ${row.channel_id}`;
    return {
      groupId: row.customer_group_id,
      reference: { kind: 'price_list_assignment', id: row.id, name: `${list} on ${channel}`, role: 'assigned' },
    };
  });
}

async function readPriceListNames(client: BigCommerceClient): Promise<Map<number, string>> {
  try {
    return new Map((await client.store.readPriceLists()).value.map((list) => [list.id, list.name]));
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return new Map();
    throw error;
  }
}

async function findChannelSettings(client: BigCommerceClient, ids: ReadonlySet<number>): Promise<Found> {
  const channels = (await client.store.listChannels()).value;
  const limit = pLimit(CHANNEL_CONCURRENCY);
  const settings = await Promise.all(
    channels.map((channel) =>
      limit(async () => {
        try {
          return { channel, settings: (await client.store.readChannelGroupSettings(channel.id)).value };
        } catch (error) {
          if (error instanceof ApiError && error.status === 403) throw new ScopeRefused('store_v2_customers_read_only');
          throw error;
        }
      }),
    ),
  );
  const found: Found = [];
  for (const { channel, settings: groups } of settings) {
    const named = { kind: 'channel', id: channel.id, name: channel.name } as const;
    const defaultId = groups.default_customer_group_id;
    const guestId = groups.guest_customer_group_id;
    if (defaultId !== null && ids.has(defaultId))
      found.push({ groupId: defaultId, reference: { ...named, role: 'default_group' } });
    if (guestId !== null && ids.has(guestId))
      found.push({ groupId: guestId, reference: { ...named, role: 'guest_group' } });
  }
  return found;
}

function totalRequests(client: BigCommerceClient): number {
  return Object.values(client.stats.requests).reduce((sum, n) => sum + n, 0);
}
