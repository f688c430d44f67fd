// The client's price list assignment endpoints, over real HTTP against the sandbox.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  addAssignments,
  deleteAssignment,
  readAssignments,
  upsertAssignment,
} from '../../src/bigcommerce/assignments.js';
import type { SandboxOptions } from '../../src/sandbox/index.js';
import { withSandbox } from '../support/sandbox.js';
import { STOREFRONT_SCOPES, transportFor } from '../support/storefronts.js';

const GROUPS = Array.from({ length: 400 }, (_, i) => ({ id: i + 1, name: `Group ${i + 1}` }));

const STORE: SandboxOptions = {
  scopes: STOREFRONT_SCOPES,
  seed: [...GROUPS, { id: 500, name: 'Discounted', discount_rules: [{ type: 'all', method: 'percent', amount: 5 }] }],
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
    { price_list_id: 7, customer_group_id: 399 },
    { price_list_id: 8, customer_group_id: 0, channel_id: 2 },
    { price_list_id: 8, customer_group_id: 3, channel_id: 1 },
  ],
};

test('readAssignments reads the rows of the groups asked for, in URL-bounded batches of customer_group_id:in', () =>
  withSandbox(STORE, async (sandbox) => {
    const { value, requests } = await readAssignments(
      transportFor(sandbox),
      GROUPS.map((group) => group.id),
    );
    assert.equal(value, [
      { id: 1, price_list_id: 7, customer_group_id: 1, channel_id: 1 },
      { id: 2, price_list_id: 8, customer_group_id: 1, channel_id: 2 },
      { id: 3, price_list_id: 7, customer_group_id: 399, channel_id: null },
      { id: 5, price_list_id: 8, customer_group_id: 3, channel_id: 1 },
    ]);
    const gets = sandbox.log.filter((entry) => entry.method === 'GET');
    assert.ok(gets.length > 1, 'several batches');
    assert.is(requests, gets.length);
    for (const entry of gets) {
      assert.ok(entry.path.includes('customer_group_id:in='));
      assert.ok(`${sandbox.apiUrl}${entry.path}`.length < 1_500, `${entry.path.length} characters`);
    }
    const defaults = await readAssignments(transportFor(sandbox), [0]);
    assert.equal(
      defaults.value.map((row) => row.id),
      [4],
    );
  }));

test('addAssignments posts at most 25 rows a request and reports every row saved', () =>
  withSandbox(STORE, async (sandbox) => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ price_list_id: 8, customer_group_id: 10 + i, channel_id: 2 }));
    const results = await addAssignments(transportFor(sandbox), rows);
    assert.is(results.length, 30);
    assert.ok(results.every((result) => result.status === 'saved'));
    const posts = sandbox.log.filter((entry) => entry.method === 'POST');
    assert.equal(
      posts.map((entry) => (entry.body as unknown[]).length),
      [25, 5],
    );
    assert.is(sandbox.channels.assignments().length, 35);
  }));

const MIXED = [
  { price_list_id: 7, customer_group_id: 20, channel_id: 2 },
  { price_list_id: 7, customer_group_id: 500, channel_id: 1 },
  { price_list_id: 7, customer_group_id: 21, channel_id: null },
];

for (const mode of ['none-saved', 'partial'] as const) {
  test(`on a 422 (${mode}) the batch is read back and each row says whether it was saved`, () =>
    withSandbox({ ...STORE, assignmentBatchErrors: mode }, async (sandbox) => {
      const results = await addAssignments(transportFor(sandbox), MIXED);
      assert.equal(
        results.map((result) => result.status),
        mode === 'partial' ? ['saved', 'failed', 'saved'] : ['failed', 'failed', 'failed'],
      );
      const failed = results[1];
      assert.ok(failed?.status === 'failed' && failed.message.includes('delete the customer group discounts'));
      if (mode === 'partial') assert.ok(results[0]?.status === 'saved' && results[0].id === 6);
      assert.ok(sandbox.counters.endpoints['GET /v3/pricelists/assignments']! >= 1, 'read back');
    }));
}

test('a POST that saves and then answers 500 is read back, never sent again', () =>
  withSandbox({ ...STORE, ambiguousCreateRate: 1 }, async (sandbox) => {
    const results = await addAssignments(transportFor(sandbox), [MIXED[0]!]);
    assert.equal(results, [{ row: MIXED[0], status: 'saved', id: 6 }]);
    assert.is(sandbox.counters.endpoints['POST /v3/pricelists/assignments'], 1);
  }));

test('upsertAssignment moves a (group, channel) pair to another list in one PUT', () =>
  withSandbox(STORE, async (sandbox) => {
    const moved = await upsertAssignment(transportFor(sandbox), {
      price_list_id: 8,
      customer_group_id: 1,
      channel_id: 1,
    });
    assert.equal(moved, { id: 1, price_list_id: 8, customer_group_id: 1, channel_id: 1 });
    const failure = await upsertAssignment(transportFor(sandbox), {
      price_list_id: 8,
      customer_group_id: 1,
      channel_id: 9,
    }).catch((error: Error) => error.message);
    assert.match(String(failure), '404');
  }));

test('deleteAssignment deletes that one row by id, and leaves the group its other rows', () =>
  withSandbox(STORE, async (sandbox) => {
    await deleteAssignment(transportFor(sandbox), 2);
    assert.equal(
      sandbox.channels.assignments().map((row) => row.id),
      [1, 3, 4, 5],
    );
    assert.equal(
      sandbox.log.map((entry) => `${entry.method} ${entry.path.replace(/^.*\/v3/, '')}`),
      ['DELETE /pricelists/assignments?id=2'],
    );
    const refused = await deleteAssignment(transportFor(sandbox), 0).catch((error: Error) => error);
    assert.instance(refused, RangeError);
    assert.is(sandbox.log.length, 1);
  }));

test('a 403 on assignments names the products scopes', () =>
  withSandbox({ ...STORE, scopes: ['store_v2_customers'] }, async (sandbox) => {
    const read = await readAssignments(transportFor(sandbox), [1]).catch((error: Error) => error.message);
    assert.match(String(read), 'store_v2_products_read_only');
    sandbox.setOptions({ scopes: ['store_v2_products_read_only'] });
    const write = await deleteAssignment(transportFor(sandbox), 1).catch((error: Error) => error.message);
    assert.match(String(write), 'store_v2_products, modify');
  }));

test.run();
