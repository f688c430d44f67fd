// Promotions, tax zones and customer moves in the sandbox: what names a group, read as the specs answer,
// a missing scope as a 403 per path, and PUT /v3/customers with its documented limits.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findStoreSeedProblems } from '../../src/sandbox/index.js';
import { REFERENCE_STORE } from '../support/references.js';
import { callSandbox, getV3, withSandbox } from '../support/sandbox.js';

type Page = { data: Array<Record<string, unknown>>; meta: Record<string, unknown> };

const putCustomers = (sandbox: Parameters<typeof callSandbox>[0], body: unknown) =>
  callSandbox(sandbox, 'PUT', '/customers', body, {}, 'v3');

test('promotions page by id with their customer conditions, and count as reads of their endpoint', () =>
  withSandbox(REFERENCE_STORE, async (sandbox) => {
    const first = (await getV3(sandbox, '/promotions?limit=2')).body as Page;
    assert.equal(
      first.data.map((p) => [p.id, p.name, p.redemption_type, p.customer]),
      [
        [1, 'VIP only', 'AUTOMATIC', { group_ids: [3], excluded_group_ids: [], minimum_order_count: 0 }],
        [7, 'Not for wholesale', 'COUPON', { group_ids: [], excluded_group_ids: [2], minimum_order_count: 0 }],
      ],
    );
    assert.equal((first.meta.pagination as Record<string, unknown>).total_pages, 2);
    const second = (await getV3(sandbox, '/promotions?limit=2&page=2')).body as Page;
    assert.equal(
      second.data.map((p) => [p.id, p.status]),
      [[8, 'DISABLED']],
    );
    assert.is((await getV3(sandbox, '/promotions?limit=251')).status, 422);
    assert.is(((await getV3(sandbox, '/promotions?status=ENABLED')).body as Page).data.length, 2);
    assert.is(sandbox.counters.endpoints['GET /v3/promotions'], 4);
    assert.is(sandbox.counters.endpoints['GET /v3/tax/zones'], undefined);
  }));

test('tax zones come all at once, with an empty meta, and filter by id:in', () =>
  withSandbox(REFERENCE_STORE, async (sandbox) => {
    const all = (await getV3(sandbox, '/tax/zones')).body as Page;
    assert.equal(all.meta, {});
    assert.equal(
      all.data.map((z) => [z.id, (z.shopper_target_settings as { customer_groups: number[] }).customer_groups]),
      [
        [1, [2]],
        [2, []],
      ],
    );
    assert.equal(((await getV3(sandbox, '/tax/zones?id:in=2')).body as Page).data.length, 1);
    assert.is((await getV3(sandbox, '/tax/zones?id:in=x')).status, 422);
    const remove = () => callSandbox(sandbox, 'DELETE', '/tax/zones?id:in=1', undefined, {}, 'v3');
    assert.is((await remove()).status, 403, 'a write needs the modify scope');
    sandbox.setOptions({ scopes: ['store_v2_information'] });
    assert.is((await remove()).status, 405, 'the sandbox only reads tax zones');
  }));

test('a missing scope is a 403 on its paths only: marketing for promotions, information for tax zones', () =>
  withSandbox(
    { ...REFERENCE_STORE, scopes: ['store_v2_customers', 'store_v2_information_read_only'] },
    async (sandbox) => {
      assert.is((await getV3(sandbox, '/promotions')).status, 403);
      assert.is((await getV3(sandbox, '/tax/zones')).status, 200);
      sandbox.setOptions({ scopes: ['store_v2_customers_read_only', 'store_v2_marketing'] });
      assert.is((await getV3(sandbox, '/promotions')).status, 200);
      assert.is((await getV3(sandbox, '/tax/zones')).status, 403);
      assert.is((await putCustomers(sandbox, [{ id: 1, customer_group_id: 1 }])).status, 403, 'a write needs modify');
    },
  ));

