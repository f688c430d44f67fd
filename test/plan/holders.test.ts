import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { UpdateChange } from '../../src/model/index.js';
import { type createPlan, HOLDER_FLAGS } from '../../src/plan/index.js';
import { describeReasons } from '../../src/render/words.js';
import { assertConverges } from './simulate.js';
import { desired, live } from '../support/groups.js';

const WORDS = { is_group_for_guests: 'guest flag', is_default: 'default flag' } as const;

/** [key, body, depends_on, reason] of each change, in plan order. */
const outline = (plan: ReturnType<typeof createPlan>) =>
  plan.changes.map((c) => [c.key, c.body, c.depends_on, describeReasons(c)]);

for (const flag of HOLDER_FLAGS) {
  const words = WORDS[flag];
  const holds = { [flag]: true };

  test(`${flag}: moves from a managed group to a new group`, () => {
    const plan = assertConverges([desired('Old'), desired('New', holds)], [live(1, 'Old', holds)]);
    assert.equal(outline(plan), [
      ['update:1', { [flag]: false }, [], `${words} moves to New`],
      ['create:New', { name: 'New', [flag]: true }, ['update:1'], 'not in live store'],
    ]);
  });

  test(`${flag}: moves between two managed groups`, () => {
    const plan = assertConverges(
      [desired('Old', { id: 1 }), desired('New', { id: 2, ...holds })],
      [live(1, 'Old', holds), live(2, 'New')],
    );
    assert.equal(
      outline(plan),
      [
        ['update:2', { [flag]: true }, ['update:1'], 'changed in groups/new.yaml'],
        ['update:1', { [flag]: false }, [], `${words} moves to New`],
      ].reverse(),
    );
  });

  test(`${flag}: the old holder's own edits ride along in the same request`, () => {
    const plan = assertConverges(
      [desired('Old', { category_access: { type: 'none' } }), desired('New', holds)],
      [live(1, 'Old', holds)],
    );
    assert.equal(outline(plan)[0], [
      'update:1',
      { [flag]: false, category_access: { type: 'none' } },
      [],
      `changed in groups/old.yaml; ${words} moves to New`,
    ]);
    assert.is(plan.changes.length, 2);
  });

  test(`${flag}: an unmanaged holder gets an update of just that flag`, () => {
    const plan = assertConverges(
      [desired('New', holds)],
      [live(1, 'New'), live(9, 'Legacy', { ...holds, category_access: { type: 'none' } })],
    );
    assert.equal(outline(plan), [
      ['update:9', { [flag]: false }, [], `described by no file; ${words} moves to New`],
      ['update:1', { [flag]: true }, ['update:9'], 'changed in groups/new.yaml'],
    ]);
    assert.is((plan.changes[0] as UpdateChange).kind, 'unmanaged_release');
    assert.equal(plan.unmanaged, [{ id: 9, name: 'Legacy' }]);
    assert.equal(plan.summary.update, 2);
  });

  test(`${flag}: an unmanaged holder that is pruned is deleted first, with no extra update`, () => {
    const plan = assertConverges([desired('New', holds)], [live(9, 'Legacy', holds)], { prune: true });
    assert.equal(outline(plan), [
      ['delete:9', {}, [], `described by no file (prune is on); ${words} moves to New`],
      ['create:New', { name: 'New', [flag]: true }, ['delete:9'], 'not in live store'],
    ]);
  });

  test(`${flag}: an unmanaged holder keeps the flag when no file claims it`, () => {
    const plan = assertConverges([desired('Retail')], [live(1, 'Retail'), live(9, 'Legacy', holds)]);
    assert.equal(plan.changes, []);
  });

  test(
    `${flag}: a managed holder that gives the flag to no one is cleared, ` +
      'and the plan says the store is left without one',
    () => {
      const role = flag === 'is_default' ? 'default' : 'guest';
      const plan = assertConverges([desired('Retail')], [live(1, 'Retail', holds)]);
      assert.equal(outline(plan), [
        ['update:1', { [flag]: false }, [], `changed in groups/retail.yaml; the store is left without a ${role} group`],
      ]);
      const pruned = assertConverges([desired('Other')], [live(1, 'Retail', holds), live(2, 'Other')], { prune: true });
      assert.equal(outline(pruned), [
        ['delete:1', {}, [], `described by no file (prune is on); the store is left without a ${role} group`],
      ]);
    },
  );

  test(`${flag}: a holder that keeps it needs no request`, () => {
    const plan = assertConverges(
      [desired('Retail', holds), desired('Other')],
      [live(1, 'Retail', holds), live(2, 'Other')],
    );
    assert.equal(plan.changes, []);
  });

  test(`${flag}: a renamed holder hands it over under its new name`, () => {
    const plan = assertConverges([desired('Trade', { id: 1 }), desired('New', holds)], [live(1, 'Wholesale', holds)]);
    assert.equal(outline(plan)[0], [
      'update:1',
      { name: 'Trade', [flag]: false },
      [],
      `renamed (pinned id 1); ${words} moves to New`,
    ]);
  });
}

