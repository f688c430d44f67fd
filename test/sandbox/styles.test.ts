// Each answer style of the sandbox, seen over raw HTTP (the client is tested against them in test/bigcommerce).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { callSandbox, SMALL_CATALOG, withSandbox } from '../support/sandbox.js';

const rules = [
  { type: 'category', method: 'percent', amount: 10, category_id: 18 },
  { type: 'product', method: 'price', amount: 2, product_id: 77 },
];

test('string ids: rule targets come back as strings in every group answer', () =>
  withSandbox(
    {
      seed: [
        { name: 'A', discount_rules: rules },
        { name: 'B', discount_rules: [{ type: 'price_list', price_list_id: 2 }] },
      ],
      stringIds: true,
    },
    async (sandbox) => {
      const listed = (await callSandbox(sandbox, 'GET', '/customer_groups')).body as Array<{
        discount_rules: Array<Record<string, unknown>>;
      }>;
      assert.equal(
        listed.map((g) => g.discount_rules.map((r) => r.category_id ?? r.product_id ?? r.price_list_id)),
        [['18', '77'], ['2']],
      );
      const created = (await callSandbox(sandbox, 'POST', '/customer_groups', { name: 'C', discount_rules: rules }))
        .body as { id: number; discount_rules: Array<Record<string, unknown>> };
      assert.is(created.discount_rules[0]?.category_id, '18');
      assert.is(typeof created.id, 'number', 'group ids stay integers');
    },
  ));

test('RFC 2822 dates on every stamp the store writes', () =>
  withSandbox({ dateStyle: 'rfc2822' }, async (sandbox) => {
    const created = (await callSandbox(sandbox, 'POST', '/customer_groups', { name: 'A' })).body as {
      date_created: string;
      date_modified: string;
    };
    assert.match(created.date_created, /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    const updated = (await callSandbox(sandbox, 'PUT', '/customer_groups/1', { name: 'B' })).body as {
      date_modified: string;
    };
    assert.ok(Date.parse(updated.date_modified) > Date.parse(created.date_modified), 'date_modified still moves');
  }));

test('V3 error objects from the V2 endpoints keep every message and detail', () =>
  withSandbox({ errorStyle: 'v3' }, async (sandbox) => {
    const refused = await callSandbox(sandbox, 'POST', '/customer_groups', {
      name: 'A',
      discount_rules: [{ type: 'all' }, { type: 'all', method: 'percent', amount: 1 }],
    });
    const body = refused.body as { status: number; title: string; type: string; errors: Record<string, string> };
    assert.is(refused.status, 422);
    assert.is(body.status, 422);
    assert.match(body.title, /method is required/);
    assert.ok(Object.values(body.errors).some((message) => /Only one store-wide/.test(message)));
    const tooLarge = (await callSandbox(sandbox, 'GET', '/customer_groups?limit=300')).body as {
      errors: Record<string, unknown>;
    };
    assert.is(tooLarge.errors.max_limit, 250);
    assert.equal(Object.keys((await callSandbox(sandbox, 'GET', '/customer_groups/9')).body as object).sort(), [
      'errors',
      'status',
      'title',
      'type',
    ]);
  }));

test('more requests in flight than the cap are answered 429 without rate-limit headers', () =>
  withSandbox({ seed: [{ name: 'A' }], maxConcurrent: 2, latencyMs: 40 }, async (sandbox) => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => callSandbox(sandbox, 'GET', '/customer_groups/1')),
    );
    const statuses = answers.map((a) => a.status).sort();
    assert.equal(statuses, [200, 200, 429, 429, 429]);
    const refused = answers.find((a) => a.status === 429);
    assert.is(refused?.headers.get('x-rate-limit-requests-left'), null);
    assert.is(sandbox.counters.maxInFlight, 2);
  }));

test('unknown references: accepted by default, refused with 422 naming each when asked', async () => {
  const body = {
    name: 'Typo',
    category_access: { type: 'specific', categories: [18, 99] },
    discount_rules: [{ type: 'product', method: 'price', amount: 1, product_id: 5 }],
  };
  await withSandbox({ catalog: SMALL_CATALOG }, async (sandbox) => {
    assert.is((await callSandbox(sandbox, 'POST', '/customer_groups', body)).status, 200);
  });
  await withSandbox({ catalog: SMALL_CATALOG, unknownReferences: 'refuse' }, async (sandbox) => {
    const refused = await callSandbox(sandbox, 'POST', '/customer_groups', body);
    assert.is(refused.status, 422);
    assert.equal(
      (refused.body as Array<{ message: string }>).map((e) => e.message),
      [
        'discount_rules[0].product_id: the product 5 does not exist.',
        'category_access.categories[1]: the category 99 does not exist.',
      ],
    );
    assert.is(sandbox.groups().length, 0);
    const known = {
      name: 'Fine',
      category_access: { type: 'specific', categories: [18, 40] },
      discount_rules: [{ type: 'price_list', price_list_id: 3 }],
    };
    assert.is((await callSandbox(sandbox, 'POST', '/customer_groups', known)).status, 200);
  });
  await withSandbox({ unknownReferences: 'refuse' }, async (sandbox) => {
    assert.is(
      (await callSandbox(sandbox, 'POST', '/customer_groups', body)).status,
      200,
      'without a catalog nothing can be checked',
    );
  });
});

test.run();
