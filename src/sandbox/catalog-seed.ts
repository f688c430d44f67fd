// A seeded catalog and customers are checked against what a real store can hold (the limits of the
// official V3 specs), so the sandbox never serves a store that could not exist.
import type { SeedCategory, SeedCustomer } from './catalog.js';
import { isMapping } from '../text/mapping.js';

/** From the category trees spec: 16,000 categories per store, names of 1-50 characters, 8 levels. */
const MAX_CATEGORIES = 16_000;
const MAX_CATEGORY_NAME = 50;
const MAX_DEPTH = 8;
/** From the products spec: names of 1-250 characters, SKUs up to 255. */
const MAX_PRODUCT_NAME = 250;
const MAX_SKU = 255;
const MAX_PRICE_LIST_NAME = 255;

type Fields = Record<string, unknown>;

/** Messages for every part of the seeded catalog and customers no store could hold. */
export function findCatalogProblems(catalog: unknown, customers: unknown, groupIds: ReadonlySet<number>): string[] {
  const problems: string[] = [];
  if (catalog !== undefined) {
    if (!isMapping(catalog)) problems.push('catalog must be a mapping with categories, products and price_lists');
    else {
      problems.push(...unknownKeys(catalog, ['categories', 'products', 'price_lists'], 'catalog'));
      problems.push(...checkCategories(catalog.categories));
      problems.push(...checkProducts(catalog.products));
      problems.push(...checkPriceLists(catalog.price_lists));
    }
  }
  if (customers !== undefined) problems.push(...checkCustomers(customers, groupIds));
  return problems;
}

function checkCategories(raw: unknown): string[] {
  const list = readList(raw, 'catalog.categories');
  if (typeof list === 'string') return [list];
  const problems: string[] = [];
  if (list.length > MAX_CATEGORIES)
    problems.push(
      `catalog.categories: a store holds at most ${MAX_CATEGORIES} categories, the seed has ${list.length}`,
    );
  const byId = new Map<number, SeedCategory>();
  list.forEach((entry, index) => {
    const at = label('category', index, entry);
    if (!isMapping(entry)) return void problems.push(`${at}: must be a mapping`);
    problems.push(...unknownKeys(entry, ['category_id', 'name', 'parent_id', 'tree_id', 'is_visible'], at));
    problems.push(...checkId(entry.category_id, `${at}: category_id`, byId));
    problems.push(...checkName(entry.name, `${at}: name`, MAX_CATEGORY_NAME));
    if (entry.parent_id !== undefined && !(Number.isInteger(entry.parent_id) && (entry.parent_id as number) >= 0))
      problems.push(`${at}: parent_id must be 0 (a root) or a category id`);
    if (entry.tree_id !== undefined && !isPositiveInt(entry.tree_id))
      problems.push(`${at}: tree_id must be a positive integer`);
    if (entry.is_visible !== undefined && typeof entry.is_visible !== 'boolean')
      problems.push(`${at}: is_visible must be true or false`);
    if (isPositiveInt(entry.category_id) && !byId.has(entry.category_id as number))
      byId.set(entry.category_id as number, entry as unknown as SeedCategory);
  });
  return problems.length > 0 ? problems : checkTreeShape([...byId.values()]);
}

/** Parents exist in the same tree, no cycles, at most 8 levels, names unique among siblings. */
function checkTreeShape(categories: SeedCategory[]): string[] {
  const problems: string[] = [];
  const byId = new Map(categories.map((c) => [c.category_id, c]));
  const siblings = new Map<string, number>();
  for (const category of categories) {
    const at = `category ${category.category_id} ('${category.name}')`;
    const parentId = category.parent_id ?? 0;
    const parent = byId.get(parentId);
    if (parentId !== 0 && !parent) problems.push(`${at}: parent_id ${parentId} is no category of the seed`);
    else if (parent && (parent.tree_id ?? 1) !== (category.tree_id ?? 1))
      problems.push(
        `${at}: its parent ${parentId} is in tree ${parent.tree_id ?? 1}, not tree ${category.tree_id ?? 1}`,
      );
    const key = `${category.tree_id ?? 1}/${parentId}/${category.name.trim().toLowerCase()}`;
    const twin = siblings.get(key);
    if (twin !== undefined) problems.push(`${at}: category ${twin} under the same parent already has this name`);
    else siblings.set(key, category.category_id);
    let depth = 1;
    const seen = new Set([category.category_id]);
    for (let up = byId.get(parentId); up; up = byId.get(up.parent_id ?? 0)) {
      if (seen.has(up.category_id)) {
        problems.push(`${at}: its parents form a cycle through category ${up.category_id}`);
        break;
      }
      seen.add(up.category_id);
      depth += 1;
    }
    if (depth > MAX_DEPTH) problems.push(`${at}: it is ${depth} levels deep; a store allows ${MAX_DEPTH}`);
  }
  return problems;
}

