// Read-only reads of the catalog the groups point at: every category of every tree, only the products
// referred to (by id and SKU, in batches whose URLs stay well under 2,000 characters), every price list.
import pLimit from 'p-limit';
import type { CatalogPriceList, CatalogProduct, CategoryNode } from '../model/index.js';
import { findBrokenTree } from './category-tree.js';
import type { Transport } from './http.js';
import { AnswerProblem, describe, expectObject, expectString, parseId } from './parse.js';
import { readAllV3Pages, V3_PAGE_LIMIT, type RequestCounter, type StoreRead } from './v3.js';

export const PRODUCTS_SCOPE_HINT =
  'The API account lacks the products read-only scope (store_v2_products_read_only), which reading categories, ' +
  'products and price lists needs: add it to the account, or skip these reads with --no-catalog.';

/** The id is always returned, and the spec's allowed values of include_fields leave it out. */
const PRODUCT_FIELDS = 'name,sku';

/** The longest URL a product batch may make, origin included: well under the 2,000 that proxies and the API accept. */
export const MAX_BATCH_URL = 1_500;
/** Room for the origin (https://api.bigcommerce.com and any path of apiUrl) beside the path the transport shows. */
const ORIGIN_ALLOWANCE = 100;

export async function readCategories(transport: Transport): Promise<StoreRead<CategoryNode[]>> {
  const counter: RequestCounter = { requests: 0 };
  const path = '/v3/catalog/trees/categories';
  const value = await readAllV3Pages(transport, path, '', parseCategory, (c) => c.id, counter, PRODUCTS_SCOPE_HINT);
  const broken = findBrokenTree(value, transport.describePath(path));
  if (broken) throw broken;
  return { value, requests: counter.requests };
}

export async function readPriceLists(transport: Transport): Promise<StoreRead<CatalogPriceList[]>> {
  const counter: RequestCounter = { requests: 0 };
  const value = await readAllV3Pages(
    transport,
    '/v3/pricelists',
    '',
    parsePriceList,
    (l) => l.id,
    counter,
    PRODUCTS_SCOPE_HINT,
  );
  return { value, requests: counter.requests };
}

/** The products with these ids or SKUs, each once; ids and SKUs that match nothing are simply absent. */
export async function readProducts(
  transport: Transport,
  wanted: { ids?: readonly number[]; skus?: readonly string[] },
): Promise<StoreRead<CatalogProduct[]>> {
  const counter: RequestCounter = { requests: 0 };
  const found = new Map<number, CatalogProduct>();
  const ids = [...new Set(wanted.ids ?? [])].map(String);
  const skus = [...new Set(wanted.skus ?? [])].filter((sku) => sku !== '');
  // A comma would split the list, so such a SKU is asked for alone.
  const listable = skus.filter((sku) => !sku.includes(','));
  const filters = [
    ...batchFilters(transport, 'id:in', ids),
    ...batchFilters(transport, 'sku:in', listable.map(encodeURIComponent)),
    ...skus.filter((sku) => sku.includes(',')).map((sku) => `sku=${encodeURIComponent(sku)}`),
  ];
  // Batches a few at a time, as a list's pages: one after another, 20 batches at 50 ms took a second.
  const limit = pLimit(Math.max(1, transport.paging.concurrency));
  const reads = filters.map((filter) =>
    limit(() =>
      readAllV3Pages(
        transport,
        '/v3/catalog/products',
        `${filter}&include_fields=${PRODUCT_FIELDS}`,
        parseProduct,
        (p) => p.id,
        counter,
        PRODUCTS_SCOPE_HINT,
      ),
    ),
  );
  // Reads still in flight when one fails must not end as unhandled rejections.
  for (const read of reads) read.catch(() => undefined);
  try {
    for (const read of reads) for (const product of await read) found.set(product.id, product);
  } finally {
    limit.clearQueue();
  }
  return { value: [...found.values()].sort((a, b) => a.id - b.id), requests: counter.requests };
}

/** `key=v1,v2,...` filters, each within one page and the URL budget. */
export function batchFilters(transport: Transport, key: string, values: readonly string[]): string[] {
  const fixed =
    transport.describePath(
      `/v3/catalog/products?${key}=&include_fields=${PRODUCT_FIELDS}&limit=${V3_PAGE_LIMIT}&page=1000`,
    ).length + ORIGIN_ALLOWANCE;
  const batches: string[][] = [];
  let current: string[] = [];
  let length = fixed;
  for (const value of values) {
    const added = value.length + (current.length > 0 ? 1 : 0);
    if (current.length > 0 && (length + added > MAX_BATCH_URL || current.length >= V3_PAGE_LIMIT)) {
      batches.push(current);
      current = [];
      length = fixed;
    }
    current.push(value);
    length += value.length + (current.length > 1 ? 1 : 0);
  }
  if (current.length > 0) batches.push(current);
  return batches.map((batch) => `${key}=${batch.join(',')}`);
}

function parseCategory(raw: unknown, where: string): CategoryNode {
  const category = expectObject(raw, where);
  return {
    id: parseId(category.category_id, `${where}.category_id`),
    parent_id: isRoot(category.parent_id) ? 0 : parseId(category.parent_id, `${where}.parent_id`),
    tree_id: parseId(category.tree_id, `${where}.tree_id`),
    name: expectString(category.name, `${where}.name`),
  };
}

/** A root's parent_id is 0 (or, leniently, absent). */
function isRoot(parentId: unknown): boolean {
  return parentId === undefined || parentId === null || parentId === 0 || parentId === '0';
}

function parseProduct(raw: unknown, where: string): CatalogProduct {
  const product = expectObject(raw, where);
  const sku = product.sku ?? '';
  if (typeof sku !== 'string') throw new AnswerProblem(`${where}.sku is ${describe(sku)}, expected a string`);
  return { id: parseId(product.id, `${where}.id`), name: expectString(product.name, `${where}.name`), sku };
}

function parsePriceList(raw: unknown, where: string): CatalogPriceList {
  const list = expectObject(raw, where);
  return { id: parseId(list.id, `${where}.id`), name: expectString(list.name, `${where}.name`) };
}
