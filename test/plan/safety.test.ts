import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Change, SafetyConfig } from '../../src/model/index.js';
import { DEFAULT_SAFETY } from '../../src/config/index.js';
import { checkSafety } from '../../src/plan/index.js';
import { createPlan } from '../../src/plan/index.js';
import { describeRefusalWithOverride } from '../../src/render/refusal.js';
import { desired, live } from '../support/groups.js';

/** A plan of `deletes` deletes and `updates` updated groups in a store of `liveCount` groups. */
function planOf(deletes: number, updates: number, liveCount: number): { changes: Change[] } {
  const liveGroups = Array.from({ length: liveCount }, (_, i) => live(i + 1, `G${i + 1}`));
  const desiredGroups = liveGroups
    .slice(deletes)
    .map((g, i) => desired(g.name, i < updates ? { category_access: { type: 'none' } } : {}));
  return createPlan(desiredGroups, liveGroups, { prune: true });
}

const cases: {
  title: string;
  deletes: number;
  updates: number;
  live: number;
  safety?: Partial<SafetyConfig>;
  checks: string[];
}[] = [
  { title: '5 deletes of 40 pass', deletes: 5, updates: 0, live: 40, checks: [] },
  { title: '6 deletes of 40 exceed maxDeletes', deletes: 6, updates: 0, live: 40, checks: ['maxDeletes'] },
  { title: '3 deletes of 12 (25%) pass', deletes: 3, updates: 0, live: 12, checks: [] },
  {
    title: '3 deletes of 11 (27%) exceed maxDeletePercent',
    deletes: 3,
    updates: 0,
    live: 11,
    checks: ['maxDeletePercent'],
  },
  { title: '6 deletes of 6 exceed both', deletes: 6, updates: 0, live: 6, checks: ['maxDeletes', 'maxDeletePercent'] },
  { title: '5 updates of 10 (50%) pass', deletes: 0, updates: 5, live: 10, checks: [] },
  { title: '6 updates of 10 exceed maxUpdatePercent', deletes: 0, updates: 6, live: 10, checks: ['maxUpdatePercent'] },
  {
    title: 'deleting 1 of 1 group counts as 1 of 10 and passes, as updating it does',
    deletes: 1,
    updates: 0,
    live: 1,
    checks: [],
  },
  { title: 'updating 1 of 1 group passes', deletes: 0, updates: 1, live: 1, checks: [] },
  {
    title: 'deleting 3 of 4 groups counts as 30% and is refused',
    deletes: 3,
    updates: 0,
    live: 4,
    checks: ['maxDeletePercent'],
  },
  {
    title: 'updating 6 of 9 groups counts as 60% and is refused, as deleting most of them is',
    deletes: 0,
    updates: 6,
    live: 9,
    checks: ['maxUpdatePercent'],
  },
  { title: 'updating 5 of 9 groups counts as 50% and passes', deletes: 0, updates: 5, live: 9, checks: [] },
  {
    title: 'a lower minimum makes the share of a small store its real share',
    deletes: 1,
    updates: 0,
    live: 2,
    safety: { minGroupsForPercent: 0 },
    checks: ['maxDeletePercent'],
  },
  { title: 'config raises a limit', deletes: 6, updates: 0, live: 40, safety: { maxDeletes: 10 }, checks: [] },
  {
    title: 'config lowers a limit',
    deletes: 1,
    updates: 0,
    live: 40,
    safety: { maxDeletes: 0 },
    checks: ['maxDeletes'],
  },
];

for (const c of cases) {
  test(c.title, () => {
    const refusals = checkSafety(planOf(c.deletes, c.updates, c.live), c.live, { ...DEFAULT_SAFETY, ...c.safety });
    assert.equal(
      refusals.map((r) => r.check),
      c.checks,
    );
  });
}

test('each refusal names the threshold, the numbers and --force', () => {
  const refusals = checkSafety(planOf(6, 0, 12), 12, DEFAULT_SAFETY);
  assert.equal(refusals.map(describeRefusalWithOverride), [
    'Refusing to delete 6 groups: more than safety.maxDeletes (5). Re-run with --force to allow it.',
    'Refusing to delete 6 of 12 groups (50%): more than safety.maxDeletePercent (25%). Re-run with --force to allow it.',
  ]);
  assert.equal(
    refusals.map((r) => [r.limit, r.actual]),
    [
      [5, 6],
      [25, 50],
    ],
  );
  const updates = checkSafety(planOf(0, 7, 12), 12, DEFAULT_SAFETY);
  assert.equal(updates.map(describeRefusalWithOverride), [
    'Refusing to update 7 of 12 groups (58.3%): more than safety.maxUpdatePercent (50%). Re-run with --force to allow it.',
  ]);
  assert.equal(
    updates.map((r) => r.actual),
    [58.33],
  );
});

test('in a small store the refusal says the share was counted of the minimum', () => {
  const refusals = checkSafety(planOf(4, 0, 4), 4, DEFAULT_SAFETY);
  assert.equal(refusals.map(describeRefusalWithOverride), [
    'Refusing to delete 4 of 4 groups (40%, counted as a share of 10 groups, safety.minGroupsForPercent, since the store has fewer): more than safety.maxDeletePercent (25%). Re-run with --force to allow it.',
  ]);
  assert.equal(
    refusals.map((r) => [r.limit, r.actual]),
    [[25, 40]],
  );
});

test('a delete that something names, or whose references were not all read, is refused; one never read is not', () => {
  const plan = planOf(3, 0, 40);
  const [named, unread, clean] = plan.changes;
  const withReferences = {
    changes: plan.changes.map((change) => {
      if (change.action !== 'delete') return change;
      if (change === named)
        return { ...change, references: [{ kind: 'tax_zone', id: 4, name: 'EU', role: 'shoppers' }], unchecked: [] };
      if (change === unread) return { ...change, references: [], unchecked: ['promotion'] };
      return change === clean ? { ...change, references: [], unchecked: [] } : change;
    }) as Change[],
  };
  const refusals = checkSafety(withReferences, 40, DEFAULT_SAFETY).filter((refusal) => refusal.check === 'references');
  assert.is(refusals.length, 1);
  const refusal = refusals[0];
  assert.ok(refusal?.check === 'references');
  assert.equal(
    refusal.groups.map((group) => group.id),
    [named?.action === 'delete' ? named.id : 0, unread?.action === 'delete' ? unread.id : 0],
  );
  assert.match(describeRefusalWithOverride(refusal), "tax zone 'EU' (id 4): targets this group's shoppers");
  assert.match(
    describeRefusalWithOverride(refusal),
    'promotions not checked (needs scope store_v2_marketing_read_only)',
  );
  assert.equal(
    checkSafety(plan, 40, DEFAULT_SAFETY).filter((found) => found.check === 'references'),
    [],
  );
});

test.run();