test('seeds: one list per promotion, group ids of the seed or 0, no unknown fields', () => {
  const groups = [{ name: 'A' }];
  assert.equal(findStoreSeedProblems({ groups, promotions: [{ name: 'P', group_ids: [0, 1] }] }), []);
  assert.equal(
    findStoreSeedProblems({
      groups,
      promotions: [
        { name: 'P', group_ids: [1], excluded_group_ids: [1] },
        { name: 'Q', group_ids: [5] },
      ],
      tax_zones: [{ name: 'Z', customer_groups: [-1] }, { id: 1, name: '' }, { colour: 'red' } as never],
    }),
    [
      'promotion 1: group_ids and excluded_group_ids are both filled; the spec allows one of them',
      'promotion 2: group_ids: 5 is no group of the seed',
      'tax zone 1: customer_groups: -1 is not 0 (no group) or a group id',
      'tax zone 2: id 1 is used twice',
      'tax zone 2: name must be a non-empty string',
      "tax zone 3: unknown field 'colour' (allowed: id, name, enabled, customer_groups)",
      'tax zone 3: name must be a non-empty string',
    ],
  );
});

test('PUT /v3/customers moves up to 10 customers; 11 is a 413 and nothing moves', () =>
  withSandbox(REFERENCE_STORE, async (sandbox) => {
    const move = (ids: number[]) => ids.map((id) => ({ id, customer_group_id: 3 }));
    const tooMany = await putCustomers(sandbox, move([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    assert.is(tooMany.status, 413);
    assert.match(JSON.stringify(tooMany.body), /maximum number of items allowed in the array is 10/);
    const moved = await putCustomers(sandbox, move([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    assert.is(moved.status, 200);
    assert.equal(
      sandbox.catalog.customers.map((c) => c.customer_group_id),
      [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 1],
    );
    const ids = (await getV3(sandbox, '/customers?customer_group_id:in=2')).body as Page;
    assert.equal(
      ids.data.map((c) => c.id),
      [11, 12],
    );
  }));

test('PUT /v3/customers refuses a whole request with an unknown customer, group or field (422)', () =>
  withSandbox(REFERENCE_STORE, async (sandbox) => {
    for (const body of [
      [
        { id: 1, customer_group_id: 3 },
        { id: 99, customer_group_id: 3 },
      ],
      [{ id: 1, customer_group_id: 42 }],
      [{ id: 1, customer_group_id: 3, email: 'x@example.com' }],
      [{ customer_group_id: 3 }],
      [],
      { id: 1 },
    ]) {
      assert.is((await putCustomers(sandbox, body)).status, 422, JSON.stringify(body));
    }
    assert.is(sandbox.catalog.customers[0]?.customer_group_id, 2);
    assert.is((await putCustomers(sandbox, [{ id: 13, customer_group_id: 0 }])).status, 200);
  }));

test('at most 3 customer updates run at once; the 4th in flight is a 429', () =>
  withSandbox({ ...REFERENCE_STORE, latencyMs: 60 }, async (sandbox) => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => putCustomers(sandbox, [{ id: i + 1, customer_group_id: 1 }])),
    );
    const statuses = answers.map((a) => a.status).sort();
    assert.equal(statuses, [200, 200, 200, 429, 429]);
    assert.is(sandbox.counters.maxInFlightByEndpoint['PUT /v3/customers'], 5);
  }));

test('deleting a group leaves the promotions and zones that named it as they were', () =>
  withSandbox(REFERENCE_STORE, async (sandbox) => {
    assert.is((await callSandbox(sandbox, 'DELETE', '/customer_groups/2')).status, 204);
    const zones = (await getV3(sandbox, '/tax/zones')).body as Page;
    assert.equal(zones.data[0]?.shopper_target_settings, { locations: [], customer_groups: [2] });
    assert.ok(sandbox.catalog.customers.slice(0, 12).every((c) => c.customer_group_id === 0));
  }));

test.run();
