// Attribution with plain groups: which changes a pull request's groups/ causes, which were pending before it,
// which pending changes it drops, and where merging it would overwrite a hand edit in the store.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Attribution, AttributionOff, DesiredGroup, LiveGroup } from '../../src/model/index.js';
import { attributeAgainstBaseline, attributeChanges, createPlan } from '../../src/plan/index.js';
import { desired, live, rule } from '../support/groups.js';

function attribute(
  baseline: DesiredGroup[],
  head: DesiredGroup[],
  liveGroups: LiveGroup[],
  prune = false,
): Attribution {
  const result = attributeAgainstBaseline(createPlan(head, liveGroups, { prune }), baseline, liveGroups, { prune });
  assert.ok(result.compared, 'the baseline was planned');
  return result as Attribution;
}

const store = [
  live(1, 'Retail', { discount_rules: [rule.all(5)] }),
  live(2, 'Trade'),
  live(3, 'VIP', { discount_rules: [rule.all(20)] }),
];

test('a change the baseline plan sends identically is pending; a new one is from this change', () => {
  // The store's VIP was hand-edited to 20%; the base branch still says 10%. The PR only adds a group.
  const baseline = [
    desired('Retail', { id: 1, discount_rules: [rule.all(5)] }),
    desired('Trade', { id: 2 }),
    desired('VIP', { id: 3, discount_rules: [rule.all(10)] }),
  ];
  const head = [...baseline, desired('Wholesale')];
  const attribution = attribute(baseline, head, store);
  assert.equal(attribution.origins, { 'update:3': 'pending', 'create:Wholesale': 'change' });
  assert.equal(attribution.overwrites, {});
  assert.equal(attribution.dropped, []);
});

test('with no baseline difference every change is pending, and an identical create counts too', () => {
  const baseline = [
    desired('Retail', { id: 1 }),
    desired('Trade', { id: 2 }),
    desired('VIP', { id: 3, discount_rules: [rule.all(20)] }),
    desired('New'),
  ];
  const attribution = attribute(baseline, baseline, store);
  assert.equal(attribution.origins, { 'update:1': 'pending', 'create:New': 'pending' });
  assert.equal(attribution.pending_fields, { 'update:1': ['discount_rules'] }, 'every field of a pending update');
});

test('the same group changed differently is from this change, even when the baseline also changes it', () => {
  const baseline = [
    desired('Retail', { id: 1, discount_rules: [rule.all(7)] }),
    desired('Trade', { id: 2 }),
    desired('VIP', { id: 3, discount_rules: [rule.all(20)] }),
  ];
  const head = [
    desired('Retail', { id: 1, discount_rules: [rule.all(8)] }),
    desired('Trade', { id: 2 }),
    desired('VIP', { id: 3, discount_rules: [rule.all(20)] }),
  ];
  const attribution = attribute(baseline, head, store);
  assert.equal(attribution.origins, { 'update:1': 'change' });
  // The store's 5% is not what the base branch says (7%) either: merging overwrites that hand edit.
  assert.equal(attribution.overwrites, { 'update:1': ['discount_rules'] });
});

test('a pull request that renames a drifted group carries the drifted field along as pending: no warning', () => {
  // Store: VIP has 20% by hand; base says 10%. The PR renames VIP and keeps 10%: the rules were pending anyway.
  const baseline = [
    desired('Retail', { id: 1, discount_rules: [rule.all(5)] }),
    desired('Trade', { id: 2 }),
    desired('VIP', { id: 3, discount_rules: [rule.all(10)] }),
  ];
  const head = [
    baseline[0]!,
    baseline[1]!,
    desired('VIP', { id: 3, name: 'VIP Club', discount_rules: [rule.all(10)] }),
  ];
  const attribution = attribute(baseline, head, store);
  assert.equal(attribution.origins, { 'update:3': 'change' }, 'the rename is the PR');
  assert.equal(attribution.pending_fields, { 'update:3': ['discount_rules'] });
  assert.equal(attribution.overwrites, {});
});

const PER_FIELD_HAND_EDITED =
  'per field: a hand-edited flag the base files already set back is pending; drift on another group stays pending too';
test(PER_FIELD_HAND_EDITED, () => {
  // Store: Trade is the default by hand, Wholesale has 12%; both file sets say false and 10%. The PR renames Trade.
  const shop = [
    live(1, 'Retail', { is_default: true }),
    live(2, 'Trade', { is_default: true }),
    live(3, 'Wholesale', { discount_rules: [rule.all(12)] }),
  ];
  const baseline = [
    desired('Retail', { id: 1, is_default: true }),
    desired('Trade', { id: 2 }),
    desired('Wholesale', { id: 3, discount_rules: [rule.all(10)] }),
  ];
  const head = [baseline[0]!, desired('Trade Partners', { id: 2 }), baseline[2]!];
  const attribution = attribute(baseline, head, shop);
  assert.equal(attribution.origins, { 'update:2': 'change', 'update:3': 'pending' });
  assert.equal(attribution.pending_fields, { 'update:2': ['is_default'], 'update:3': ['discount_rules'] });
  assert.equal(attribution.overwrites, {}, 'the PR writes only the name, which nobody edited by hand');
});

