import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BcgroupsError } from '../../src/errors.js';
import type { Change, DesiredGroup, LiveGroup, SavedPlan, UpdateChange } from '../../src/model/index.js';
import { createPlan } from '../../src/plan/index.js';
import { checkConsistent, findInconsistencies, toSavedPlan } from '../../src/planfile/index.js';
import { desired, live, rule } from '../support/groups.js';

function saved(desiredGroups: DesiredGroup[], liveGroups: LiveGroup[], prune = false): SavedPlan {
  return toSavedPlan(createPlan(desiredGroups, liveGroups, { prune }), {
    storeHash: 'abc123',
    desiredHash: 'd',
    liveGroups,
  });
}

/** Rule edits, a rename, a create that takes the guest flag from an unmanaged group, an untouched group. */
const variedLive = [
  live(12, 'Retail', { discount_rules: [rule.category(18, '10.0000')] }),
  live(21, 'Bravo'),
  live(30, 'Quiet'),
  live(40, 'Legacy', { is_group_for_guests: true }),
];
const varied = () =>
  saved(
    [
      desired('Retail', { id: 12, discount_rules: [rule.category(18, 15)] }),
      desired('Bravo Club', { id: 21 }),
      desired('Guests', { is_group_for_guests: true }),
      desired('Quiet', { id: 30 }),
    ],
    variedLive,
  );
const swap = () =>
  saved(
    [desired('Alpha', { id: 20, is_default: true }), desired('Bravo', { id: 21, is_group_for_guests: true })],
    [live(20, 'Alpha', { is_group_for_guests: true }), live(21, 'Bravo', { is_default: true })],
  );
const pruned = () =>
  saved(
    [desired('Retail', { id: 1, is_default: true })],
    [live(1, 'Retail'), live(2, 'Old', { is_default: true })],
    true,
  );

const changeOf = (plan: SavedPlan, key: string) => plan.plan.changes.find((change) => change.key === key) as Change;

test('what the planner writes is consistent: edits, renames, creates, flag moves, swaps, prunes', () => {
  for (const plan of [varied(), swap(), pruned()])
    assert.equal(findInconsistencies(plan), [], JSON.stringify(plan.plan.changes.map((c) => c.key)));
  assert.ok(
    swap().plan.changes.some((change) => change.key === 'update:20/release'),
    'the swap fixture splits a release',
  );
});

test('a body widened beyond its before/after is named with its key', () => {
  const plan = varied();
  (changeOf(plan, 'update:12') as UpdateChange).body.category_access = { type: 'none' };
  assert.equal(findInconsistencies(plan), [
    "change 'update:12': its body sends category_access, which its before/after do not change",
  ]);
  const create = varied();
  changeOf(create, 'create:Guests').body.discount_rules = [{ type: 'all', method: 'percent', amount: '100.0000' }];
  assert.match(findInconsistencies(create).join('\n'), "change 'create:Guests': its body sends discount_rules");
  const altered = varied();
  changeOf(altered, 'update:12').body.discount_rules = [
    { type: 'category', method: 'percent', amount: '90.0000', category_id: 18 },
  ];
  assert.match(
    findInconsistencies(altered).join('\n'),
    "change 'update:12': its body sends discount_rules with other values than its after",
  );
});

test('an after edited together with its body still has to start from the recorded live state and list its fields', () => {
  const plan = varied();
  const retail = changeOf(plan, 'update:12') as UpdateChange;
  retail.after = { ...retail.after, category_access: { type: 'none' } };
  retail.body = { ...retail.body, category_access: { type: 'none' } };
  assert.equal(findInconsistencies(plan), [
    "change 'update:12': it lists fields [discount_rules], but before and after differ in [category_access, discount_rules]",
  ]);
  retail.fields = ['category_access', 'discount_rules'];
  retail.before = { ...retail.before, category_access: { type: 'none' } };
  assert.match(
    findInconsistencies(plan).join('\n'),
    "change 'update:12': its before is not the live state recorded for group 12",
  );
});

