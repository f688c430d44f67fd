// Identity across stores is by name; renamed_from carries a rename to every store without ids, and a
// group that a file keeps for other stores is not desired here.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PlanError } from '../../src/errors.js';
import type { DesiredGroup } from '../../src/model/index.js';
import { createPlan } from '../../src/plan/index.js';
import { describeReasons } from '../../src/render/words.js';
import { desired, live } from '../support/groups.js';

const gold = (): DesiredGroup => ({ ...desired('Gold'), renamed_from: ['VIP'] });

test('a store that still has the earlier name renames that group: only the name is sent', () => {
  const plan = createPlan([gold()], [live(3, 'VIP')], { prune: false });
  const [change] = plan.changes;
  assert.is(change?.action, 'update');
  assert.equal(change?.body, { name: 'Gold' });
  assert.equal(change?.reasons, [{ fact: 'renamed_from', from: 'VIP' }]);
  assert.is(describeReasons(change!), 'renamed from VIP');
  assert.is(plan.notes, undefined);
});

test('a store that already has the new name needs nothing, and the plan says so', () => {
  const plan = createPlan([gold()], [live(8, 'Gold')], { prune: false });
  assert.equal(plan.changes, []);
  assert.equal(plan.unchanged, [{ id: 8, name: 'Gold' }]);
  assert.equal(plan.notes, [{ name: 'Gold', id: 8, reasons: [{ fact: 'already_renamed', from: ['VIP'] }] }]);
  assert.is(
    describeReasons(plan.notes![0]!),
    "already named so: the store has no 'VIP' left to rename (renamed_from can go once every store is renamed)",
  );
});

test('a store with neither name gets the group created, and is told why', () => {
  const plan = createPlan([gold()], [live(1, 'Retail')], { prune: false });
  const [change] = plan.changes;
  assert.is(change?.action, 'create');
  assert.is(describeReasons(change!), "not in live store, nor is 'VIP' it was renamed from");
});

test('a store with both names is a problem at renamed_from: no guess which group is meant', () => {
  const withPosition = {
    ...gold(),
    source: { file: 'groups/gold.yaml', line: 1, col: 1, positions: { '/renamed_from': { line: 2, col: 1 } } },
  };
  try {
    createPlan([withPosition], [live(3, 'VIP'), live(8, 'Gold')], { prune: false });
    assert.unreachable('a store with both names must be refused');
  } catch (error) {
    assert.instance(error, PlanError);
    const [problem] = (error as PlanError).problems;
    assert.is(
      `${problem?.file}:${problem?.line}:${problem?.col} ${problem?.field}`,
      'groups/gold.yaml:2:1 renamed_from',
    );
    assert.match(problem?.message ?? '', "the store has 'Gold' (id 8) and 'VIP' (id 3)");
    assert.match(problem?.hint ?? '', "drop 'VIP' from renamed_from");
  }
});

test('a pin wins over renamed_from', () => {
  const plan = createPlan([{ ...gold(), id: 8 }], [live(3, 'VIP'), live(8, 'Old gold')], { prune: false });
  assert.equal(
    plan.changes.map((change) => [change.key, describeReasons(change)]),
    [['update:8', 'renamed (pinned id 8)']],
  );
  assert.equal(plan.unmanaged, [{ id: 3, name: 'VIP' }]);
});

test('a group whose file is for other stores is unmanaged here, and deleted only with prune, saying why', () => {
  const excluded = [{ name: 'Trade', file: 'groups/trade.yaml', stores: ['production'] }];
  const kept = createPlan([desired('Retail')], [live(1, 'Retail'), live(5, 'Trade')], { prune: false, excluded });
  assert.equal(kept.changes, []);
  assert.equal(kept.unmanaged, [{ id: 5, name: 'Trade' }]);
  const pruned = createPlan([desired('Retail')], [live(1, 'Retail'), live(5, 'Trade'), live(6, 'Promo')], {
    prune: true,
    excluded,
  });
  assert.equal(
    pruned.changes.map((change) => [change.key, describeReasons(change)]),
    [
      ['delete:6', 'described by no file (prune is on)'],
      ['delete:5', 'groups/trade.yaml is only for production (prune is on)'],
    ],
  );
});

test.run();
