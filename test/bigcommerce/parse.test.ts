import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseGroup } from '../../src/bigcommerce/parse.js';

test('parseGroup normalizes the spellings the API is known to use', () => {
  const group = parseGroup({
    id: '12',
    name: 'Wholesale',
    is_default: false,
    category_access: { type: 'specific', categories: ['23', 18, 18] },
    discount_rules: [
      { type: 'product', method: 'fixed', amount: 3, product_id: '7' },
      { type: 'all', method: 'percent', amount: '5.0000' },
    ],
    date_created: 'Tue, 25 Jul 2023 01:15:19 +0000',
    date_modified: '2023-07-25 01:15:19',
  });
  assert.equal(group, {
    id: 12,
    name: 'Wholesale',
    is_default: false,
    is_group_for_guests: false,
    category_access: { type: 'specific', categories: [18, 23] },
    discount_rules: [
      { type: 'all', method: 'percent', amount: 5 },
      { type: 'product', method: 'fixed', amount: 3, product_id: 7 },
    ],
    date_created: 'Tue, 25 Jul 2023 01:15:19 +0000',
    date_modified: '2023-07-25 01:15:19',
  });
});

test('parseGroup fills what the API leaves out: categories, rules, flags, dates', () => {
  const group = parseGroup({ id: 3, name: 'Guests', category_access: { type: 'none' } });
  assert.equal(group.category_access, { type: 'none' });
  assert.equal(group.discount_rules, []);
  assert.is(group.is_group_for_guests, false);
  assert.is(group.date_modified, null);
  assert.equal(parseGroup({ id: 4, name: 'S', category_access: { type: 'specific' } }).category_access, {
    type: 'specific',
    categories: [],
  });
});

test('parseGroup refuses wrong types, naming the field', () => {
  assert.throws(() => parseGroup({ id: 1.5, name: 'A' }), /id is 1\.5/);
  assert.throws(() => parseGroup({ id: 1, name: '' }), /name is ""/);
  assert.throws(() => parseGroup({ id: 1, name: 'A', discount_rules: {} }), /discount_rules is \{\}/);
  assert.throws(
    () => parseGroup({ id: 1, name: 'A', discount_rules: [{ type: 'all', method: 'half', amount: 1 }] }),
    /method is "half"/,
  );
  assert.throws(() => parseGroup({ id: 1, name: 'A', date_created: 12 }), /date_created is 12/);
  assert.throws(() => parseGroup([1]), /expected an object/);
});

test.run();
