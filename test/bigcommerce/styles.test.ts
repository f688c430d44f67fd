// The group client is correct under every answer style the real API is known to use, over real HTTP.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiError } from '../../src/errors.js';
import type { SandboxOptions } from '../../src/sandbox/index.js';
import { clientFor, withSandbox } from '../support/sandbox.js';

const rules = [
  { type: 'category', method: 'percent', amount: 10, category_id: 18 },
  { type: 'product', method: 'price', amount: '2.5', product_id: 77 },
] as const;
const seed = [
  { name: 'Wholesale', category_access: { type: 'specific', categories: [18, 23] }, discount_rules: [...rules] },
  { name: 'Trade', discount_rules: [{ type: 'price_list', price_list_id: 3 }] },
];

/** What the client reads from a store seeded with `seed` under these options, dates aside. */
async function readStore(options: SandboxOptions) {
  return withSandbox({ seed, ...options }, async (sandbox) => {
    const liveGroups = await clientFor(sandbox).listGroups();
    return liveGroups.map(({ date_created: _c, date_modified: _m, ...group }) => group);
  });
}

test('string rule ids read exactly like integer ones', async () => {
  const plain = await readStore({});
  assert.equal(await readStore({ stringIds: true }), plain);
  assert.equal(
    plain[0]?.discount_rules
      .map((r) => ('category_id' in r ? r.category_id : 'product_id' in r ? r.product_id : 0))
      .sort(),
    [18, 77],
  );
});

test('string rule ids: a create and an update that sent integers are read back as equal', () =>
  withSandbox({ stringIds: true }, async (sandbox) => {
    const client = clientFor(sandbox);
    const created = await client.createGroup({
      name: 'VIP',
      discount_rules: [{ type: 'category', method: 'percent', amount: '5', category_id: 20 }],
    });
    assert.equal(created.discount_rules, [{ type: 'category', method: 'percent', amount: 5, category_id: 20 }]);
    const updated = await client.updateGroup(created.id, {
      discount_rules: [{ type: 'price_list', price_list_id: 2 }],
    });
    assert.equal(updated.discount_rules, [{ type: 'price_list', price_list_id: 2 }]);
  }));

test('RFC 2822 dates, with or without the weekday, are read and kept as the store wrote them', () =>
  withSandbox(
    {
      seed: [
        { name: 'Old', date_created: '20 Nov 2012 00:00:00 +0000', date_modified: 'Tue, 20 Nov 2012 00:00:00 +0000' },
      ],
      dateStyle: 'rfc2822',
    },
    async (sandbox) => {
      const client = clientFor(sandbox);
      const [old] = await client.listGroups();
      assert.equal(
        [old?.date_created, old?.date_modified],
        ['20 Nov 2012 00:00:00 +0000', 'Tue, 20 Nov 2012 00:00:00 +0000'],
      );
      const created = await client.createGroup({ name: 'New' });
      assert.match(created.date_modified ?? '', /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
      const updated = await client.updateGroup(created.id, { name: 'Newer' });
      assert.is.not(updated.date_modified, null);
    },
  ));

test('V3 error objects from the group endpoints: the API message reaches the error, statuses keep their meaning', () =>
  withSandbox({ seed: [{ name: 'Retail' }], errorStyle: 'v3' }, async (sandbox) => {
    const client = clientFor(sandbox);
    const missing = await client.getGroup(99).then(
      () => undefined,
      (error: ApiError) => error,
    );
    assert.ok(missing instanceof ApiError);
    assert.is(missing.status, 404);
    assert.match(missing.message, /failed with 404: The requested resource was not found\.$/);
    const duplicate = await client.createGroup({ name: 'Retail' }).then(
      () => undefined,
      (error: ApiError) => error,
    );
    assert.is(duplicate?.status, 409);
    assert.match(duplicate?.message ?? '', /already exists/);
    const badRules = await client
      .updateGroup(1, {
        discount_rules: [
          { type: 'all', method: 'percent', amount: '1' },
          { type: 'all', method: 'percent', amount: '2' },
        ],
      })
      .then(
        () => undefined,
        (error: ApiError) => error,
      );
    assert.is(badRules?.status, 422);
    assert.match(badRules?.message ?? '', /Only one store-wide/);
    const refused = await clientFor(sandbox, { token: 'wrong-token' })
      .listGroups()
      .then(
        () => '',
        (error: Error) => error.message,
      );
    assert.match(refused, /failed with 401: You are not authorized.*The access token was refused/);
    assert.equal(
      sandbox.groups().map((g) => g.name),
      ['Retail'],
      'nothing written by the refusals',
    );
  }));

test('the concurrency cap: parallel creates, updates and deletes all land once each', () =>
  withSandbox(
    { seed: Array.from({ length: 10 }, (_, i) => ({ name: `Old ${i}` })), maxConcurrent: 2, latencyMs: 10 },
    async (sandbox) => {
      const client = clientFor(sandbox);
      await Promise.all([
        ...Array.from({ length: 10 }, (_, i) => client.createGroup({ name: `New ${i}` })),
        ...Array.from({ length: 5 }, (_, i) => client.updateGroup(i + 1, { name: `Renamed ${i}` })),
        ...Array.from({ length: 5 }, (_, i) => client.deleteGroup(i + 6)),
      ]);
      assert.ok(sandbox.counters.rateLimited > 0, 'the cap was reached');
      assert.ok(sandbox.counters.maxInFlight <= 2);
      const names = sandbox
        .groups()
        .map((g) => g.name)
        .sort();
      assert.is(names.length, 15);
      assert.is(new Set(names).size, 15, 'no create landed twice');
      assert.ok(names.includes('Renamed 4') && names.includes('New 9'));
    },
  ));

test('every style at once: a full cycle of reads and writes', () =>
  withSandbox({ seed, stringIds: true, dateStyle: 'rfc2822', errorStyle: 'v3', maxConcurrent: 3 }, async (sandbox) => {
    const client = clientFor(sandbox);
    const before = await client.listGroups();
    const created = await client.createGroup({
      name: 'VIP',
      discount_rules: rules.map((rule) => ({ ...rule, amount: String(rule.amount) })),
    });
    assert.equal(created.discount_rules, before[0]?.discount_rules);
    await client.deleteGroup(created.id);
    assert.is((await client.listGroups()).length, 2);
    assert.is(await client.countGroups(), 2);
  }));

test.run();
