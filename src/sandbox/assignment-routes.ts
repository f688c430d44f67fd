// Price list assignments as the price lists spec documents them: a filtered, paged GET; a POST of at most
// 25 rows whose 422 may have saved part (meta.saved_records); a PUT per price list that upserts one
// (group, channel) pair; a DELETE that removes every row its filters match.
import type { StoredAssignment } from './channels.js';
import { readPositiveInt, type RouteAnswer } from './routes.js';
import { checkAssignmentPut, checkAssignmentRow, isRecord, MAX_ASSIGNMENT_BATCH } from './storefront-bodies.js';
import { indexed, notAllowed, type StorefrontRequest } from './storefront-http.js';
import { mirrorAssignmentToRules, type StorefrontContext } from './storefront-sync.js';
import { pageOf, v3Fail } from './v3-routes.js';

const MAX_LIMIT = 250;
const DEFAULT_LIMIT = 50;
const ROW_FIELDS = ['id', 'price_list_id', 'customer_group_id', 'channel_id'] as const;
/** The filters DELETE documents; GET takes these and the `:in` form of each. */
export const DELETE_FILTERS = [...ROW_FIELDS, 'channel_id:in'];
export const GET_FILTERS = [...ROW_FIELDS, ...ROW_FIELDS.map((field) => `${field}:in`)];

type Row = { price_list_id: number; customer_group_id: number; channel_id: number | null };

export function routeAssignments(request: StorefrontRequest, context: StorefrontContext): RouteAnswer | undefined {
  const { method, path } = request;
  if (path === '/pricelists/assignments') {
    if (method === 'GET') return listAssignments(request.query, context);
    if (method === 'POST') return createAssignments(request.body, context);
    if (method === 'DELETE') return deleteAssignments(request.query, context);
    return notAllowed(method, 'GET, POST, DELETE');
  }
  const upsertOf = /^\/pricelists\/(\d+)\/assignments$/.exec(path);
  if (!upsertOf) return undefined;
  return method === 'PUT' ? upsertAssignment(Number(upsertOf[1]), request.body, context) : notAllowed(method, 'PUT');
}

/** Answered as the spec's AssignmentForGetResponse: a row for every channel has no channel_id. */
function showRow({ channel_id, ...rest }: StoredAssignment) {
  return channel_id === null ? rest : { ...rest, channel_id };
}

type RowFilter = (row: StoredAssignment) => boolean;

function readFilters(
  query: URLSearchParams,
  allowed: readonly string[],
): { filters: RowFilter[] } | { refusal: RouteAnswer } {
  const filters: RowFilter[] = [];
  for (const [parameter, raw] of query) {
    if (parameter === 'page' || parameter === 'limit') continue;
    if (!allowed.includes(parameter)) return { refusal: v3Fail(422, `The filter '${parameter}' is not supported.`) };
    const values = raw.split(',').map((value) => value.trim());
    if (values.some((value) => !/^\d+$/.test(value)))
      return { refusal: v3Fail(422, `The filter '${parameter}' takes integer ids; '${raw}' is not.`) };
    const field = parameter.replace(':in', '') as (typeof ROW_FIELDS)[number];
    const wanted = values.map(Number);
    filters.push((row) => row[field] !== null && wanted.includes(row[field]));
  }
  return { filters };
}

function listAssignments(query: URLSearchParams, { channels }: StorefrontContext): RouteAnswer {
  const page = readPositiveInt(query.get('page'), 1);
  const limit = readPositiveInt(query.get('limit'), DEFAULT_LIMIT);
  if (page === undefined || limit === undefined)
    return v3Fail(422, 'The page and limit parameters must be positive integers.');
  if (limit > MAX_LIMIT) return v3Fail(422, `The limit is too large; the maximum is ${MAX_LIMIT}.`);
  const read = readFilters(query, GET_FILTERS);
  if ('refusal' in read) return read.refusal;
  const rows = channels.assignments().filter((row) => read.filters.every((keep) => keep(row)));
  return { status: 200, body: pageOf(rows.map(showRow), page, limit) };
}

function deleteAssignments(query: URLSearchParams, context: StorefrontContext): RouteAnswer {
  const read = readFilters(query, DELETE_FILTERS);
  if ('refusal' in read) return read.refusal;
  if (read.filters.length === 0) return v3Fail(422, 'You must use at least one query parameter.');
  const removed = context.channels.remove((row) => read.filters.every((keep) => keep(row)));
  mirrorAssignmentToRules(
    context,
    removed.filter((row) => row.channel_id === null).map((row) => row.customer_group_id),
  );
  return { status: 204 };
}

