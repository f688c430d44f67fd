// The client's reads of what names a group and its customer moves, against the sandbox over HTTP: paged
// promotions, whole tax zones, members by id only, moves in batches of at most 10 with at most 3 at once,
// a 403 that names the missing scope, and no customer's email anywhere in what comes back.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiError } from '../../src/errors.js';
import { createClient } from '../../src/bigcommerce/index.js';
import { answerJson, catchError, withLocalServer } from '../support/local-server.js';
import { REFERENCE_STORE } from '../support/references.js';
import { clientFor, seededRandom, withSandbox } from '../support/sandbox.js';

const manyPromotions = Array.from({ length: 260 }, (_, i) => ({
  name: `Promotion ${i + 1}`,
  ...(i % 2 === 0 ? { group_ids: [1, 0] } : { excluded_group_ids: [2] }),
}));

test('promotions are read page by page, with both group lists', () =>
  withSandbox({ ...REFERENCE_STORE, promotions: manyPromotions }, async (sandbox) => {
    const { value, requests } = await clientFor(sandbox).store.readPromotions();
    assert.is(value.length, 260);
    assert.equal(value[0], {
      id: 1,
      name: 'Promotion 1',
      status: 'ENABLED',
      group_ids: [1, 0],
      excluded_group_ids: [],
    });
    assert.equal(value[1]?.excluded_group_ids, [2]);
    assert.is(requests, 2);
    assert.is(sandbox.counters.endpoints['GET /v3/promotions'], 2);
  }));

test('tax zones are read in one request, with their target groups', () =>
  withSandbox(REFERENCE_STORE, async (sandbox) => {
    const { value, requests } = await clientFor(sandbox).store.readTaxZones();
    assert.equal(value, [
      { id: 1, name: 'Trade zone', enabled: true, customer_group_ids: [2] },
      { id: 2, name: 'All shoppers', enabled: true, customer_group_ids: [] },
    ]);
    assert.is(requests, 1);
  }));

test('a 403 names the scope each source needs', () =>
  withSandbox({ ...REFERENCE_STORE, scopes: ['store_v2_customers_read_only'] }, async (sandbox) => {
    const client = clientFor(sandbox);
    const promotions = await catchError(client.store.readPromotions());
    assert.instance(promotions, ApiError);
    assert.is((promotions as ApiError).status, 403);
    assert.match(String(promotions), /store_v2_marketing_read_only/);
    assert.match(String(await catchError(client.store.readTaxZones())), /store_v2_information_read_only/);
    const [batch] = (await client.moveCustomers([1], 1)).value;
    assert.equal([batch?.outcome, batch?.status], ['failed', 403]);
    assert.match(batch?.error ?? '', /store_v2_customers\b/);
  }));

test('the members of a group are read by id only, every page', () =>
  withSandbox(
    {
      seed: [{ name: 'A' }, { name: 'B' }],
      customers: Array.from({ length: 300 }, (_, i) => ({ customer_group_id: i % 10 === 0 ? 2 : 1 })),
    },
    async (sandbox) => {
      const { value, requests } = await clientFor(sandbox).store.readCustomerIds(1);
      assert.is(value.length, 270);
      assert.ok(value.every((id) => id % 10 !== 1));
      assert.is(requests, 2);
      assert.ok(sandbox.log.every((e) => /customer_group_id:in=1&limit=250&page=[12]$/.test(e.path)));
    },
  ));

test('23 customers move in batches of at most 10, at most 3 requests at once', () =>
  withSandbox({ ...REFERENCE_STORE, customers: merging(23), latencyMs: 20 }, async (sandbox) => {
    const client = clientFor(sandbox);
    const ids = (await client.store.readCustomerIds(2)).value;
    const seen: string[] = [];
    const { value, requests } = await client.moveCustomers(ids, 3, {
      onBatch: (batch, { done, total }) => seen.push(`${batch.customerIds.length} ${done}/${total}`),
    });
    assert.equal(
      value.map((b) => [b.customerIds.length, b.outcome]),
      [
        [10, 'moved'],
        [10, 'moved'],
        [3, 'moved'],
      ],
    );
    assert.is(requests, 3);
    assert.is(seen.length, 3);
    assert.ok((sandbox.counters.maxInFlightByEndpoint['PUT /v3/customers'] ?? 0) <= 3);
    assert.ok(sandbox.catalog.customers.every((c) => c.customer_group_id === 3));
    const bodies = sandbox.log.filter((e) => e.method === 'PUT').map((e) => e.body as unknown[]);
    assert.ok(bodies.every((body) => body.length <= 10));
    assert.equal(bodies[0]?.[0], { id: 1, customer_group_id: 3 });
  }));

test('a fault in the middle fails only its batches; reading and moving again converges', () =>
  withSandbox(
    { ...REFERENCE_STORE, customers: merging(23), faultRate: 0.5, faultMethods: ['PUT'], random: seededRandom(3) },
    async (sandbox) => {
      const client = clientFor(sandbox, { retries: 0 });
      const first = (await client.moveCustomers((await client.store.readCustomerIds(2)).value, 3)).value;
      const failed = first.filter((b) => b.outcome === 'failed');
      assert.ok(failed.length > 0 && failed.length < first.length, `${failed.length} of ${first.length} failed`);
      assert.ok(failed.every((b) => b.status === 500));
      sandbox.setOptions({ faultRate: 0 });
      const left = (await client.store.readCustomerIds(2)).value;
      assert.is(
        left.length,
        failed.reduce((sum, b) => sum + b.customerIds.length, 0),
      );
      const second = (await client.moveCustomers(left, 3)).value;
      assert.ok(second.every((b) => b.outcome === 'moved'));
      assert.equal((await client.store.readCustomerIds(2)).value, []);
      assert.is((await client.store.readCustomerIds(3)).value.length, 23);
    },
  ));

test('no email of a customer appears in results, refusals or bad answers', () =>
  withSandbox({ ...REFERENCE_STORE, customers: merging(12) }, async (sandbox) => {
    const client = clientFor(sandbox);
    const read = await client.store.readCustomerIds(2);
    const moved = await client.moveCustomers([...read.value, 999], 3);
    const text = JSON.stringify([read, moved]);
    assert.not.match(text, /@/);
    assert.ok(moved.value.some((b) => b.outcome === 'failed' && b.status === 422));
    assert.match(String(await catchError(client.moveCustomers([1], 3, { batchSize: 11 }))), /batchSize/);
    assert.match(String(await catchError(client.moveCustomers([1], 3, { concurrency: 4 }))), /concurrency/);
  }));

test('a hostile answer holding an email is refused without quoting it', () =>
  withLocalServer(
    (request, response) =>
      answerJson(response, 200, {
        data: request.method === 'PUT' ? [{ id: 'jane@example.com' }] : ['jane@example.com'],
        meta: { pagination: { total: 1, count: 1, per_page: 250, current_page: 1, total_pages: 1 } },
      }),
    async (server) => {
      const client = createClient({ apiUrl: server.origin, storeHash: 'abc', token: 'token', retryBaseMs: 1 });
      const read = String(await catchError(client.store.readCustomerIds(2)));
      assert.match(read, /data\[0\] is a string, expected an object/);
      const moved = JSON.stringify(await client.moveCustomers([1], 2));
      assert.match(moved, /unconfirmed/);
      assert.not.match(`${read}${moved}`, /jane|@/);
    },
  ));

/** Customers of Wholesale (group 2), each with an email and a name the client must never show. */
function merging(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    customer_group_id: 2,
    email: `member${i + 1}@example.com`,
    first_name: 'Secret',
  }));
}

test.run();
