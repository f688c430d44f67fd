// Planning with the channels side: read what the files' storefront keys need, compare live groups as the
// channels explain them, plan the groups, then the assignments and channel roles beside them. A file set
// without storefront keys reads nothing more and plans exactly as before.
import type { StoreReads } from '../bigcommerce/index.js';
import { managesStorefront } from '../references/targets.js';
import type { Catalog, DesiredGroup, LiveGroup, Plan } from '../model/index.js';
import { createPlan, type PlanOptions } from '../plan/create-plan.js';
import { matchGroups } from '../plan/identity.js';
import { explainLiveGroups } from '../plan/storefront-live.js';
import { planStorefront } from '../plan/storefronts.js';
import { readStorefront, type StorefrontNeeds } from './storefronts.js';

export interface StorefrontPlanned {
  planned: Plan;
  /** The storefront read kinds, present only when read. */
  storefrontRequests: { channel_settings?: number; assignments?: number };
}

export async function planWithStorefront(
  reads: Pick<StoreReads, 'readChannelGroupSettings' | 'readAssignments'>,
  desired: readonly DesiredGroup[],
  live: readonly LiveGroup[],
  catalog: Catalog,
  options: PlanOptions,
): Promise<StorefrontPlanned> {
  if (!desired.some(managesStorefront)) return { planned: createPlan(desired, live, options), storefrontRequests: {} };
  const match = matchGroups(desired, live);
  const read = await readStorefront(reads, catalog.channels, listStorefrontNeeds(match));
  if (!read.storefront) return { planned: createPlan(desired, live, options), storefrontRequests: read.requests };
  const explained = explainLiveGroups(match, read.storefront);
  const compared = live.map((group) => explained.get(group.id) ?? group);
  const planned = createPlan(desired, compared, options);
  const priceListNames = Object.fromEntries((catalog.priceLists ?? []).map((list) => [String(list.id), list.name]));
  const groupNames = new Map(live.map((group) => [group.id, group.name]));
  const storefront = planStorefront(
    matchGroups(desired, compared),
    read.storefront,
    planned.changes,
    priceListNames,
    groupNames,
  );
  return { planned: { ...planned, storefront }, storefrontRequests: read.requests };
}

function listStorefrontNeeds(match: ReturnType<typeof matchGroups>): StorefrontNeeds {
  const desired = [...match.pairs.map((pair) => pair.desired), ...match.creates];
  return {
    any: desired.some(managesStorefront),
    roles: desired.some((group) => group.default_on_channels !== undefined || group.guest_on_channels !== undefined),
    assignmentGroups: match.pairs.filter((pair) => pair.desired.price_lists).map((pair) => pair.live.id),
  };
}