test('a change spliced in from another plan disagrees with the summary, the lists and the recorded live states', () => {
  const plan = varied();
  const other = saved([desired('Quiet', { id: 30, category_access: { type: 'none' } })], variedLive);
  plan.plan.changes.push(changeOf(other, 'update:30'));
  const problems = findInconsistencies(plan).join('\n');
  assert.match(
    problems,
    'the summary says 1 create, 3 update, 0 delete, 1 unchanged, 1 unmanaged, but the changes and lists make 1 create, 4 update',
  );
  assert.match(problems, "change 'update:30': group 30 is also listed as unchanged");
  assert.match(problems, "change 'update:30': no live state of group 30 is recorded");
});

test('keys, names, dependencies and the recorded live states must agree with the changes', () => {
  const rekeyed = varied();
  changeOf(rekeyed, 'update:21').key = 'update:99';
  assert.match(
    findInconsistencies(rekeyed).join('\n'),
    "change 'update:99': its key should be 'update:21' for a update of id 21",
  );
  const renamed = varied();
  changeOf(renamed, 'update:21').name = 'Quiet';
  assert.match(
    findInconsistencies(renamed).join('\n'),
    "change 'update:21': it is shown as 'Quiet', but the group is named 'Bravo Club'",
  );
  const lost = varied();
  changeOf(lost, 'create:Guests').depends_on = ['update:77'];
  assert.match(
    findInconsistencies(lost).join('\n'),
    "'create:Guests' depends on 'update:77', which is not in the plan",
  );
  const extra = varied();
  extra.live['30'] = { date_modified: null, fingerprint: '0123456789abcdef' };
  assert.equal(findInconsistencies(extra), ['a live state is recorded for group 30, which no change touches']);
});

test('holder rules must hold at every step the dependencies allow', () => {
  const hasty = varied();
  changeOf(hasty, 'create:Guests').depends_on = [];
  assert.equal(findInconsistencies(hasty), [
    "change 'create:Guests': it gives is_group_for_guests to 'Guests' without waiting for 'update:40', which takes it from 'Legacy', so two groups could hold it at once",
  ]);
  const kept = pruned();
  kept.plan.changes = kept.plan.changes.filter((change) => change.action !== 'delete');
  kept.plan.summary = { ...kept.plan.summary, delete: 0 };
  changeOf(kept, 'update:1').depends_on = [];
  delete kept.live['2'];
  // Old is no longer mentioned at all: whether it still holds the flag is for the stale check, which reads the store.
  assert.equal(findInconsistencies(kept), []);
  const swapped = swap();
  changeOf(swapped, 'update:20').depends_on = [];
  assert.match(
    findInconsistencies(swapped).join('\n'),
    "change 'update:20': it gives is_default to 'Alpha' without waiting for 'update:21'",
  );
});

test('checkConsistent refuses with one message naming the file and every problem', () => {
  const plan = varied();
  (changeOf(plan, 'update:12') as UpdateChange).body.name = 'Hijacked';
  try {
    checkConsistent(plan, 'plan.json');
    assert.unreachable('no throw');
  } catch (error) {
    assert.instance(error, BcgroupsError);
    assert.match(
      (error as Error).message,
      "plan.json is not a plan bcgroups wrote, or was edited since; nothing was sent:\n  - change 'update:12': its body sends name",
    );
    assert.match((error as Error).message, 'Re-create it with `bcgroups plan --out plan.json`');
  }
  assert.not.throws(() => checkConsistent(varied(), 'plan.json'));
});

test('a merge is consistent as planned; one edited to merge into itself or to stop waiting is not', () => {
  const liveGroups = [live(1, 'Retail'), live(2, 'Old')];
  const merging = () => saved([desired('Retail'), { ...desired('Wholesale'), merged_from: ['Old'] }], liveGroups);
  assert.equal(findInconsistencies(merging()), []);
  const intoItself = merging();
  for (const change of intoItself.plan.changes)
    if (change.action === 'delete') change.merge_into = { name: 'Old', id: 2 };
  assert.ok(findInconsistencies(intoItself).some((problem) => problem.includes('merges group 2 into itself')));
  const notWaiting = merging();
  for (const change of notWaiting.plan.changes) if (change.action === 'delete') change.depends_on = [];
  assert.ok(
    findInconsistencies(notWaiting).some((problem) => problem.includes("does not wait for 'create:Wholesale'")),
  );
  const unexplained = merging();
  for (const change of unexplained.plan.changes) if (change.action === 'delete') change.reasons = [{ fact: 'pruned' }];
  assert.ok(findInconsistencies(unexplained).some((problem) => problem.includes('no reason says it merges')));
});

test.run();
