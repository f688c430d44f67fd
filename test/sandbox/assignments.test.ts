// Price list assignments in the sandbox, over HTTP, as the price lists spec documents them.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Sandbox, SandboxOptions } from '../../src/sandbox/index.js';
import { callSandbox, getV3, withSandbox } from '../support/sandbox.js';

const STORE: SandboxOptions = {
  scopes: ['store_v2_customers', 'store_v2_products', 'store_channel_settings'],
  seed: [
    { id: 1, name: 'Retail' },
    { id: 2, name: 'Wholesale' },
    { id: 3, name: 'Trade' },
    { id: 4, name: 'Discounted', discount_rules: [{ type: 'all', method: 'percent', amount: 5 }] },
  ],
  catalog: {
    price_lists: [
      { id: 7, name: 'Trade 2026' },
      { id: 8, name: 'EU' },
    ],
  },
  channels: [{ id: 2, name: 'EU Store' }],
  assignments: [
    { price_list_id: 7, customer_group_id: 1, channel_id: 1 },
    { price_list_id: 8, customer_group_id: 1, channel_id: 2 },
    { price_list_id: 7, customer_group_id: 2 },
    { price_list_id: 8, customer_group_id: 0, channel_id: 2 },
  ],
};

const v3 = (sandbox: Sandbox, method: string, path: string, body?: unknown) =>
  callSandbox(sandbox, method, path, body, {}, 'v3');
const ids = (answer: { body: unknown }) => (answer.body as { data: Array<{ id: number }> }).data.map((row) => row.id);

test('GET lists rows by id with filters (:in forms too) and pages; a channel-less row has no channel_id', () =>
  withSandbox(STORE, async (sandbox) => {
    const all = await getV3(sandbox, '/pricelists/assignments');
    assert.equal((all.body as { data: unknown[] }).data, [
      { id: 1, price_list_id: 7, customer_group_id: 1, channel_id: 1 },
      { id: 2, price_list_id: 8, customer_group_id: 1, channel_id: 2 },
      { id: 3, price_list_id: 7, customer_group_id: 2 },
      { id: 4, price_list_id: 8, customer_group_id: 0, channel_id: 2 },
    ]);
    assert.equal(ids(await getV3(sandbox, '/pricelists/assignments?customer_group_id:in=2,0')), [3, 4]);
    assert.equal(ids(await getV3(sandbox, '/pricelists/assignments?channel_id:in=2')), [2, 4]);
    assert.equal(ids(await getV3(sandbox, '/pricelists/assignments?price_list_id=7&customer_group_id=1')), [1]);
    const paged = await getV3(sandbox, '/pricelists/assignments?limit=3&page=2');
    assert.equal(ids(paged), [4]);
    assert.is((paged.body as { meta: { pagination: { total_pages: number } } }).meta.pagination.total_pages, 2);
    assert.is((await getV3(sandbox, '/pricelists/assignments?customer_group_id:in=a')).status, 422);
  }));

test('POST saves a batch of up to 25 and answers 200 without a body; 26 rows are refused whole', () =>
  withSandbox(STORE, async (sandbox) => {
    const saved = await v3(sandbox, 'POST', '/pricelists/assignments', [
      { price_list_id: 8, customer_group_id: 3, channel_id: 1 },
      { price_list_id: 7, customer_group_id: 0, channel_id: 1 },
    ]);
    assert.is(saved.status, 200);
    assert.is(saved.body, undefined);
    assert.equal(
      sandbox.channels.assignments().map((row) => row.id),
      [1, 2, 3, 4, 5, 6],
    );
    const rows = Array.from({ length: 26 }, () => ({ price_list_id: 7, customer_group_id: 3, channel_id: 2 }));
    const tooMany = await v3(sandbox, 'POST', '/pricelists/assignments', rows);
    assert.is(tooMany.status, 422);
    assert.is((tooMany.body as { meta: { saved_records: number } }).meta.saved_records, 0);
    assert.is(sandbox.channels.assignments().length, 6);
  }));

const MIXED_BATCH = [
  { price_list_id: 8, customer_group_id: 3, channel_id: 1 },
  { price_list_id: 7, customer_group_id: 4, channel_id: 1 },
  { price_list_id: 9, customer_group_id: 3, channel_id: 2 },
  { price_list_id: 8, customer_group_id: 1, channel_id: 1 },
  { price_list_id: 8, customer_group_id: 3, channel_id: 5 },
];

