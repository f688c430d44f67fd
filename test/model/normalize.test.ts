import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  differingFields,
  fingerprint,
  normalizeAccess,
  normalizeAmount,
  normalizeRules,
  toWireBody,
} from '../../src/model/normalize.js';
import { GROUP_FIELDS, type GroupState } from '../../src/model/index.js';

const state = (over: Partial<GroupState> = {}): GroupState => ({
  name: 'Retail',
  is_default: false,
  is_group_for_guests: false,
  category_access: { type: 'all' },
  discount_rules: [],
  ...over,
});

test('amounts from numbers and 4-decimal strings are equal', () => {
  assert.is(normalizeAmount('5.0000'), 5);
  assert.is(normalizeAmount(5), 5);
  assert.is(normalizeAmount('12.34567'), 12.3457);
  assert.ok(Number.isNaN(normalizeAmount('ten')));
  assert.ok(Number.isNaN(normalizeAmount('')));
});

test('categories are a sorted set and only kept under specific', () => {
  assert.equal(normalizeAccess({ type: 'specific', categories: [23, '18', 23] }), {
    type: 'specific',
    categories: [18, 23],
  });
  assert.equal(normalizeAccess({ type: 'all', categories: [1] }), { type: 'all' });
  assert.equal(normalizeAccess(undefined), { type: 'all' });
});

test('rule order and spelling make no difference', () => {
  const a = normalizeRules([
    { type: 'product', method: 'fixed', amount: '3.5000', product_id: '9' },
    { type: 'category', method: 'percent', amount: 10, category_id: 18 },
    { type: 'all', method: 'percent', amount: '5' },
  ]);
  const b = normalizeRules([
    { type: 'all', method: 'percent', amount: 5 },
    { type: 'category', method: 'percent', amount: '10.0000', category_id: '18' },
    { type: 'product', method: 'fixed', amount: 3.5, product_id: 9 },
  ]);
  assert.equal(a, b);
  assert.is(a[0]?.type, 'all');
  assert.equal(differingFields(state({ discount_rules: a }), state({ discount_rules: b }), GROUP_FIELDS), []);
  assert.is(fingerprint(state({ discount_rules: a })), fingerprint(state({ discount_rules: b })));
});

test('a changed amount is a differing field and changes the fingerprint', () => {
  const before = state({ discount_rules: normalizeRules([{ type: 'all', method: 'percent', amount: 5 }]) });
  const after = state({ discount_rules: normalizeRules([{ type: 'all', method: 'percent', amount: 6 }]) });
  assert.equal(differingFields(before, after, GROUP_FIELDS), ['discount_rules']);
  assert.is.not(fingerprint(before), fingerprint(after));
});

test('wire bodies carry only the asked fields, amounts as 4-decimal strings', () => {
  const s = state({
    category_access: { type: 'specific', categories: [3] },
    discount_rules: normalizeRules([{ type: 'category', method: 'price', amount: 2, category_id: 3 }]),
  });
  assert.equal(toWireBody(s, ['discount_rules']), {
    discount_rules: [{ type: 'category', method: 'price', amount: '2.0000', category_id: 3 }],
  });
  assert.equal(toWireBody(s, ['name', 'category_access']), {
    name: 'Retail',
    category_access: { type: 'specific', categories: [3] },
  });
});

test.run();