test('a field the baseline also writes, but to another value, is this change writing over a hand edit', () => {
  const baseline = [
    desired('Retail', { id: 1, discount_rules: [rule.all(7)] }),
    desired('Trade', { id: 2 }),
    desired('VIP', { id: 3, discount_rules: [rule.all(10)] }),
  ];
  const head = [
    desired('Retail', { id: 1, name: 'Retail Club', discount_rules: [rule.all(8)] }),
    baseline[1]!,
    desired('VIP', { id: 3, name: 'VIP Club', discount_rules: [rule.all(10)] }),
  ];
  const attribution = attribute(baseline, head, store);
  assert.equal(attribution.pending_fields, { 'update:1': [], 'update:3': ['discount_rules'] });
  assert.equal(attribution.overwrites, { 'update:1': ['discount_rules'] });
});

test('a field the store already matches in the baseline is no hand edit: no warning', () => {
  const baseline = [
    desired('Retail', { id: 1, discount_rules: [rule.all(5)] }),
    desired('Trade', { id: 2 }),
    desired('VIP', { id: 3, discount_rules: [rule.all(20)] }),
  ];
  const head = [desired('Retail', { id: 1, discount_rules: [rule.all(6)] }), baseline[1]!, baseline[2]!];
  const attribution = attribute(baseline, head, store);
  assert.equal(attribution.origins, { 'update:1': 'change' });
  assert.equal(attribution.overwrites, {});
});

test('a pending change the pull request no longer makes is dropped: the store keeps its hand edit', () => {
  const baseline = [
    desired('Retail', { id: 1, discount_rules: [rule.all(5)] }),
    desired('Trade', { id: 2 }),
    desired('VIP', { id: 3, discount_rules: [rule.all(10)] }),
  ];
  const head = [baseline[0]!, baseline[1]!, desired('VIP', { id: 3, discount_rules: [rule.all(20)] })];
  const attribution = attribute(baseline, head, store);
  assert.equal(attribution.origins, {});
  assert.equal(
    attribution.dropped.map((change) => change.key),
    ['update:3'],
  );
});

test('deleting a hand-edited group (prune) is from this change and warns about the fields it loses', () => {
  const baseline = [
    desired('Retail', { id: 1, discount_rules: [rule.all(5)] }),
    desired('Trade', { id: 2 }),
    desired('VIP', { id: 3, discount_rules: [rule.all(10)] }),
  ];
  const head = [baseline[0]!, baseline[1]!];
  const attribution = attribute(baseline, head, store, true);
  assert.equal(attribution.origins, { 'delete:3': 'change' });
  assert.equal(attribution.overwrites, { 'delete:3': ['discount_rules'] });
  assert.equal(
    attribution.dropped.map((change) => change.key),
    ['update:3'],
  );
});

test('a baseline that cannot be matched to the store turns attribution off with the reason', () => {
  const head = [desired('Retail', { id: 1 })];
  const result: Attribution | AttributionOff = attributeAgainstBaseline(
    createPlan(head, store, { prune: false }),
    [desired('Gone', { id: 99 })],
    store,
    { prune: false },
  );
  assert.not.ok(result.compared);
  assert.match((result as AttributionOff).reason, /groups\/gone\.yaml:2:5/);
});

test('attributeChanges works on any two plans: keys and bodies alone decide', () => {
  const basePlan = createPlan([desired('A', { id: 1, is_default: true })], [live(1, 'A')], { prune: false });
  const headPlan = createPlan([desired('A', { id: 1, is_default: true, is_group_for_guests: true })], [live(1, 'A')], {
    prune: false,
  });
  const attribution = attributeChanges(headPlan, basePlan);
  assert.equal(attribution.origins, { 'update:1': 'change' });
  assert.equal(
    attribution.pending_fields,
    { 'update:1': ['is_default'] },
    'the baseline sends is_default: true as well',
  );
  assert.equal(attribution.overwrites, {});
  const otherPlan = createPlan(
    [desired('A', { id: 1, is_group_for_guests: true, discount_rules: [rule.all(3)] })],
    [live(1, 'A', { discount_rules: [rule.all(1)] })],
    { prune: false },
  );
  const againstRules = createPlan(
    [desired('A', { id: 1, discount_rules: [rule.all(2)] })],
    [live(1, 'A', { discount_rules: [rule.all(1)] })],
    { prune: false },
  );
  assert.equal(attributeChanges(otherPlan, againstRules).overwrites, { 'update:1': ['discount_rules'] });
  assert.equal(attributeChanges(basePlan, basePlan).origins, { 'update:1': 'pending' });
});

test.run();
