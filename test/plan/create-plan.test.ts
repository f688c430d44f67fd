import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findInconsistencies, toSavedPlan } from '../../src/planfile/index.js';
import type { GroupBody, UpdateChange } from '../../src/model/index.js';
import { createPlan } from '../../src/plan/index.js';
import { describeReasons } from '../../src/render/words.js';
import { assertConverges } from './simulate.js';
import { desired, live, rule, type GroupOver } from '../support/groups.js';

const base: GroupOver = {
  category_access: { type: 'specific', categories: [18, 23] },
  discount_rules: [rule.all(5), rule.category(18, 10)],
};

const updateCases: { title: string; over: GroupOver; fields: string[]; body: GroupBody }[] = [
  { title: 'name (by pin)', over: { name: 'Wholesale' }, fields: ['name'], body: { name: 'Wholesale' } },
  { title: 'is_default', over: { is_default: true }, fields: ['is_default'], body: { is_default: true } },
  {
    title: 'is_group_for_guests',
    over: { is_group_for_guests: true },
    fields: ['is_group_for_guests'],
    body: { is_group_for_guests: true },
  },
  {
    title: 'category_access type',
    over: { category_access: { type: 'none' } },
    fields: ['category_access'],
    body: { category_access: { type: 'none' } },
  },
  {
    title: 'one category more (sent whole)',
    over: { category_access: { type: 'specific', categories: [18, 23, 40] } },
    fields: ['category_access'],
    body: { category_access: { type: 'specific', categories: [18, 23, 40] } },
  },
  {
    title: 'a rule added (whole list sent)',
    over: { discount_rules: [rule.all(5), rule.category(18, 10), rule.product(77, 5, 'price')] },
    fields: ['discount_rules'],
    body: {
      discount_rules: [
        { type: 'all', method: 'percent', amount: '5.0000' },
        { type: 'category', method: 'percent', amount: '10.0000', category_id: 18 },
        { type: 'product', method: 'price', amount: '5.0000', product_id: 77 },
      ],
    },
  },
  {
    title: 'a rule removed',
    over: { discount_rules: [rule.category(18, 10)] },
    fields: ['discount_rules'],
    body: { discount_rules: [{ type: 'category', method: 'percent', amount: '10.0000', category_id: 18 }] },
  },
  {
    title: 'a rule amount changed',
    over: { discount_rules: [rule.all(5), rule.category(18, 15)] },
    fields: ['discount_rules'],
    body: {
      discount_rules: [
        { type: 'all', method: 'percent', amount: '5.0000' },
        { type: 'category', method: 'percent', amount: '15.0000', category_id: 18 },
      ],
    },
  },
  {
    title: 'a rule method changed',
    over: { discount_rules: [rule.all(5, 'fixed'), rule.category(18, 10)] },
    fields: ['discount_rules'],
    body: {
      discount_rules: [
        { type: 'all', method: 'fixed', amount: '5.0000' },
        { type: 'category', method: 'percent', amount: '10.0000', category_id: 18 },
      ],
    },
  },
  {
    title: 'all rules cleared',
    over: { discount_rules: [] },
    fields: ['discount_rules'],
    body: { discount_rules: [] },
  },
];

for (const { title, over, fields, body } of updateCases) {
  test(`an update of ${title} sends only that field`, () => {
    const desiredGroups = [desired('Retail', { id: 12, ...base, ...over })];
    const liveGroups = [live(12, 'Retail', base)];
    const plan = assertConverges(desiredGroups, liveGroups);
    assert.is(plan.changes.length, 1);
    const change = plan.changes[0] as UpdateChange;
    assert.is(change.key, 'update:12');
    assert.equal(change.fields, fields);
    assert.equal(change.body, body);
    assert.is(change.kind, 'edit');
    assert.is(change.source, 'groups/retail.yaml');
    assert.equal(plan.summary, { create: 0, update: 1, delete: 0, unchanged: 0, unmanaged: 0 });
  });
}