test('both flags leave one unmanaged group in a single request', () => {
  const plan = assertConverges(
    [desired('Guests', { is_group_for_guests: true }), desired('Retail', { is_default: true })],
    [live(9, 'Legacy', { is_default: true, is_group_for_guests: true })],
  );
  assert.equal(outline(plan), [
    [
      'update:9',
      { is_default: false, is_group_for_guests: false },
      [],
      'described by no file; guest flag moves to Guests; default flag moves to Retail',
    ],
    ['create:Guests', { name: 'Guests', is_group_for_guests: true }, ['update:9'], 'not in live store'],
    ['create:Retail', { name: 'Retail', is_default: true }, ['update:9'], 'not in live store'],
  ]);
});

test('both flags move together from one group to another', () => {
  const both = { is_default: true, is_group_for_guests: true };
  const plan = assertConverges(
    [desired('A', { id: 1 }), desired('B', { id: 2, ...both })],
    [live(1, 'A', both), live(2, 'B')],
  );
  assert.equal(outline(plan), [
    [
      'update:1',
      { is_default: false, is_group_for_guests: false },
      [],
      'guest flag moves to B; default flag moves to B',
    ],
    ['update:2', { is_default: true, is_group_for_guests: true }, ['update:1'], 'changed in groups/b.yaml'],
  ]);
});

test('a chain (guest A -> B, default B -> C) needs no split', () => {
  const plan = assertConverges(
    [
      desired('A', { id: 1 }),
      desired('B', { id: 2, is_group_for_guests: true }),
      desired('C', { id: 3, is_default: true }),
    ],
    [live(1, 'A', { is_group_for_guests: true }), live(2, 'B', { is_default: true }), live(3, 'C')],
  );
  assert.equal(outline(plan), [
    ['update:1', { is_group_for_guests: false }, [], 'guest flag moves to B'],
    [
      'update:2',
      { is_default: false, is_group_for_guests: true },
      ['update:1'],
      'changed in groups/b.yaml; default flag moves to C',
    ],
    ['update:3', { is_default: true }, ['update:2'], 'changed in groups/c.yaml'],
  ]);
  assert.is(plan.changes.length, 3);
});

test('a swap (A guest, B default -> A default, B guest) is broken by a separate release', () => {
  const plan = assertConverges(
    [desired('A', { id: 1, is_default: true }), desired('B', { id: 2, is_group_for_guests: true })],
    [live(1, 'A', { is_group_for_guests: true }), live(2, 'B', { is_default: true })],
  );
  assert.equal(outline(plan), [
    [
      'update:1/release',
      { is_group_for_guests: false },
      [],
      'guest flag moves to B (released first: the two groups swap flags)',
    ],
    [
      'update:2',
      { is_default: false, is_group_for_guests: true },
      ['update:1/release'],
      'changed in groups/b.yaml; default flag moves to A',
    ],
    ['update:1', { is_default: true }, ['update:2'], 'changed in groups/a.yaml'],
  ]);
  const [release, , main] = plan.changes as UpdateChange[];
  assert.equal(release?.fields, ['is_group_for_guests']);
  assert.equal(main?.fields, ['is_default']);
  assert.is(main?.before.is_group_for_guests, false, 'the main update starts from the released state');
  assert.is(plan.summary.update, 2, 'two groups are updated, in three requests');
  assert.is(plan.changes.length, 3);
});

test('a swap with other edits keeps them in the main update', () => {
  const plan = assertConverges(
    [
      desired('A', { id: 1, is_group_for_guests: true, category_access: { type: 'none' } }),
      desired('B', { id: 2, is_default: true, name: 'Bee' }),
    ],
    [live(1, 'A', { is_default: true }), live(2, 'B', { is_group_for_guests: true })],
  );
  assert.equal(
    plan.changes.map((c) => [c.key, c.body]),
    [
      ['update:1/release', { is_default: false }],
      ['update:2', { name: 'Bee', is_default: true, is_group_for_guests: false }],
      ['update:1', { is_group_for_guests: true, category_access: { type: 'none' } }],
    ],
  );
});

test('a group that hands one flag over and leaves the other to no one says both', () => {
  const both = { is_default: true, is_group_for_guests: true };
  const plan = assertConverges(
    [desired('A', { id: 1 }), desired('B', { id: 2, is_group_for_guests: true })],
    [live(1, 'A', both), live(2, 'B')],
  );
  assert.equal(outline(plan), [
    [
      'update:1',
      { is_default: false, is_group_for_guests: false },
      [],
      'the store is left without a default group; guest flag moves to B',
    ],
    ['update:2', { is_group_for_guests: true }, ['update:1'], 'changed in groups/b.yaml'],
  ]);
});

test.run();