test('a 422 names each bad row and, by default, saves none of the batch', () =>
  withSandbox(STORE, async (sandbox) => {
    const answer = await v3(sandbox, 'POST', '/pricelists/assignments', MIXED_BATCH);
    assert.is(answer.status, 422);
    const body = answer.body as { errors: Record<string, string>; meta: { saved_records: number } };
    assert.equal(Object.keys(body.errors), ['1', '2', '3', '4']);
    assert.match(body.errors['1']!, 'You must delete the customer group discounts first');
    assert.is(body.meta.saved_records, 0);
    assert.is(sandbox.channels.assignments().length, 4);
  }));

test('with assignmentBatchErrors: partial, the good rows are saved and counted in meta.saved_records', () =>
  withSandbox({ ...STORE, assignmentBatchErrors: 'partial' }, async (sandbox) => {
    const answer = await v3(sandbox, 'POST', '/pricelists/assignments', MIXED_BATCH);
    assert.is(answer.status, 422);
    assert.is((answer.body as { meta: { saved_records: number } }).meta.saved_records, 1);
    assert.ok(sandbox.channels.findPair(3, 1));
  }));

test('PUT upserts the (group, channel) pair: an existing pair keeps its id and moves to the new list', () =>
  withSandbox(STORE, async (sandbox) => {
    const moved = await v3(sandbox, 'PUT', '/pricelists/8/assignments', { customer_group_id: 1, channel_id: 1 });
    assert.is(moved.status, 200);
    assert.equal((moved.body as { data: unknown }).data, {
      id: 1,
      price_list_id: 8,
      customer_group_id: 1,
      channel_id: 1,
    });
    const created = await v3(sandbox, 'PUT', '/pricelists/7/assignments', { customer_group_id: 3, channel_id: 2 });
    assert.is((created.body as { data: { id: number } }).data.id, 5);
    assert.is(sandbox.channels.assignments().length, 5);
    const unknownChannel = await v3(sandbox, 'PUT', '/pricelists/7/assignments', {
      customer_group_id: 3,
      channel_id: 9,
    });
    assert.is(unknownChannel.status, 404);
    assert.is(
      (await v3(sandbox, 'PUT', '/pricelists/7/assignments', { customer_group_id: 9, channel_id: 1 })).status,
      404,
    );
    assert.is((await v3(sandbox, 'PUT', '/pricelists/7/assignments', { customer_group_id: 3 })).status, 422);
    assert.is(
      (await v3(sandbox, 'PUT', '/pricelists/7/assignments', { customer_group_id: 4, channel_id: 1 })).status,
      422,
    );
  }));

test('at most 25 upserts are in flight at once; the others are answered 429, as the spec warns', () =>
  withSandbox({ ...STORE, latencyMs: 100 }, async (sandbox) => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        v3(sandbox, 'PUT', '/pricelists/8/assignments', { customer_group_id: 3, channel_id: 1 }),
      ),
    );
    assert.equal(answers.filter((answer) => answer.status === 429).length, 5);
    assert.is(sandbox.counters.upsertsInFlight, 0);
  }));

test('DELETE needs a filter and removes every row the filter matches, not just one', () =>
  withSandbox(STORE, async (sandbox) => {
    assert.is((await v3(sandbox, 'DELETE', '/pricelists/assignments')).status, 422);
    assert.is((await v3(sandbox, 'DELETE', '/pricelists/assignments?customer_group_id:in=1')).status, 422);
    const byGroup = await v3(sandbox, 'DELETE', '/pricelists/assignments?customer_group_id=1');
    assert.is(byGroup.status, 204);
    assert.equal(
      sandbox.channels.assignments().map((row) => row.id),
      [3, 4],
    );
    assert.is((await v3(sandbox, 'DELETE', '/pricelists/assignments?id=4')).status, 204);
    assert.equal(
      sandbox.channels.assignments().map((row) => row.id),
      [3],
    );
  }));

test('deleting a V2 group removes its assignments; assignments need a products scope', () =>
  withSandbox(STORE, async (sandbox) => {
    assert.is((await callSandbox(sandbox, 'DELETE', '/customer_groups/1')).status, 204);
    assert.equal(
      sandbox.channels.assignments().map((row) => row.id),
      [3, 4],
    );
    sandbox.setOptions({ scopes: ['store_v2_customers', 'store_v2_products_read_only'] });
    assert.is((await getV3(sandbox, '/pricelists/assignments')).status, 200);
    assert.is((await v3(sandbox, 'DELETE', '/pricelists/assignments?id=3')).status, 403);
  }));

test.run();