const noiseCases: { title: string; want: GroupOver; have: GroupOver }[] = [
  {
    title: 'amount 5 vs "5.0000"',
    want: { discount_rules: [rule.all(5)] },
    have: { discount_rules: [rule.all('5.0000')] },
  },
  {
    title: 'ids as strings',
    want: { discount_rules: [rule.category(18, 10)] },
    have: { discount_rules: [rule.category('18', '10.0000')] },
  },
  {
    title: 'rules reordered',
    want: { discount_rules: [rule.product(77, 1), rule.all(2), rule.category(18, 3)] },
    have: { discount_rules: [rule.category(18, 3), rule.all(2), rule.product(77, 1)] },
  },
  {
    title: 'categories as a set',
    want: { category_access: { type: 'specific', categories: [23, 18, 18] } },
    have: { category_access: { type: 'specific', categories: ['18', 23] } },
  },
  {
    title: 'categories under all',
    want: { category_access: { type: 'all', categories: [4] } },
    have: { category_access: { type: 'all' } },
  },
];

for (const { title, want, have } of noiseCases) {
  test(`no change for ${title}`, () => {
    const plan = createPlan([desired('Retail', want)], [live(3, 'Retail', have)], { prune: false });
    assert.equal(plan.changes, []);
    assert.equal(plan.unchanged, [{ id: 3, name: 'Retail' }]);
  });
}

test('a changed rule among unchanged ones is not noise', () => {
  const plan = createPlan(
    [desired('Retail', { discount_rules: [rule.all(5), rule.category(18, '10.0001')] })],
    [live(3, 'Retail', { discount_rules: [rule.all(5), rule.category(18, 10)] })],
    { prune: false },
  );
  assert.equal((plan.changes[0] as UpdateChange).fields, ['discount_rules']);
});

test('a create sends the name and only non-default fields', () => {
  const cases: [GroupOver, GroupBody][] = [
    [{}, { name: 'Retail' }],
    [{ category_access: { type: 'all' }, discount_rules: [] }, { name: 'Retail' }],
    [{ is_default: true }, { name: 'Retail', is_default: true }],
    [{ category_access: { type: 'none' } }, { name: 'Retail', category_access: { type: 'none' } }],
    [
      { discount_rules: [rule.priceList(3)] },
      { name: 'Retail', discount_rules: [{ type: 'price_list', price_list_id: 3 }] },
    ],
  ];
  for (const [over, body] of cases) {
    const plan = assertConverges([desired('Retail', over)], []);
    assert.equal(
      plan.changes.map((c) => [c.key, c.action, c.body, describeReasons(c)]),
      [['create:Retail', 'create', body, 'not in live store']],
    );
  }
});

test('a rename by pin is an update of the name only', () => {
  const plan = assertConverges([desired('Trade', { id: 12 })], [live(12, 'Wholesale')]);
  const change = plan.changes[0] as UpdateChange;
  assert.equal(
    [change.key, change.fields, change.body, describeReasons(change)],
    ['update:12', ['name'], { name: 'Trade' }, 'renamed (pinned id 12)'],
  );
  assert.equal(change.before.name, 'Wholesale');
});

test('a rename with an edit says both', () => {
  const plan = createPlan([desired('Trade', { id: 12, is_default: true })], [live(12, 'Wholesale')], { prune: false });
  assert.is(describeReasons(plan.changes[0]!), 'renamed (pinned id 12); changed in groups/trade.yaml');
});

test('unmanaged groups are listed and left alone without prune', () => {
  const plan = assertConverges(
    [desired('Retail')],
    [live(1, 'Retail'), live(2, 'Legacy', { discount_rules: [rule.all(3)] }), live(3, 'Archive')],
  );
  assert.equal(plan.changes, []);
  assert.equal(plan.unmanaged, [
    { id: 3, name: 'Archive' },
    { id: 2, name: 'Legacy' },
  ]);
  assert.equal(plan.summary, { create: 0, update: 0, delete: 0, unchanged: 1, unmanaged: 2 });
});

