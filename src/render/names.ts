// The names of one change's references, picked from the plan's map: what the JSON puts beside `body`.
import type { CatalogNames, Change } from '../model/index.js';
import { listChangeStates, listReferencedIds } from '../references/catalog-needs.js';

export function nameReferencesOf(change: Change, names: CatalogNames): CatalogNames | undefined {
  const ids = listReferencedIds(listChangeStates(change));
  const pick = <T>(all: Record<string, T>, wanted: number[]): Record<string, T> =>
    Object.fromEntries(wanted.filter((id) => id in all).map((id) => [String(id), all[id] as T]));
  const picked: CatalogNames = {
    categories: pick(names.categories, ids.categories),
    products: pick(names.products, ids.products),
    price_lists: pick(names.price_lists, ids.price_lists),
  };
  const count =
    Object.keys(picked.categories).length +
    Object.keys(picked.products).length +
    Object.keys(picked.price_lists).length;
  return count > 0 ? picked : undefined;
}
