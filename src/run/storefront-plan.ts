// Planning with the channels side: read what the files' storefront keys need, compare live groups as the
// channels explain them, plan the groups, then the assignments and channel roles beside them. A file set
// without storefront keys reads nothing more and plans exactly as before.
import type { StoreReads } from '../bigcommerce/index.js';
import { managesStorefront } from '../references/targets.js';
import type { Catalog, DesiredGroup, LiveGroup, LiveStorefront, LoadedGroup, Plan } from '../model/index.js';
import { nameKey } from '../model/normalize.js';
import { createPlan, type PlanOptions } from '../plan/create-plan.js';
import { matchGroups } from '../plan/identity.js';
import { planWithLiveStorefront } from '../plan/storefront-plan.js';
import { readStorefront, type StorefrontNeeds } from './storefronts.js';

export interface StorefrontPlanned {
  planned: Plan;
  /** The storefront read kinds, present only when read. */
  storefrontRequests: { channel_settings?: number; assignments?: number };
  /** What was read of the channels side, for a baseline planned against the same read. */
  storefront?: LiveStorefront;
  /** Why the storefront keys were not planned, for the plan's "Not checked". */
  unchecked?: string[];
}

export async function planWithStorefront(
  reads: Pick<StoreReads, 'readChannelGroupSettings' | 'readAssignments'>,
  desired: readonly DesiredGroup[],
  live: readonly LiveGroup[],
  catalog: Catalog,
  options: PlanOptions & { alsoManaging?: readonly LoadedGroup[] },
): Promise<StorefrontPlanned> {
  const others = (options.alsoManaging ?? []).filter(managesStorefront);
  if (!desired.some(managesStorefront) && others.length === 0)
    return { planned: createPlan(desired, live, options), storefrontRequests: {} };
  if (!catalog.channels)
    return {
      planned: createPlan(desired, live, options),
      storefrontRequests: {},
      unchecked: [
        'price list assignments and channel groups not planned: ' +
          `the channels were not read (${catalog.unread ?? 'no read'})`,
      ],
    };
  const needs = listStorefrontNeeds(matchGroups(desired, live), others, live);
  const read = await readStorefront(reads, catalog.channels, needs);
  if (!read.storefront) return { planned: createPlan(desired, live, options), storefrontRequests: read.requests };
  const planned = desired.some(managesStorefront)
    ? planWithLiveStorefront(desired, live, read.storefront, catalog, options)
    : createPlan(desired, live, options);
  return { planned, storefrontRequests: read.requests, storefront: read.storefront };
}

/** The head's needs, and a baseline's too (its groups matched to live ones by pin or name), read once. */
function listStorefrontNeeds(
  match: ReturnType<typeof matchGroups>,
  others: readonly LoadedGroup[],
  live: readonly LiveGroup[],
): StorefrontNeeds {
  const desired = [...match.pairs.map((pair) => pair.desired), ...match.creates];
  const managing = [...desired, ...others];
  const otherIds = others
    .filter((group) => group.price_lists)
    .flatMap((group) => live.filter((candidate) => matchesLoaded(group, candidate)).map((candidate) => candidate.id));
  return {
    any: managing.some(managesStorefront),
    roles: managing.some((group) => group.default_on_channels !== undefined || group.guest_on_channels !== undefined),
    assignmentGroups: [
      ...match.pairs.filter((pair) => pair.desired.price_lists).map((pair) => pair.live.id),
      ...otherIds,
    ],
  };
}

function matchesLoaded(group: LoadedGroup, live: LiveGroup): boolean {
  return group.id !== undefined ? group.id === live.id : nameKey(group.name) === nameKey(live.name);
}
