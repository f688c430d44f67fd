import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { GroupState } from '../../src/model/index.js';
import { GROUP_FIELDS } from '../../src/model/index.js';
import { toWireBody } from '../../src/model/normalize.js';
import { callSandbox, clientFor, withSandbox } from '../support/sandbox.js';

const STATES: GroupState[] = [
  {
    name: 'Plain',
    is_default: false,
    is_group_for_guests: false,
    category_access: { type: 'all' },
    discount_rules: [],
  },
  {
    name: 'Guests',
    is_default: false,
    is_group_for_guests: true,
    category_access: { type: 'none' },
    discount_rules: [],
  },
  {
    name: 'Wholesale',
    is_default: true,
    is_group_for_guests: false,
    category_access: { type: 'specific', categories: [1, 5, 9] },
    discount_rules: [
      { type: 'all', method: 'percent', amount: 5 },
      { type: 'category', method: 'price', amount: 2.25, category_id: 5 },
      { type: 'product', method: 'fixed', amount: 10, product_id: 77 },
    ],
  },
  {
    name: 'Price list',
    is_default: false,
    is_group_for_guests: false,
    category_access: { type: 'all' },
    discount_rules: [{ type: 'price_list', price_list_id: 3 }],
  },
];

test('every body the client sends from the canonical form conforms to the request schema', () =>
  withSandbox({}, async (sandbox) => {
    const client = clientFor(sandbox);
    for (const state of STATES) {
      const created = await client.createGroup(toWireBody(state, GROUP_FIELDS));
      for (const field of GROUP_FIELDS.filter((f) => f !== 'name'))
        await client.updateGroup(created.id, toWireBody(state, [field]));
      await client.updateGroup(created.id, toWireBody({ ...state, discount_rules: [] }, ['discount_rules']));
    }
    assert.is(sandbox.counters.nonConforming, 0);
    assert.ok(sandbox.log.filter((entry) => entry.body !== undefined).length >= 20);
    assert.ok(
      sandbox.log.every((entry) => entry.status < 300),
      'every write was accepted',
    );
  }));

test('the conformance counter does catch bodies outside the schema', () =>
  withSandbox({ seed: [{ name: 'Retail' }] }, async (sandbox) => {
    assert.is((await callSandbox(sandbox, 'PUT', '/customer_groups/1', { nickname: 'x' })).status, 400);
    assert.is(
      (await callSandbox(sandbox, 'PUT', '/customer_groups/1', { category_access: { type: 'all', categories: [1] } }))
        .status,
      400,
    );
    assert.is(
      (await callSandbox(sandbox, 'PUT', '/customer_groups/1', { name: 'A' }, { 'Content-Type': 'text/plain' })).status,
      415,
    );
    assert.is(sandbox.counters.nonConforming, 3);
  }));

test.run();
