import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadSeedFile, startSandbox, type RawGroup } from '../../src/sandbox/index.js';
import { callSandbox, withSandbox } from '../support/sandbox.js';
import { makeTempDir } from '../support/temp.js';

const post = (sandbox: Parameters<typeof callSandbox>[0], body: unknown) =>
  callSandbox(sandbox, 'POST', '/customer_groups', body);
const messages = (body: unknown) => (body as Array<{ message: string }>).map((e) => e.message).join(' | ');

test('read-only fields are refused with 400', () =>
  withSandbox({ seed: [{ name: 'Retail' }] }, async (sandbox) => {
    for (const field of ['id', 'date_created', 'date_modified']) {
      const answer = await callSandbox(sandbox, 'PUT', '/customer_groups/1', { [field]: 1 });
      assert.is(answer.status, 400);
      assert.is(messages(answer.body), `The field '${field}' cannot be written to.`);
    }
    assert.is((await post(sandbox, { is_default: false })).status, 400, 'name is required on create');
  }));

test('duplicate names are 409, on create and on rename', () =>
  withSandbox({ seed: [{ name: 'Retail' }, { name: 'Wholesale' }] }, async (sandbox) => {
    assert.is((await post(sandbox, { name: 'Retail' })).status, 409);
    assert.is((await callSandbox(sandbox, 'PUT', '/customer_groups/2', { name: 'Retail' })).status, 409);
    assert.is(
      (await callSandbox(sandbox, 'PUT', '/customer_groups/1', { name: 'Retail' })).status,
      200,
      'a group keeps its own name',
    );
  }));

test('rule validation: price_list alone, one store-wide rule, the fields each type needs (422)', () =>
  withSandbox({}, async (sandbox) => {
    const cases: Array<[unknown[], RegExp]> = [
      [
        [
          { type: 'price_list', price_list_id: 2 },
          { type: 'product', method: 'fixed', amount: 1, product_id: 3 },
        ],
        /price_list discount rule must be the only/,
      ],
      [
        [
          { type: 'all', method: 'percent', amount: 1 },
          { type: 'all', method: 'price', amount: 2 },
        ],
        /Only one store-wide/,
      ],
      [[{ type: 'category', method: 'percent', amount: 1 }], /category_id is required/],
      [
        [{ type: 'product', method: 'percent', amount: 'abc', product_id: 1 }],
        /amount is required and must be a number/,
      ],
      [[{ type: 'all', amount: 1 }], /method is required/],
      [[{ type: 'price_list' }], /price_list_id is required/],
    ];
    for (const [rules, pattern] of cases) {
      const answer = await post(sandbox, { name: 'G', discount_rules: rules });
      assert.is(answer.status, 422, JSON.stringify(rules));
      assert.match(messages(answer.body), pattern);
    }
    assert.is(sandbox.groups().length, 0);
  }));

