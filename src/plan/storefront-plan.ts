// The whole pure plan of a store whose files have storefront keys: live groups as the channels explain them,
// the group changes, then the assignments and channel roles beside them. The run and the baseline share it.
import type { Catalog, DesiredGroup, LiveGroup, LiveStorefront, Plan } from '../model/index.js';
import { createPlan, type PlanOptions } from './create-plan.js';
import { matchGroups } from './identity.js';
import { explainLiveGroups } from './storefront-live.js';
import { planStorefront } from './storefronts.js';

export function planWithLiveStorefront(
  desired: readonly DesiredGroup[],
  live: readonly LiveGroup[],
  storefront: LiveStorefront,
  catalog: Catalog,
  options: PlanOptions,
): Plan {
  const explained = explainLiveGroups(matchGroups(desired, live), storefront);
  const compared = live.map((group) => explained.get(group.id) ?? group);
  const planned = createPlan(desired, compared, options);
  const priceListNames = Object.fromEntries((catalog.priceLists ?? []).map((list) => [String(list.id), list.name]));
  const groupNames = new Map(live.map((group) => [group.id, group.name]));
  const changes = planned.changes;
  const side = planStorefront(matchGroups(desired, compared), storefront, changes, priceListNames, groupNames);
  return { ...planned, storefront: side };
}
