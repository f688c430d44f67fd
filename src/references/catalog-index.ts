// The catalog arranged for lookups by id and by name: each category's path from its root, products by
// SKU, price lists by name. Built once per catalog; matching is exact after Unicode normalization (NFC).
import type { Catalog, CatalogPriceList, CatalogProduct, CategoryNode, LiveChannel } from '../model/index.js';
import { formatCategoryPath, splitCategoryPath } from './category-path.js';

export interface IndexedCategory extends CategoryNode {
  /** Names from the root of its tree to this category. */
  names: string[];
  /** The names as a file writes them ("Tools/Power Tools"). */
  path: string;
}

/** Things of one kind by id, and by the key a reference matches (a path, a SKU, a name). */
export interface KindIndex<T> {
  byId: Map<number, T>;
  byKey: Map<string, T[]>;
}

export interface CatalogIndex {
  categories?: KindIndex<IndexedCategory> & { byName: Map<string, IndexedCategory[]> };
  products?: KindIndex<CatalogProduct>;
  priceLists?: KindIndex<CatalogPriceList>;
  channels?: KindIndex<LiveChannel>;
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const index: CatalogIndex = {};
  if (catalog.categories) {
    const byId = indexCategories(catalog.categories);
    const all = [...byId.values()];
    index.categories = {
      byId,
      byKey: groupBy(all, (category) => pathKey(category.names)),
      byName: groupBy(all, (category) => exactKey(category.name)),
    };
  }
  if (catalog.products) {
    const products = catalog.products;
    index.products = {
      byId: new Map(products.map((product) => [product.id, product])),
      byKey: groupBy(
        products.filter((product) => product.sku !== ''),
        (product) => exactKey(product.sku),
      ),
    };
  }
  if (catalog.priceLists) {
    const lists = catalog.priceLists;
    index.priceLists = {
      byId: new Map(lists.map((list) => [list.id, list])),
      byKey: groupBy(lists, (list) => exactKey(list.name)),
    };
  }
  if (catalog.channels) {
    const channels = catalog.channels;
    index.channels = {
      byId: new Map(channels.map((channel) => [channel.id, channel])),
      byKey: groupBy(channels, (channel) => exactKey(channel.name)),
    };
  }
  return index;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

const exactKey = (text: string): string => text.normalize('NFC');
// JSON keeps every name whole, so no name (not even one holding U+0000 or quotes) can fake a deeper path.
const pathKey = (names: readonly string[]): string => JSON.stringify(names.map(exactKey));

/** The store reads refuse broken trees; a catalog from elsewhere that still has a missing or looping parent
 *  gets paths that end where they break, never an endless walk. */
function indexCategories(categories: readonly CategoryNode[]): Map<number, IndexedCategory> {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const indexed = new Map<number, IndexedCategory>();
  for (const category of categories) {
    const names = [category.name];
    const seen = new Set([category.id]);
    for (
      let parent = byId.get(category.parent_id);
      parent && !seen.has(parent.id);
      parent = byId.get(parent.parent_id)
    ) {
      seen.add(parent.id);
      names.unshift(parent.name);
    }
    indexed.set(category.id, { ...category, names, path: formatCategoryPath(names) });
  }
  return indexed;
}

const alike = (a: string, b: string): boolean => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

/**
 * The categories a path names: those whose full path from the root it is; failing that, for a bare name
 * (no '/'), the categories of that name at any depth.
 */
export function matchCategories(categories: NonNullable<CatalogIndex['categories']>, ref: string): IndexedCategory[] {
  const names = splitCategoryPath(ref);
  const full = categories.byKey.get(pathKey(names)) ?? [];
  if (full.length > 0 || names.length > 1) return full;
  return categories.byName.get(exactKey(names[0] ?? '')) ?? [];
}

/** Categories a path that matched nothing may have meant: the same path or last name, ignoring case. */
export function nearCategories(categories: NonNullable<CatalogIndex['categories']>, ref: string): IndexedCategory[] {
  const names = splitCategoryPath(ref);
  const last = names[names.length - 1] ?? '';
  const path = formatCategoryPath(names);
  return [...categories.byId.values()].filter((category) => alike(category.path, path) || alike(category.name, last));
}

/** Products by SKU and price lists by name: exact first, ignoring case only to suggest. */
export function matchByKey<T>(kind: KindIndex<T>, key: string): T[] {
  return kind.byKey.get(exactKey(key)) ?? [];
}

export function nearByKey<T>(kind: KindIndex<T>, key: string): T[] {
  return [...kind.byKey.entries()].filter(([candidate]) => alike(candidate, key)).flatMap(([, items]) => items);
}