/** Why this row cannot be saved, beside the rows already stored and those earlier in the batch. */
function findRowProblem(row: Row, context: StorefrontContext, taken: ReadonlySet<string>): string | undefined {
  const { catalog, store, channels } = context;
  if (catalog.hasCatalog && !catalog.priceLists.some((list) => list.id === row.price_list_id))
    return `The price list ${row.price_list_id} does not exist.`;
  if (row.channel_id !== null && !channels.hasChannel(row.channel_id))
    return `The channel ${row.channel_id} does not exist.`;
  if (row.customer_group_id === 0 && row.channel_id === null)
    return 'A channel default price list (no customer group) needs a channel_id.';
  const group = row.customer_group_id === 0 ? undefined : store.get(row.customer_group_id);
  if (row.customer_group_id !== 0 && !group) return `The customer group ${row.customer_group_id} does not exist.`;
  if (group?.discount_rules.some((rule) => rule.type !== 'price_list'))
    return 'You must delete the customer group discounts first.';
  if (taken.has(pairKey(row))) return 'The customer group already has a price list assignment on this channel.';
  return undefined;
}

function createAssignments(body: unknown, context: StorefrontContext): RouteAnswer {
  if (!Array.isArray(body)) {
    context.onNonConforming();
    return v3Fail(422, 'The request body must be an array of price list assignments.');
  }
  if (body.length > MAX_ASSIGNMENT_BATCH)
    return batchFailure(`The batch limit for price list assignments is ${MAX_ASSIGNMENT_BATCH}.`, {}, 0);
  const schemaProblems = body.flatMap((row, index) => checkAssignmentRow(row, String(index)));
  if (schemaProblems.length > 0) {
    context.onNonConforming();
    return batchFailure('The request body does not match the schema.', indexed(schemaProblems), 0);
  }
  const taken = new Set(context.channels.assignments().map(pairKey));
  const good: Row[] = [];
  const errors: Record<string, string> = {};
  body.forEach((raw, index) => {
    const fields = raw as Record<string, number>;
    const row: Row = {
      price_list_id: fields.price_list_id as number,
      customer_group_id: fields.customer_group_id ?? 0,
      channel_id: fields.channel_id ?? null,
    };
    const problem = findRowProblem(row, context, taken);
    if (problem) errors[String(index)] = problem;
    else {
      good.push(row);
      taken.add(pairKey(row));
    }
  });
  const failed = Object.keys(errors).length > 0;
  const save = !failed || context.options.assignmentBatchErrors === 'partial';
  if (save) {
    for (const row of good) context.channels.insert({ ...row, channel_id: row.channel_id ?? undefined });
    mirrorAssignmentToRules(
      context,
      good.filter((row) => row.channel_id === null).map((row) => row.customer_group_id),
    );
  }
  // The spec answers a saved batch with 200 and "No content".
  return failed
    ? batchFailure('Some price list assignments were not saved.', errors, save ? good.length : 0)
    : { status: 200 };
}

function upsertAssignment(priceListId: number, body: unknown, context: StorefrontContext): RouteAnswer {
  const problems = checkAssignmentPut(body);
  if (problems.length > 0) {
    context.onNonConforming();
    return v3Fail(422, 'The request body does not match the schema.', indexed(problems));
  }
  const fields = (isRecord(body) ? body : {}) as Record<string, number>;
  const row: Row = {
    price_list_id: priceListId,
    customer_group_id: fields.customer_group_id as number,
    channel_id: fields.channel_id as number,
  };
  // The pair's own row does not stand in its way: the PUT moves it.
  const problem = findRowProblem(row, context, new Set());
  if (problem === 'You must delete the customer group discounts first.') return v3Fail(422, problem);
  // "A matching customer group or channel wasn't found, so no assignment is created or returned."
  if (problem) return v3Fail(404, problem);
  const saved = context.channels.upsert(priceListId, row.customer_group_id, row.channel_id);
  return { status: 200, body: { data: showRow(saved), meta: {} } };
}

function batchFailure(title: string, errors: Record<string, string>, saved: number): RouteAnswer {
  const failure = v3Fail(422, title, errors);
  return { ...failure, body: { ...(failure.body as object), meta: { saved_records: saved } } };
}

function pairKey(row: Row): string {
  return `${row.customer_group_id}/${row.channel_id ?? 'any'}`;
}