test('with prune, unmanaged groups are deleted', () => {
  const plan = assertConverges([desired('Retail')], [live(1, 'Retail'), live(2, 'Legacy'), live(3, 'Archive')], {
    prune: true,
  });
  assert.equal(
    plan.changes.map((c) => [c.key, c.body, describeReasons(c)]),
    [
      ['delete:3', {}, 'described by no file (prune is on)'],
      ['delete:2', {}, 'described by no file (prune is on)'],
    ],
  );
  assert.equal(plan.unmanaged, []);
  assert.is(plan.summary.delete, 2);
});

test('changes are listed deletes, then updates, then creates, each by name', () => {
  const plan = assertConverges(
    [
      desired('Zeta', { id: 5, is_default: true }),
      desired('Alpha', { id: 6, category_access: { type: 'none' } }),
      desired('Newer'),
      desired('New'),
    ],
    [live(5, 'Zeta'), live(6, 'Alpha'), live(7, 'Old B'), live(8, 'Old A')],
    { prune: true },
  );
  assert.equal(
    plan.changes.map((c) => c.key),
    ['delete:8', 'delete:7', 'update:6', 'update:5', 'create:New', 'create:Newer'],
  );
  assert.is(plan.changes.length, 6);
  assert.equal(plan.summary, { create: 2, update: 2, delete: 2, unchanged: 0, unmanaged: 0 });
});

test('planning twice against an unchanged store gives the same plan', () => {
  const desiredGroups = [
    desired('Retail', { id: 1, discount_rules: [rule.all(5)] }),
    desired('Guests', { is_group_for_guests: true }),
  ];
  const liveGroups = [live(1, 'Retail'), live(2, 'Legacy', { is_group_for_guests: true })];
  assert.equal(
    createPlan(desiredGroups, liveGroups, { prune: false }),
    createPlan(desiredGroups, liveGroups, { prune: false }),
  );
});

test('merged_from deletes the old group without prune, after the group it merges into exists', () => {
  const liveGroups = [live(1, 'Retail'), live(2, 'Old Wholesale', { is_group_for_guests: true }), live(3, 'Spare')];
  const created = createPlan(
    [desired('Retail'), { ...desired('Wholesale'), merged_from: ['old wholesale'] }],
    liveGroups,
    { prune: false },
  );
  const merge = created.changes.find((change) => change.key === 'delete:2');
  assert.ok(merge?.action === 'delete');
  assert.equal(merge.merge_into, { name: 'Wholesale', id: null });
  assert.equal(merge.depends_on, ['create:Wholesale']);
  assert.ok(merge.reasons.some((reason) => reason.fact === 'holder_vanishes'));
  assert.equal(created.unmanaged, [{ id: 3, name: 'Spare' }]);
  assert.equal(created.summary, { create: 1, update: 0, delete: 1, unchanged: 1, unmanaged: 1 });

  const kept = createPlan([{ ...desired('Retail'), merged_from: ['Old Wholesale'] }], liveGroups, { prune: false });
  const into = kept.changes.find((change) => change.key === 'delete:2');
  assert.ok(into?.action === 'delete');
  assert.equal(into.merge_into, { name: 'Retail', id: 1 });
  assert.equal(into.reasons[0], { fact: 'merged_into', to: 'Retail', file: 'groups/retail.yaml' });

  // A new group taking the guest flag from the group it merges: the flag leaves first, then the create.
  const flagged = createPlan(
    [{ ...desired('Wholesale', { is_group_for_guests: true }), merged_from: ['Old Wholesale'] }],
    liveGroups,
    { prune: false },
  );
  assert.equal(
    flagged.changes.map((change) => [change.key, change.depends_on]),
    [
      ['update:2', []],
      ['create:Wholesale', ['update:2']],
      ['delete:2', ['create:Wholesale']],
    ],
  );
  assert.equal(findInconsistencies(toSavedPlan(flagged, { storeHash: 'h', desiredHash: 'd', liveGroups })), []);
});

test.run();
