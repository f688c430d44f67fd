import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PlanError, type Problem } from '../../src/errors.js';
import type { DesiredGroup, LiveGroup } from '../../src/model/index.js';
import { createPlan } from '../../src/plan/index.js';
import { desired, live } from '../support/groups.js';

function problemsOf(desiredGroups: DesiredGroup[], liveGroups: LiveGroup[]): Problem[] {
  try {
    createPlan(desiredGroups, liveGroups, { prune: true });
  } catch (error) {
    assert.instance(error, PlanError);
    return (error as PlanError).problems;
  }
  throw new Error('expected a PlanError');
}

test('a pin to a missing id is an error at the id line', () => {
  const problems = problemsOf([desired('Retail', { id: 40 })], [live(12, 'Retail')]);
  assert.equal(
    problems.map((p) => [p.file, p.line, p.col, p.field]),
    [['groups/retail.yaml', 2, 5, 'id']],
  );
  assert.match(problems[0]?.message ?? '', 'pinned id 40 does not exist');
});

test('a name that belongs to another group than the pin says which', () => {
  const problems = problemsOf([desired('Retail', { id: 12 })], [live(12, 'Wholesale'), live(14, 'Retail')]);
  assert.equal(
    problems.map((p) => p.field),
    ['name'],
  );
  assert.match(
    problems[0]?.message ?? '',
    "name 'Retail' belongs to live group 14, but this file pins id 12 (now 'Wholesale')",
  );
});

test('a name that differs from a live group only in case is a problem, not a create the store may refuse', () => {
  const problems = problemsOf([desired('VIP')], [live(4, 'vip')]);
  assert.equal(
    problems.map((p) => p.field),
    ['name'],
  );
  assert.match(problems[0]?.message ?? '', "name 'VIP' differs only in case from live group 4 ('vip')");
  assert.match(problems[0]?.hint ?? '', 'Pin id: 4');
  const plan = createPlan([desired('VIP', { id: 4 })], [live(4, 'vip')], { prune: true });
  assert.equal(
    plan.changes.map((c) => [c.key, c.body]),
    [['update:4', { name: 'VIP' }]],
    'with the pin it is a rename',
  );
  assert.equal(
    problemsOf([desired('Gold', { id: 4 })], [live(4, 'Silver'), live(5, 'GOLD')]).map((p) => p.field),
    ['name'],
    'a pinned rename onto another name in any case',
  );
});

test('two desired groups matching one live group are an error naming the first file', () => {
  const problems = problemsOf(
    [desired('Retail', { file: 'groups/a.yaml' }), desired('Trade', { id: 12, file: 'groups/b.yaml' })],
    [live(12, 'Retail')],
  );
  assert.equal(
    problems.map((p) => [p.file, p.field]),
    [['groups/b.yaml', 'id']],
  );
  assert.match(problems[0]?.message ?? '', "matches live group 12 ('Retail'), which groups/a.yaml:1:1 also matches");
});

test('every problem is collected before failing', () => {
  const problems = problemsOf(
    [desired('A', { id: 1 }), desired('B', { id: 2 }), desired('C', { id: 3 })],
    [live(3, 'C')],
  );
  assert.equal(
    problems.map((p) => p.file),
    ['groups/a.yaml', 'groups/b.yaml'],
  );
});

test('a pin matching its own name, and names without pins, are fine', () => {
  const plan = createPlan([desired('Retail', { id: 12 }), desired('Trade')], [live(12, 'Retail'), live(13, 'Trade')], {
    prune: true,
  });
  assert.equal(plan.changes, []);
  assert.equal(
    plan.unchanged.map((g) => g.id),
    [12, 13],
  );
});

test('one live id twice is refused before matching, naming the id and both names', () => {
  const error = (() => {
    try {
      createPlan([desired('Retail')], [live(7, 'Retail'), live(7, 'Wholesale')], { prune: true });
    } catch (thrown) {
      return thrown;
    }
    return undefined;
  })();
  assert.instance(error, PlanError);
  assert.match((error as PlanError).message, "id 7: 2 groups ('Retail', 'Wholesale')");
});

test('an exact name two live groups hold binds to neither without a pin, and to the pinned one with it', () => {
  const problems = problemsOf([desired('Retail')], [live(7, 'Retail'), live(9, 'Retail')]);
  assert.equal(
    problems.map((p) => p.field),
    ['name'],
  );
  assert.match(problems[0]?.message ?? '', "matches 2 live groups: 7 ('Retail'), 9 ('Retail')");
  assert.match(problems[0]?.hint ?? '', 'id: 7 or id: 9');
  const plan = createPlan([desired('Retail', { id: 9 })], [live(7, 'Retail'), live(9, 'Retail')], { prune: false });
  assert.equal([plan.unchanged.map((g) => g.id), plan.unmanaged.map((g) => g.id)], [[9], [7]]);
});

test.run();
