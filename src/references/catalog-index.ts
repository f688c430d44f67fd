// The catalog arranged for lookups by id and by name: categories by path (category-index.ts), products by
// SKU, price lists by name. Built once per catalog; matching is exact after Unicode normalization (NFC).
import type { Catalog, CatalogPriceList, CatalogProduct, CategoryNode, LiveChannel } from '../model/index.js';
import { indexCategories, type CategoryIndex } from './category-index.js';

export { matchCategories, nearCategories, type CategoryIndex, type IndexedCategory } from './category-index.js';

/** Things of one kind by id, and by the key a reference matches (a path, a SKU, a name). */
export interface KindIndex<T> {
  byId: Map<number, T>;
  byKey: Map<string, T[]>;
}

export interface CatalogIndex {
  categories?: CategoryIndex;
  products?: KindIndex<CatalogProduct>;
  priceLists?: KindIndex<CatalogPriceList>;
  channels?: KindIndex<LiveChannel>;
}

/** A plan resolves references and then names them from one read of the categories: they are indexed once. */
const categoryIndexes = new WeakMap<readonly CategoryNode[], CategoryIndex>();

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const index: CatalogIndex = {};
  if (catalog.categories) {
    const categories = catalog.categories;
    index.categories = categoryIndexes.get(categories) ?? indexCategories(categories);
    categoryIndexes.set(categories, index.categories);
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
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const exactKey = (text: string): string => text.normalize('NFC');

const alike = (a: string, b: string): boolean => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

/** Products by SKU and price lists by name: exact first, ignoring case only to suggest. */
export function matchByKey<T>(kind: KindIndex<T>, key: string): T[] {
  return kind.byKey.get(exactKey(key)) ?? [];
}

export function nearByKey<T>(kind: KindIndex<T>, key: string): T[] {
  return [...kind.byKey.entries()].filter(([candidate]) => alike(candidate, key)).flatMap(([, items]) => items);
}
