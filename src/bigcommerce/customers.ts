// How many customers each group holds: one request per group (limit=1, meta.pagination.total),
// several at once but bounded, paced within the quota by the transport like every other request.
import pLimit from 'p-limit';
import type { Transport } from './http.js';
import { expectObject } from './parse.js';
import { readV3Page, type RequestCounter, type StoreRead } from './v3.js';

export const CUSTOMERS_SCOPE_HINT =
  'The API account lacks the customers read-only scope (store_v2_customers_read_only), ' +
  'which counting the customers of each group needs: add it to the account, ' +
  'or skip the counts with --no-customers.';

/** Well below the API's cap of concurrent requests, so counts never crowd out the other reads. */
export const DEFAULT_COUNT_CONCURRENCY = 8;

/** The number of customers in each of these groups, keyed by group id. */
export async function countCustomers(
  transport: Transport,
  groupIds: readonly number[],
  concurrency = DEFAULT_COUNT_CONCURRENCY,
): Promise<StoreRead<Map<number, number>>> {
  const counter: RequestCounter = { requests: 0 };
  const limit = pLimit(Math.max(1, concurrency));
  const unique = [...new Set(groupIds)];
  const totals = await Promise.all(
    unique.map((id) =>
      limit(async () => {
        const page = await readV3Page(
          transport,
          `/v3/customers?customer_group_id:in=${id}&limit=1`,
          (item, where) => expectObject(item, where),
          counter,
          CUSTOMERS_SCOPE_HINT,
        );
        // A total of 0 beside a customer in data is wrong somewhere; the larger never lets a delete through unseen.
        return [id, Math.max(page.pagination.total, page.items.length)] as const;
      }),
    ),
  );
  return { value: new Map(totals), requests: counter.requests };
}