test('amounts are stored as 4-decimal strings, ids auto-increment, dates in the API format', () =>
  withSandbox({ seed: [{ id: 7, name: 'Seeded' }] }, async (sandbox) => {
    const answer = await post(sandbox, {
      name: 'New',
      discount_rules: [
        { type: 'all', method: 'percent', amount: 5 },
        { type: 'category', method: 'price', amount: '2.5', category_id: 4 },
      ],
    });
    const group = answer.body as RawGroup;
    assert.is(answer.status, 200);
    assert.is(group.id, 8);
    assert.equal(group.discount_rules, [
      { type: 'all', method: 'percent', amount: '5.0000' },
      { type: 'category', method: 'price', amount: '2.5000', category_id: 4 },
    ]);
    assert.match(group.date_created, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.is((await post(sandbox, { name: 'Third' })).status, 200);
    assert.is(sandbox.groups().at(-1)?.id, 9);
  }));

test('createStatus 201 when asked', () =>
  withSandbox({ createStatus: 201 }, async (sandbox) => {
    assert.is((await post(sandbox, { name: 'A' })).status, 201);
  }));

test('date_modified moves on every write, even two within a second', () =>
  withSandbox({ seed: [{ name: 'Retail' }] }, async (sandbox) => {
    const stamps = [sandbox.groups()[0]?.date_modified];
    for (let i = 0; i < 3; i++)
      stamps.push(
        ((await callSandbox(sandbox, 'PUT', '/customer_groups/1', { is_default: i % 2 === 0 })).body as RawGroup)
          .date_modified,
      );
    assert.is(new Set(stamps).size, 4);
    assert.is(sandbox.groups()[0]?.date_created, stamps[0]);
  }));

test('PUT replaces the rules whole; omitted leaves them; [] clears them', () =>
  withSandbox(
    {
      seed: [
        {
          name: 'R',
          discount_rules: [
            { type: 'all', method: 'percent', amount: 5 },
            { type: 'product', method: 'fixed', amount: 1, product_id: 9 },
          ],
        },
      ],
    },
    async (sandbox) => {
      const put = async (body: unknown) =>
        (await callSandbox(sandbox, 'PUT', '/customer_groups/1', body)).body as RawGroup;
      assert.is((await put({ name: 'R2' })).discount_rules.length, 2);
      assert.equal(
        (await put({ discount_rules: [{ type: 'category', method: 'price', amount: 3, category_id: 2 }] }))
          .discount_rules,
        [{ type: 'category', method: 'price', amount: '3.0000', category_id: 2 }],
      );
      assert.equal((await put({ discount_rules: [] })).discount_rules, []);
    },
  ));

test('categories are kept only under specific access', () =>
  withSandbox({}, async (sandbox) => {
    const group = (await post(sandbox, { name: 'S', category_access: { type: 'specific', categories: [3, 1] } }))
      .body as RawGroup;
    assert.equal(group.category_access, { type: 'specific', categories: [3, 1] });
    const changed = (
      await callSandbox(sandbox, 'PUT', `/customer_groups/${group.id}`, { category_access: { type: 'none' } })
    ).body as RawGroup;
    assert.equal(changed.category_access, { type: 'none' });
  }));

for (const [flag, option] of [
  ['is_group_for_guests', 'guestMode'],
  ['is_default', 'defaultMode'],
] as const) {
  test(`${flag}: strict refuses a second holder with 422`, () =>
    withSandbox({ seed: [{ name: 'A', [flag]: true }, { name: 'B' }], [option]: 'strict' }, async (sandbox) => {
      assert.is((await callSandbox(sandbox, 'PUT', '/customer_groups/2', { [flag]: true })).status, 422);
      assert.is((await post(sandbox, { name: 'C', [flag]: true })).status, 422);
      assert.equal(
        sandbox.groups().map((g) => g[flag]),
        [true, false],
      );
    }));

  test(`${flag}: move takes the flag from the previous holder and bumps its date_modified`, () =>
    withSandbox(
      { seed: [{ name: 'A', [flag]: true, date_modified: '2020-01-01 00:00:00' }, { name: 'B' }], [option]: 'move' },
      async (sandbox) => {
        assert.is((await callSandbox(sandbox, 'PUT', '/customer_groups/2', { [flag]: true })).status, 200);
        const [a, b] = sandbox.groups();
        assert.equal([a?.[flag], b?.[flag]], [false, true]);
        assert.is.not(a?.date_modified, '2020-01-01 00:00:00');
      },
    ));
}

test('seed files in YAML or JSON; an invalid seed is refused with every problem', async () => {
  const dir = makeTempDir('seed');
  await writeFile(
    join(dir, 'seed.yaml'),
    '- name: Retail\n  discount_rules:\n    - { type: all, method: percent, ' +
      'amount: 5 }\n- name: Guests\n  is_group_for_guests: true\n',
  );
  await writeFile(join(dir, 'seed.json'), '[{"name": "Retail"}]');
  assert.is((await loadSeedFile(join(dir, 'seed.yaml'))).groups.length, 2);
  assert.equal(await loadSeedFile(join(dir, 'seed.json')), { groups: [{ name: 'Retail' }] });
  await writeFile(join(dir, 'bad.yaml'), 'name: not a list\n');
  const refused = await loadSeedFile(join(dir, 'bad.yaml')).then(
    () => undefined,
    (error: Error) => error.message,
  );
  assert.match(refused ?? '', /must hold a list of groups/);
  try {
    await startSandbox({ seed: [{ name: 'A' }, { name: 'a' }, { name: 'B', discount_rules: [{ type: 'all' }] }] });
    assert.unreachable('should refuse');
  } catch (error) {
    assert.match(String(error), /seed group 2 \('a'\): the name is used twice/);
    assert.match(String(error), /seed group 3 \('B'\): discount_rules\[0\]\.method is required/);
  }
});

test('a PUT with a blank name is refused with 400 and the name is kept', () =>
  withSandbox({ seed: [{ name: 'Retail' }] }, async (sandbox) => {
    for (const name of ['   ', '', '\t\n']) {
      const answer = await callSandbox(sandbox, 'PUT', '/customer_groups/1', { name });
      assert.is(answer.status, 400, JSON.stringify(name));
      assert.equal(answer.body, [{ status: 400, message: "The field 'name' must not be blank." }]);
    }
    assert.is(sandbox.groups()[0]?.name, 'Retail');
  }));

test('amounts above the largest kept or below zero are 422, never stored in exponent form', () =>
  withSandbox({ seed: [{ name: 'Retail' }] }, async (sandbox) => {
    const cases: Array<[unknown, RegExp]> = [
      [1e22, /amount must be at most 999999999\.9999/],
      ['99999999999999999999999', /amount must be at most/],
      [1_000_000_000, /amount must be at most/],
      [-5, /amount must not be negative/],
      ['-0.5', /amount must not be negative/],
    ];
    for (const [amount, pattern] of cases) {
      const answer = await callSandbox(sandbox, 'PUT', '/customer_groups/1', {
        discount_rules: [{ type: 'product', method: 'fixed', amount, product_id: 2 }],
      });
      assert.is(answer.status, 422, String(amount));
      assert.match(messages(answer.body), pattern);
    }
    assert.equal(sandbox.groups()[0]?.discount_rules, []);
    const largest = await post(sandbox, {
      name: 'Max',
      discount_rules: [{ type: 'all', method: 'fixed', amount: 999_999_999.9999 }],
    });
    assert.equal((largest.body as RawGroup).discount_rules, [
      { type: 'all', method: 'fixed', amount: '999999999.9999' },
    ]);
    const zero = await post(sandbox, {
      name: 'Zero',
      discount_rules: [{ type: 'all', method: 'percent', amount: '0' }],
    });
    assert.is(zero.status, 200);
  }));

test.run();
