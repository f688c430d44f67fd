// The ids of the catalog that group states refer to, by kind: what a plan names.
import type { Change, GroupState } from '../model/index.js';
import { listTargets } from './index.js';

type Pointing = Pick<GroupState, 'category_access' | 'discount_rules'>;

/** Ids of each kind of catalog entry that the groups refer to, sorted and unique. */
export interface ReferencedIds {
  categories: number[];
  products: number[];
  price_lists: number[];
  channels: number[];
}

export function listReferencedIds(groups: readonly Pointing[]): ReferencedIds {
  const ids = {
    category: new Set<number>(),
    product: new Set<number>(),
    price_list: new Set<number>(),
    channel: new Set<number>(),
  };
  for (const target of groups.flatMap(listTargets)) if (target.id !== undefined) ids[target.kind].add(target.id);
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return {
    categories: sorted(ids.category),
    products: sorted(ids.product),
    price_lists: sorted(ids.price_list),
    channels: sorted(ids.channel),
  };
}

/** The group states a change shows: what it creates, what it deletes, or both sides of an update. */
export function listChangeStates(change: Change): GroupState[] {
  if (change.action === 'create') return [change.after];
  if (change.action === 'delete') return [change.before];
  return [change.before, change.after];
}
