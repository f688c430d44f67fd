// The customer group routes under /stores/{hash}/v2, answering as the API documents.
import type { CatalogStore } from './catalog.js';
import type { RawGroup, ResolvedOptions } from './options.js';
import { parseDateValue } from '../model/dates.js';
import { checkBodyBasics, checkDiscountRules, refuse, type Refusal } from './rules.js';
import { findSchemaViolations } from './schema.js';
import type { GroupStore } from './store.js';

export interface RouteRequest {
  method: string;
  /** Path below the store's base, e.g. "/customer_groups/3". */
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** A 207 is coming: save the group but not its discount_rules, as when the store-wide update fails. */
  dropDiscountRules?: boolean;
}

export interface RouteAnswer {
  status: number;
  body?: unknown;
  /** A body sent as is instead of `body` as JSON: an answer that cannot be read. */
  raw?: string;
  headers?: Record<string, string>;
}

export interface RouteContext {
  store: GroupStore;
  catalog: CatalogStore;
  options: ResolvedOptions;
  /** Called for each body that breaks the request schema. */
  onNonConforming(): void;
}

const MAX_LIMIT = 250;
const DEFAULT_LIMIT = 50;

export function routeRequest(request: RouteRequest, context: RouteContext): RouteAnswer {
  const { method, path } = request;
  if (path === '/customer_groups') {
    if (method === 'GET') return listGroups(request.query, context);
    if (method === 'POST') return writeGroup(request, undefined, context);
    // Bulk delete was removed from the API in 2024.
    return {
      ...fail(refuse(405, `The method ${method} is not allowed on this resource.`)),
      headers: { Allow: 'GET, POST' },
    };
  }
  if (path === '/customer_groups/count') {
    return method === 'GET'
      ? { status: 200, body: { count: context.store.all().length } }
      : fail(refuse(405, `The method ${method} is not allowed on this resource.`));
  }
  const match = /^\/customer_groups\/(\d+)$/.exec(path);
  if (!match) return fail(refuse(404, 'The requested resource was not found.'));
  const id = Number(match[1]);
  if (method === 'GET') {
    const group = context.store.get(id);
    return group ? { status: 200, body: group } : notFound();
  }
  if (method === 'PUT') return writeGroup(request, id, context);
  if (method === 'DELETE') {
    if (!context.store.delete(id)) return notFound();
    // The API unassigns every customer of a deleted group.
    context.catalog.unassignGroup(id);
    return { status: 204 };
  }
  return {
    ...fail(refuse(405, `The method ${method} is not allowed on this resource.`)),
    headers: { Allow: 'GET, PUT, DELETE' },
  };
}

function listGroups(query: URLSearchParams, { store, options }: RouteContext): RouteAnswer {
  const page = readPositiveInt(query.get('page'), 1);
  const limit = readPositiveInt(query.get('limit'), DEFAULT_LIMIT);
  if (page === undefined || limit === undefined)
    return fail(refuse(400, 'The page and limit parameters must be positive integers.'));
  if (limit > MAX_LIMIT) {
    return {
      status: 413,
      body: [
        {
          status: 413,
          message: `The limit is too large; the maximum is ${MAX_LIMIT}.`,
          details: { max_limit: MAX_LIMIT },
        },
      ],
    };
  }
  const dateBounds = readDateBounds(query);
  if ('refusal' in dateBounds) return fail(dateBounds.refusal);
  const filtered = store
    .all()
    .filter((group) => matchesFilters(group, query) && withinDateBounds(group, dateBounds.bounds));
  const pageGroups = filtered.slice((page - 1) * limit, page * limit);
  if (pageGroups.length === 0) return options.endOfList === '204' ? { status: 204 } : { status: 200, body: [] };
  return { status: 200, body: pageGroups };
}

function matchesFilters(group: RawGroup, query: URLSearchParams): boolean {
  const name = query.get('name');
  const like = query.get('name:like');
  if (name !== null && group.name !== name) return false;
  if (like !== null && !group.name.toLowerCase().includes(like.toLowerCase())) return false;
  for (const flag of ['is_default', 'is_group_for_guests'] as const) {
    const wanted = query.get(flag);
    if (wanted !== null && group[flag] !== (wanted === 'true' || wanted === '1')) return false;
  }
  return true;
}

type DateBound = { field: 'date_created' | 'date_modified'; compare: 'eq' | 'min' | 'max'; seconds: number };

/** The date filters of the query, each read as a moment to the second; a value that is no date is a 400. */
function readDateBounds(query: URLSearchParams): { bounds: DateBound[] } | { refusal: Refusal } {
  const bounds: DateBound[] = [];
  for (const field of ['date_created', 'date_modified'] as const) {
    for (const compare of ['eq', 'min', 'max'] as const) {
      const parameter = compare === 'eq' ? field : `${field}:${compare}`;
      for (const value of query.getAll(parameter)) {
        const seconds = parseDateValue(value);
        if (seconds === undefined) {
          return {
            refusal: refuse(
              400,
              `The parameter '${parameter}' must be a date (ISO 8601, 'YYYY-MM-DD HH:MM:SS' in UTC, or RFC 2822); '${value}' is not.`,
            ),
          };
        }
        bounds.push({ field, compare, seconds });
      }
    }
  }
  return { bounds };
}

function withinDateBounds(group: RawGroup, bounds: DateBound[]): boolean {
  return bounds.every(({ field, compare, seconds }) => {
    const stamp = parseDateValue(group[field]);
    if (stamp === undefined) return false;
    return compare === 'eq' ? stamp === seconds : compare === 'min' ? stamp >= seconds : stamp <= seconds;
  });
}

function writeGroup(
  { body, dropDiscountRules }: RouteRequest,
  id: number | undefined,
  context: RouteContext,
): RouteAnswer {
  const violations = findSchemaViolations(body);
  if (violations.length > 0) context.onNonConforming();
  if (id !== undefined && !context.store.get(id)) return notFound();
  const refusal =
    checkBodyBasics(body, id === undefined) ??
    checkDiscountRules((body as Record<string, unknown>).discount_rules) ??
    checkReferences(body, context);
  if (refusal) return fail(refusal);
  if (violations.length > 0)
    return fail(refuse(400, ...violations.map((v) => `The request body does not match the schema: ${v}.`)));
  const { discount_rules: _rules, ...withoutRules } = body as Record<string, unknown>;
  // The rules were checked above; when their update "fails" a new group has none and an old one keeps its own.
  const fields = dropDiscountRules ? withoutRules : (body as Record<string, unknown>);
  const result = id === undefined ? context.store.create(fields) : context.store.update(id, fields);
  if (!result) return notFound();
  if ('refusal' in result) return fail(result.refusal);
  return { status: id === undefined ? context.options.createStatus : 200, body: result.group };
}

/** With `unknownReferences: refuse`, a rule or category access naming an id the catalog lacks is a 422. */
function checkReferences(body: unknown, { catalog, options }: RouteContext): Refusal | undefined {
  if (options.unknownReferences !== 'refuse') return undefined;
  const missing = catalog.findMissingReferences(body as Record<string, unknown>);
  if (missing.length === 0) return undefined;
  return refuse(
    422,
    ...missing.map(({ kind, id, field }) => `${field}: the ${kind.replace('_', ' ')} ${id} does not exist.`),
  );
}

export function readPositiveInt(raw: string | null, fallback: number): number | undefined {
  if (raw === null) return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? value : undefined;
}

function fail(refusal: Refusal): RouteAnswer {
  return { status: refusal.status, body: refusal.errors };
}

function notFound(): RouteAnswer {
  return fail(refuse(404, 'The requested resource was not found.'));
}
