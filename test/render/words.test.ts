import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { normalizeRules } from '../../src/model/normalize.js';
import { describeRule, describeRulePair, pairChangedRules } from '../../src/render/words.js';
import { rule } from '../support/groups.js';

const one = (input: Parameters<typeof normalizeRules>[0]) => normalizeRules(input);

test('each method and target in words', () => {
  const cases: [ReturnType<typeof rule.all>, string][] = [
    [rule.category(18, 10), '10% off category 18'],
    [rule.all('12.5000'), '12.5% off all products'],
    [rule.product(77, 5, 'price'), '$5.00 off product 77'],
    [rule.product(9, '12.0000', 'fixed'), 'fixed price $12.00 on product 9'],
    [rule.product(9, 12.125, 'fixed'), 'fixed price $12.125 on product 9'],
    [rule.priceList(3), 'price list 3'],
  ];
  for (const [input, words] of cases) assert.is(describeRule(one([input])[0]!), words);
});

test('changes between rule lists in words', () => {
  const pairs = pairChangedRules(
    one([rule.category(18, 10), rule.all(5), rule.product(9, 2, 'price')]),
    one([rule.category(18, 15), rule.product(9, 2, 'fixed'), rule.product(77, 5, 'price')]),
  );
  assert.equal(pairs.map((pair) => describeRulePair(pair)).sort(), [
    '$2.00 off product 9 -> fixed price $2.00',
    '10% off category 18 -> 15%',
    'added $5.00 off product 77',
    'removed 5% off all products',
  ]);
  assert.equal(
    pairChangedRules(one([rule.priceList(3)]), one([rule.priceList(4)])).map((pair) => describeRulePair(pair)),
    ['price list 3 -> price list 4'],
  );
  assert.equal(pairChangedRules(one([rule.all(5)]), one([rule.all('5.0000')])), []);
});

test.run();