function checkProducts(raw: unknown): string[] {
  const skus = new Map<string, number>();
  return checkNamedList(
    raw,
    'catalog.products',
    'product',
    ['id', 'name', 'sku'],
    MAX_PRODUCT_NAME,
    (entry, at, index) => {
      if (entry.sku === undefined || entry.sku === '') return [];
      if (typeof entry.sku !== 'string' || entry.sku.length > MAX_SKU)
        return [`${at}: sku must be a string of at most ${MAX_SKU} characters`];
      return checkUnique(entry.sku, `${at}: the SKU`, skus, index);
    },
  );
}

function checkPriceLists(raw: unknown): string[] {
  return checkNamedList(
    raw,
    'catalog.price_lists',
    'price list',
    ['id', 'name', 'active'],
    MAX_PRICE_LIST_NAME,
    (entry, at) =>
      entry.active !== undefined && typeof entry.active !== 'boolean' ? [`${at}: active must be true or false`] : [],
  );
}

/** Entries with a unique id and a unique name, as products and price lists are; `checkRest` adds the rest. */
function checkNamedList(
  raw: unknown,
  where: string,
  kind: string,
  fields: string[],
  maxName: number,
  checkRest: (entry: Fields, at: string, index: number) => string[],
): string[] {
  const list = readList(raw, where);
  if (typeof list === 'string') return [list];
  const problems: string[] = [];
  const ids = new Map<number, unknown>();
  const names = new Map<string, number>();
  list.forEach((entry, index) => {
    const at = label(kind, index, entry);
    if (!isMapping(entry)) return void problems.push(`${at}: must be a mapping`);
    problems.push(...unknownKeys(entry, fields, at));
    problems.push(...checkId(entry.id, `${at}: id`, ids));
    problems.push(...checkName(entry.name, `${at}: name`, maxName));
    problems.push(...checkUnique(entry.name, `${at}: the name`, names, index));
    problems.push(...checkRest(entry, at, index));
    if (isPositiveInt(entry.id)) ids.set(entry.id as number, entry);
  });
  return problems;
}

function checkCustomers(raw: unknown, groupIds: ReadonlySet<number>): string[] {
  const list = readList(raw, 'customers');
  if (typeof list === 'string') return [list];
  const problems: string[] = [];
  const ids = new Map<number, unknown>();
  const emails = new Map<string, number>();
  let nextId = 1;
  list.forEach((entry, index) => {
    const at = `customer ${index + 1}`;
    if (!isMapping(entry)) return void problems.push(`${at}: must be a mapping`);
    problems.push(...unknownKeys(entry, ['id', 'email', 'first_name', 'last_name', 'customer_group_id'], at));
    const id = entry.id === undefined ? nextId : entry.id;
    problems.push(
      ...checkId(id, entry.id === undefined ? `${at}: id ${id} (the id it would be given next)` : `${at}: id`, ids),
    );
    if (isPositiveInt(id)) {
      ids.set(id as number, entry);
      nextId = Math.max(nextId, (id as number) + 1);
    }
    const group = (entry as Partial<SeedCustomer>).customer_group_id;
    if (!(Number.isInteger(group) && (group as number) >= 0))
      problems.push(`${at}: customer_group_id must be 0 (no group) or a group id`);
    else if (group !== 0 && !groupIds.has(group as number))
      problems.push(`${at}: customer_group_id ${group} is no group of the seed`);
    for (const field of ['email', 'first_name', 'last_name'] as const) {
      if (entry[field] !== undefined && !(typeof entry[field] === 'string' && (entry[field] as string).trim() !== ''))
        problems.push(`${at}: ${field} must be a non-empty string`);
    }
    if (typeof entry.email === 'string') problems.push(...checkUnique(entry.email, `${at}: the email`, emails, index));
  });
  return problems;
}

function readList(raw: unknown, where: string): unknown[] | string {
  if (raw === undefined) return [];
  return Array.isArray(raw) ? raw : `${where} must be a list`;
}

function label(kind: string, index: number, entry: unknown): string {
  const name = isMapping(entry) && typeof entry.name === 'string' ? ` ('${entry.name}')` : '';
  return `${kind} ${index + 1}${name}`;
}

function checkId(id: unknown, at: string, seen: ReadonlyMap<number, unknown>): string[] {
  if (!isPositiveInt(id)) return [`${at} must be a positive integer`];
  return seen.has(id as number) ? [`${at} ${id} is used twice`] : [];
}

function checkName(name: unknown, at: string, max: number): string[] {
  return typeof name === 'string' && name.trim() !== '' && name.length <= max
    ? []
    : [`${at} must be a non-empty string of at most ${max} characters`];
}

/** Names, SKUs and emails compare without case, as the store compares them. */
function checkUnique(value: unknown, at: string, seen: Map<string, number>, index: number): string[] {
  if (typeof value !== 'string') return [];
  const key = value.trim().toLowerCase();
  const first = seen.get(key);
  if (first !== undefined) return [`${at} '${value}' is already used by entry ${first + 1}`];
  seen.set(key, index);
  return [];
}

function unknownKeys(entry: Fields, allowed: readonly string[], at: string): string[] {
  return Object.keys(entry)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${at}: unknown field '${key}' (allowed: ${allowed.join(', ')})`);
}

function isPositiveInt(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
