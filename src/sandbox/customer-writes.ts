// PUT /v3/customers with the spec's limits: an array of at most 10 customers (413 above it), at most 3
// such requests in flight (429 beyond), each item with its id. The sandbox models a customer's group only,
// so an item may carry id and customer_group_id; the whole request is checked before anything is saved.
import type { RouteAnswer } from './routes.js';
import type { ServerState } from './state.js';
import { v3Fail, type V3Request } from './v3-routes.js';

/** From the spec's PUT /customers: "Limit of 10 customers per call", "Limit of 3 concurrent requests". */
export const MAX_CUSTOMERS_PER_PUT = 10;
export const MAX_CONCURRENT_CUSTOMER_PUTS = 3;
const ENDPOINT = 'PUT /v3/customers';
const FIELDS = ['id', 'customer_group_id'];

export function routeCustomerWrites(
  { method, path, body }: V3Request & { body?: unknown },
  state: ServerState,
): RouteAnswer | undefined {
  if (path !== '/customers' || method !== 'PUT') return undefined;
  if ((state.inFlightByEndpoint.get(ENDPOINT) ?? 0) > MAX_CONCURRENT_CUSTOMER_PUTS)
    return v3Fail(429, `At most ${MAX_CONCURRENT_CUSTOMER_PUTS} requests to update customers may run at once.`);
  if (!Array.isArray(body) || body.length === 0)
    return v3Fail(422, 'The request body must be a non-empty array of customers.');
  if (body.length > MAX_CUSTOMERS_PER_PUT)
    return v3Fail(
      413,
      `The request payload is too large. The maximum number of items allowed in the array is ${MAX_CUSTOMERS_PER_PUT}.`,
    );
  const errors: Record<string, string> = {};
  const byId = new Map(state.catalog.customers.map((customer) => [customer.id, customer]));
  body.forEach((item: unknown, index) => {
    const at = `[${index}]`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors[at] = 'must be an object';
      return;
    }
    const fields = item as Record<string, unknown>;
    for (const key of Object.keys(fields))
      if (!FIELDS.includes(key)) errors[`${at}.${key}`] = 'the sandbox updates only id and customer_group_id';
    if (!(typeof fields.id === 'number' && byId.has(fields.id))) errors[`${at}.id`] = 'must be the id of a customer';
    const group = fields.customer_group_id;
    if (group !== undefined && !(group === 0 || (typeof group === 'number' && state.store.get(group))))
      errors[`${at}.customer_group_id`] = 'must be 0 (no group) or the id of a customer group';
  });
  if (Object.keys(errors).length > 0) return v3Fail(422, 'The Customer was not valid.', errors);
  const updated = (body as Array<{ id: number; customer_group_id?: number }>).map((item) => {
    const customer = byId.get(item.id) as NonNullable<ReturnType<typeof byId.get>>;
    if (item.customer_group_id !== undefined) customer.customer_group_id = item.customer_group_id;
    return customer;
  });
  return { status: 200, body: { data: structuredClone(updated), meta: {} } };
}
