// The read-only V3 routes under /stores/{hash}/v3: category trees, products, price lists, customers.
// Each list answers {data, meta: {pagination}}, pages like the official specs and filters as they list.
import type { CatalogStore } from './catalog.js';
import { PRODUCT_INCLUDE_FIELDS } from './product-fields.js';
import { readPositiveInt, type RouteAnswer } from './routes.js';
import { toV3Error } from './styles.js';

export interface V3Request {
  method: string;
  /** Path below /stores/{hash}/v3, e.g. "/catalog/trees/categories". */
  path: string;
  query: URLSearchParams;
}

const MAX_LIMIT = 250;
const DEFAULT_LIMIT = 50;

type Item = Record<string, unknown>;
/** A filter of the query: keeps an item or not; a value that cannot be read is a refusal. */
type Filter = (item: Item) => boolean;

interface Listing {
  items: readonly object[];
  idField: string;
  filters: Record<string, (values: string[]) => Filter>;
  /** The values include_fields may name, where the spec lists them; any other is refused with 422. */
  includable?: readonly string[];
}

/** Every V3 path the sandbox serves, and how each lists. */
function chooseListing(path: string, catalog: CatalogStore): Listing | undefined {
  switch (path) {
    case '/catalog/trees/categories':
      return {
        items: catalog.categories,
        idField: 'category_id',
        filters: {
          ...idFilters('category_id'),
          ...idFilters('tree_id'),
          ...idFilters('parent_id'),
          ...nameFilters(),
          is_visible: flagFilter('is_visible'),
        },
      };
    case '/catalog/products':
      return {
        items: catalog.products,
        idField: 'id',
        includable: PRODUCT_INCLUDE_FIELDS,
        filters: {
          ...idFilters('id'),
          id:
            ([v]) =>
            (p) =>
              p.id === Number(v),
          ...skuFilters(),
          ...nameFilters(),
        },
      };
    case '/pricelists':
      return { items: catalog.priceLists, idField: 'id', filters: { ...idFilters('id'), ...nameFilters() } };
    case '/customers':
      return {
        items: catalog.customers,
        idField: 'id',
        filters: { ...idFilters('id'), ...idFilters('customer_group_id') },
      };
    default:
      return undefined;
  }
}

export function routeV3Request({ method, path, query }: V3Request, catalog: CatalogStore): RouteAnswer {
  const listing = chooseListing(path, catalog);
  if (!listing) return v3Fail(404, 'The requested resource was not found.');
  if (method !== 'GET')
    return {
      ...v3Fail(405, `The method ${method} is not allowed on this resource in the sandbox (read-only).`),
      headers: { Allow: 'GET' },
    };
  const page = readPositiveInt(query.get('page'), 1);
  const limit = readPositiveInt(query.get('limit'), DEFAULT_LIMIT);
  if (page === undefined || limit === undefined)
    return v3Fail(400, 'The page and limit parameters must be positive integers.');
  if (limit > MAX_LIMIT)
    return v3Fail(422, `The limit is too large; the maximum is ${MAX_LIMIT}.`, {
      limit: `must be at most ${MAX_LIMIT}`,
    });
  const filters: Filter[] = [];
  for (const [parameter, makeFilter] of Object.entries(listing.filters)) {
    const raw = query.get(parameter);
    if (raw === null) continue;
    const values =
      parameter.endsWith(':in') || parameter.endsWith(':not_in') ? raw.split(',').filter((v) => v !== '') : [raw];
    if (parameter.includes('_id') || parameter.startsWith('id')) {
      const bad = values.find((value) => !/^\d+$/.test(value.trim()));
      if (bad !== undefined)
        return v3Fail(422, `The filter '${parameter}' takes integer ids; '${bad}' is not one.`, {
          [parameter]: 'must be a comma-separated list of integers',
        });
    }
    filters.push(makeFilter(values));
  }
  // Unfiltered, the list is paged as it is: copying 100,000 items for each of 400 pages was most of a read.
  const items = listing.items as Item[];
  const matching = filters.length === 0 ? items : items.filter((item) => filters.every((keep) => keep(item)));
  const fields = readFieldList(query.get('include_fields'));
  const unknownField = fields?.find((field) => listing.includable && !listing.includable.includes(field));
  if (unknownField !== undefined)
    return v3Fail(422, `include_fields may not name '${unknownField}'; the allowed values are listed in the spec.`, {
      include_fields: `'${unknownField}' is not one of the allowed values`,
    });
  const excluded = readFieldList(query.get('exclude_fields'));
  const project = (item: Item): Item =>
    Object.fromEntries(
      Object.entries(item).filter(
        ([key]) =>
          key === listing.idField || ((fields === undefined || fields.includes(key)) && !excluded?.includes(key)),
      ),
    );
  return { status: 200, body: pageOf(matching, page, limit, project) };
}

/** Only the page's items are projected: projecting all of them made reading 100,000 items, page by page, quadratic. */
export function pageOf(items: Item[], page: number, limit: number, project = (item: Item): Item => item) {
  const data = items.slice((page - 1) * limit, page * limit).map(project);
  const totalPages = Math.ceil(items.length / limit);
  const link = (n: number) => `?limit=${limit}&page=${n}`;
  const links: Record<string, string> = { current: link(page) };
  if (page > 1) links.previous = link(page - 1);
  if (page < totalPages) links.next = link(page + 1);
  return {
    data,
    meta: {
      pagination: {
        total: items.length,
        count: data.length,
        per_page: limit,
        current_page: page,
        total_pages: totalPages,
        links,
      },
    },
  };
}

function idFilters(field: string): Record<string, (values: string[]) => Filter> {
  return {
    [`${field}:in`]: (values) => (item) => values.map(Number).includes(item[field] as number),
    [`${field}:not_in`]: (values) => (item) => !values.map(Number).includes(item[field] as number),
  };
}

function nameFilters(): Record<string, (values: string[]) => Filter> {
  return {
    name:
      ([value = '']) =>
      (item) =>
        item.name === value,
    'name:like':
      ([value = '']) =>
      (item) =>
        String(item.name).toLowerCase().includes(value.toLowerCase()),
  };
}

/** SKUs are unique regardless of case, so they match regardless of case. */
function skuFilters(): Record<string, (values: string[]) => Filter> {
  const matchesAny = (values: string[]) => (item: Item) =>
    values.some((value) => value.toLowerCase() === String(item.sku).toLowerCase());
  return { sku: matchesAny, 'sku:in': matchesAny };
}

function flagFilter(field: string): (values: string[]) => Filter {
  return ([value]) =>
    (item) =>
      item[field] === (value === 'true' || value === '1');
}

function readFieldList(raw: string | null): string[] | undefined {
  return raw === null ? undefined : raw.split(',').map((field) => field.trim());
}

export function v3Fail(status: number, message: string, errors: Record<string, string> = {}): RouteAnswer {
  return { status, body: { ...toV3Error(status, [{ status, message }]), errors } };
}
