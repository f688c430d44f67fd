// The customers of a group, by id only, and moving customers into a group (PUT /v3/customers) in batches
// of at most 10, at most 3 requests at once, as the spec limits them; each batch reports its own outcome,
// so one failure never hides the rest. No email or name of a customer is kept, returned or quoted.
import { withoutEmails } from '../text/redact.js';
import pLimit from 'p-limit';
import { ApiError, BcgroupsError } from '../errors.js';
import { expectRecord, parseGroupRef, parseRecordId, quoteNumber } from './group-refs.js';
import type { Transport } from './http.js';
import { AnswerProblem } from './parse.js';
import { explainMissingScope, readAllV3Pages, type RequestCounter, type StoreRead } from './v3.js';

/** From the spec's PUT /customers: "Limit of 10 customers per call", "Limit of 3 concurrent requests". */
export const MAX_MOVE_BATCH = 10;
export const MAX_MOVE_CONCURRENCY = 3;

export const CUSTOMERS_READ_SCOPE = 'store_v2_customers_read_only';
export const CUSTOMERS_WRITE_SCOPE = 'store_v2_customers';
const READ_HINT =
  `The API account lacks the customers read-only scope (${CUSTOMERS_READ_SCOPE}), ` +
  'which reading the members of a group needs: add it to the account.';
const WRITE_HINT =
  `The API account lacks the customers modify scope (${CUSTOMERS_WRITE_SCOPE}), ` +
  'which moving customers between groups needs: add it to the account.';

/**
 * The ids of every customer in the group, ascending. The customers list has no include_fields or
 * exclude_fields, so whole customers come back; only id (and the group, to check the filter held) is read.
 */
export async function readCustomerIds(transport: Transport, groupId: number): Promise<StoreRead<number[]>> {
  const counter: RequestCounter = { requests: 0 };
  const ids = await readAllV3Pages(
    transport,
    '/v3/customers',
    `customer_group_id:in=${groupId}`,
    (raw, where) => parseMember(raw, where, groupId),
    (id) => id,
    counter,
    READ_HINT,
  );
  return { value: [...new Set(ids)].sort((a, b) => a - b), requests: counter.requests };
}

function parseMember(raw: unknown, where: string, groupId: number): number {
  const customer = expectRecord(raw, where);
  const id = parseRecordId(customer.id, `${where}.id`);
  // A server that ignored the filter would have us move customers of other groups.
  if (customer.customer_group_id !== undefined) {
    const group = parseGroupRef(customer.customer_group_id, `${where}.customer_group_id`);
    if (group !== groupId)
      throw new AnswerProblem(`${where}.customer_group_id is ${group}, but only group ${groupId} was asked for`);
  }
  return id;
}

export interface MoveBatch {
  customerIds: number[];
  /** moved: the answer confirms every customer in the group; unconfirmed: a 2xx that does not say so
   *  (read the group's members again to know); failed: refused or unreachable, nothing known to be saved. */
  outcome: 'moved' | 'unconfirmed' | 'failed';
  status?: number;
  error?: string;
}

export interface MoveOptions {
  /** Customers per request, 1 to 10 (default 10). */
  batchSize?: number;
  /** Requests in flight, 1 to 3 (default 3). */
  concurrency?: number;
  /** Called as each batch ends, with how many batches have ended of how many. */
  onBatch?: (batch: MoveBatch, progress: { done: number; total: number }) => void;
}

/** Moves these customers into the group; one result per batch, in batch order. */
export async function moveCustomers(
  transport: Transport,
  customerIds: readonly number[],
  groupId: number,
  options: MoveOptions = {},
): Promise<StoreRead<MoveBatch[]>> {
  const batchSize = checkBound(options.batchSize ?? MAX_MOVE_BATCH, MAX_MOVE_BATCH, 'batchSize');
  const concurrency = checkBound(options.concurrency ?? MAX_MOVE_CONCURRENCY, MAX_MOVE_CONCURRENCY, 'concurrency');
  const unique = [...new Set(customerIds)];
  const batches = Array.from({ length: Math.ceil(unique.length / batchSize) }, (_, index) =>
    unique.slice(index * batchSize, (index + 1) * batchSize),
  );
  const counter: RequestCounter = { requests: 0 };
  const limit = pLimit(concurrency);
  let done = 0;
  const results = await Promise.all(
    batches.map((batch) =>
      limit(async () => {
        const result = await moveBatch(transport, batch, groupId, counter);
        done += 1;
        options.onBatch?.(result, { done, total: batches.length });
        return result;
      }),
    ),
  );
  return { value: results, requests: counter.requests };
}

async function moveBatch(
  transport: Transport,
  customerIds: number[],
  groupId: number,
  counter: RequestCounter,
): Promise<MoveBatch> {
  const path = '/v3/customers';
  const body = customerIds.map((id) => ({ id, customer_group_id: groupId }));
  let answer: Awaited<ReturnType<Transport['send']>>;
  try {
    answer = await transport.send('PUT', path, { body });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    counter.requests += 1;
    const explained = error.status === 403 ? explainMissingScope(error, WRITE_HINT) : error;
    return {
      customerIds,
      outcome: 'failed',
      ...(explained.status === undefined ? {} : { status: explained.status }),
      error: withoutEmails(explained.status === 403 ? explained.message : (explained.apiMessage ?? explained.message)),
    };
  }
  counter.requests += answer.attempts;
  try {
    const confirmed = transport.parseAnswer('PUT', path, answer, (raw) => readConfirmed(raw, groupId));
    const missing = customerIds.filter((id) => !confirmed.has(id));
    if (missing.length === 0) return { customerIds, outcome: 'moved', status: answer.status };
    return {
      customerIds,
      outcome: 'unconfirmed',
      status: answer.status,
      error: `the answer does not show ${missing.length} of ${customerIds.length} customers in group ${groupId}`,
    };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { customerIds, outcome: 'unconfirmed', status: answer.status, error: withoutEmails(error.message) };
  }
}

/** The ids the answer shows in the group. */
function readConfirmed(raw: unknown, groupId: number): Set<number> {
  const data = expectRecord(raw, 'body').data;
  if (!Array.isArray(data)) throw new AnswerProblem(`data is ${quoteNumber(data)}, expected an array of customers`);
  const confirmed = new Set<number>();
  data.forEach((entry, index) => {
    const customer = expectRecord(entry, `data[${index}]`);
    const id = parseRecordId(customer.id, `data[${index}].id`);
    if (parseGroupRef(customer.customer_group_id, `data[${index}].customer_group_id`) === groupId) confirmed.add(id);
  });
  return confirmed;
}

function checkBound(value: number, max: number, name: string): number {
  if (Number.isInteger(value) && value >= 1 && value <= max) return value;
  throw new BcgroupsError(`${name} must be a whole number from 1 to ${max} (the API's limit), got ${value}.`);
}
