// Names beside a plan's ids: a category by its full path, so two categories of one name read apart.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { nameReferences } from '../../src/plan/annotate.js';
import { describeAccess, describeRulePair, labelRuleLine, pairChangedRules } from '../../src/render/words.js';
import type { Catalog } from '../../src/model/index.js';
import { live, rule } from '../support/groups.js';

const catalog: Catalog = {
  categories: [
    { id: 18, name: 'Tools', parent_id: 0, tree_id: 1 },
    { id: 19, name: 'Power Tools', parent_id: 18, tree_id: 1 },
    { id: 23, name: 'Garden', parent_id: 0, tree_id: 1 },
    { id: 42, name: 'Power Tools', parent_id: 23, tree_id: 1 },
    { id: 50, name: 'Nuts/Bolts', parent_id: 18, tree_id: 1 },
  ],
};

test('categories of one name are told apart by their paths, written as files write them', () => {
  const before = live(1, 'VIP', { discount_rules: [rule.category(19, 5)] });
  const after = live(1, 'VIP', {
    discount_rules: [rule.category(19, 5), rule.category(42, 6), rule.category(50, 2)],
    category_access: { type: 'specific', categories: [23, 99] },
  });
  const names = nameReferences([before, after], catalog);
  assert.equal(names?.categories, {
    19: 'Tools/Power Tools',
    42: 'Garden/Power Tools',
    50: 'Tools/Nuts\\/Bolts',
    23: 'Garden',
    99: null,
  });
  const words = pairChangedRules(before.discount_rules, after.discount_rules).map((pair) =>
    describeRulePair(pair, names),
  );
  assert.equal(words, [
    'added 6% off Garden/Power Tools (category 42)',
    'added 2% off Tools/Nuts\\/Bolts (category 50)',
  ]);
  assert.is(describeAccess(after.category_access, names), 'specific [Garden (23), 99 (not in the catalog)]');
  assert.is(
    labelRuleLine(after.discount_rules[0]!, names),
    '{ type: category, category_id: 19, method: percent, amount: 5 }  # Tools/Power Tools',
  );
});

test.run();
