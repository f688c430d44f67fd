// Price list assignments (issue 19): read for a set of groups, added in batches of at most 25, one pair
// moved by PUT, and deleted one row at a time by id, because a DELETE removes every row its filter
// matches. Assignments sit under the products scopes, so a token that writes them can write the catalog.
import { ApiError } from '../errors.js';
import type { AssignmentResult, LiveAssignment, NewAssignment } from '../model/index.js';
import { batchFilters } from './catalog.js';
import type { Transport } from './http.js';
import { expectObject, parseId } from './parse.js';
import { readAllV3Pages, type RequestCounter, type StoreRead } from './v3.js';
import { readV3Object, sendV3 } from './v3-send.js';

export const ASSIGNMENTS_READ_SCOPE_HINT =
  'The API account lacks the products read-only scope (store_v2_products_read_only), ' +
  'which reading price list assignments needs: add it to the account.';
export const ASSIGNMENTS_WRITE_SCOPE_HINT =
  'The API account lacks the products scope (store_v2_products, modify), ' +
  'which writing price list assignments needs: add it to the account (it also lets the token write the catalog).';

/** "The batch limit for Price List Assignments is 25" (price lists spec). */
export const MAX_ASSIGNMENT_BATCH = 25;

const PATH = '/v3/pricelists/assignments';

/** Every assignment of these groups (0: the channels' default price lists), in URL-bounded batches, by id. */
export async function readAssignments(
  transport: Transport,
  groupIds: readonly number[],
): Promise<StoreRead<LiveAssignment[]>> {
  const counter: RequestCounter = { requests: 0 };
  const found = new Map<number, LiveAssignment>();
  const ids = [...new Set(groupIds)].map((id) => String(checkId(id, 'customer group id', true)));
  for (const filter of batchFilters(transport, 'customer_group_id:in', ids)) {
    const rows = await readAllV3Pages(
      transport,
      PATH,
      filter,
      parseAssignment,
      (row) => row.id,
      counter,
      ASSIGNMENTS_READ_SCOPE_HINT,
    );
    for (const row of rows) found.set(row.id, row);
  }
  return { value: [...found.values()].sort((a, b) => a.id - b.id), requests: counter.requests };
}

/** Adds the rows in batches of 25, a result per row. A batch the store refuses (422, which may have saved
 *  part) or leaves in doubt (5xx; a POST is never repeated) is read back, so each row says what became of it. */
export async function addAssignments(
  transport: Transport,
  rows: readonly NewAssignment[],
): Promise<AssignmentResult[]> {
  for (const row of rows) checkRow(row);
  const results: AssignmentResult[] = [];
  for (let start = 0; start < rows.length; start += MAX_ASSIGNMENT_BATCH) {
    const batch = rows.slice(start, start + MAX_ASSIGNMENT_BATCH);
    results.push(...(await addBatch(transport, batch)));
  }
  return results;
}

async function addBatch(transport: Transport, batch: readonly NewAssignment[]): Promise<AssignmentResult[]> {
  const body = batch.map(({ price_list_id, customer_group_id, channel_id }) => ({
    price_list_id,
    customer_group_id,
    ...(channel_id === null ? {} : { channel_id }),
  }));
  // The store's message names the rows it refused (how it keys them is undocumented), so every failed
  // row carries it whole; which rows were saved is learnt by reading them back.
  let failure: string;
  try {
    const answer = await sendV3(transport, 'POST', PATH, ASSIGNMENTS_WRITE_SCOPE_HINT, body);
    if (answer.status < 300) return batch.map((row) => ({ row, status: 'saved' }));
    failure = `the store answered ${answer.status} and did not save it`;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 422)) throw error;
    failure = `the store refused the batch (422): ${error.apiMessage ?? error.message}`;
  }
  const stored = await readAssignments(
    transport,
    batch.map((row) => row.customer_group_id),
  );
  return batch.map((row) => {
    const match = stored.value.find((live) => samePair(live, row) && live.price_list_id === row.price_list_id);
    return match ? { row, status: 'saved', id: match.id } : { row, status: 'failed', message: failure };
  });
}

/** Upserts the (group, channel) pair onto the price list: moves the pair's row, or makes one. */
export async function upsertAssignment(
  transport: Transport,
  assignment: { price_list_id: number; customer_group_id: number; channel_id: number },
): Promise<LiveAssignment> {
  const priceListId = checkId(assignment.price_list_id, 'price list id');
  const body = {
    customer_group_id: checkId(assignment.customer_group_id, 'customer group id', true),
    channel_id: checkId(assignment.channel_id, 'channel id'),
  };
  return readV3Object(
    transport,
    'PUT',
    `/v3/pricelists/${priceListId}/assignments`,
    ASSIGNMENTS_WRITE_SCOPE_HINT,
    (data) => parseAssignment(data, 'data'),
    { body },
  );
}

/** Deletes the one row with this id. Never by group, list or channel: the store deletes every row matching. */
export async function deleteAssignment(transport: Transport, assignmentId: number): Promise<void> {
  await sendV3(
    transport,
    'DELETE',
    `${PATH}?id=${checkId(assignmentId, 'assignment id')}`,
    ASSIGNMENTS_WRITE_SCOPE_HINT,
  );
}

export function parseAssignment(raw: unknown, where: string): LiveAssignment {
  const row = expectObject(raw, where);
  const group = row.customer_group_id;
  return {
    id: parseId(row.id, `${where}.id`),
    price_list_id: parseId(row.price_list_id, `${where}.price_list_id`),
    customer_group_id: group === 0 || group === '0' ? 0 : parseId(group, `${where}.customer_group_id`),
    // A row for every channel carries no channel_id (or null).
    channel_id:
      row.channel_id === undefined || row.channel_id === null ? null : parseId(row.channel_id, `${where}.channel_id`),
  };
}

function samePair(live: LiveAssignment, row: NewAssignment): boolean {
  return live.customer_group_id === row.customer_group_id && live.channel_id === row.channel_id;
}

function checkRow(row: NewAssignment): void {
  checkId(row.price_list_id, 'price list id');
  checkId(row.customer_group_id, 'customer group id', true);
  if (row.channel_id !== null) checkId(row.channel_id, 'channel id');
  if (row.customer_group_id === 0 && row.channel_id === null)
    throw new RangeError("a channel's default price list (customer group 0) needs a channel id");
}

function checkId(id: number, what: string, zero = false): number {
  if (Number.isSafeInteger(id) && (id > 0 || (zero && id === 0))) return id;
  throw new RangeError(`${what} must be a ${zero ? 'whole number' : 'positive integer'}; got ${String(id)}`);
}
