// The plan's closing lines: the read count said once with its total, and retries only when there were some.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { describeReadRequests } from '../../src/render/audience.js';
import { describeReadTrouble, describeRequests } from '../../src/render/requests.js';

const stats = (retries: number, rateLimited: number) => ({
  requests: { GET: 1, POST: 0, PUT: 0, DELETE: 0 },
  retries,
  rateLimited,
  waitedMs: 1200.4,
  waitingUntil: 0,
  bytesSent: 0,
});

test('the read requests line gives the total before the kinds', () => {
  const reads = { requests: { groups: 1, categories: 1, products: 0, price_lists: 1, customers: 2 }, unchecked: [] };
  assert.is(
    describeReadRequests({ reads }),
    'Read requests: 5 (1 for groups, 1 for categories, 0 for products, 1 for price lists, 2 for customer counts).',
  );
  assert.is(describeReadRequests({}), '');
});

test('retries and waits get a line of their own, and nothing when there were none', () => {
  assert.is(describeReadTrouble(stats(0, 0)), '');
  assert.is(describeReadTrouble(stats(2, 1)), 'Of these requests: 2 retried, 1 rate-limited (waited 1200 ms).');
  assert.is(describeRequests(stats(0, 0)), '1 API request (1 GET)');
});

test.run();
