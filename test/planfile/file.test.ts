import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BcgroupsError } from '../../src/errors.js';
import { fingerprint } from '../../src/model/normalize.js';
import { createPlan } from '../../src/plan/index.js';
import { parseSavedPlan, toSavedPlan } from '../../src/planfile/index.js';
import { desired, live, rule } from '../support/groups.js';

const liveGroups = [
  live(1, 'Retail', { date_modified: '2024-07-01 10:00:00' }),
  live(2, 'Legacy', { is_default: true, date_modified: 'Tue, 02 Jul 2024 10:00:00 +0000' }),
  live(3, 'Quiet'),
];
const plan = createPlan(
  [desired('Retail', { discount_rules: [rule.all(5)] }), desired('Quiet'), desired('New', { is_default: true })],
  liveGroups,
  { prune: false },
);
const context = { storeHash: 'abc123', desiredHash: 'd35', liveGroups, now: new Date('2024-08-01T12:00:00Z') };
const saved = toSavedPlan(plan, context);

test('the saved plan records every touched live group, and only those', () => {
  const saved = toSavedPlan(plan, context);
  assert.equal(saved.live, {
    '1': { date_modified: '2024-07-01 10:00:00', fingerprint: fingerprint(liveGroups[0]!) },
    '2': { date_modified: 'Tue, 02 Jul 2024 10:00:00 +0000', fingerprint: fingerprint(liveGroups[1]!) },
  });
  assert.equal(
    [saved.format_version, saved.store_hash, saved.desired_hash, saved.created_at],
    [2, 'abc123', 'd35', '2024-08-01T12:00:00.000Z'],
  );
  assert.equal(saved.plan.changes, plan.changes);
});

test('a saved plan survives a round trip through its text', () => {
  const saved = toSavedPlan(plan, context);
  assert.equal(parseSavedPlan(JSON.stringify(saved, null, 2), 'plan.json'), saved);
});

test('the saved plan holds only the documented keys (no room for a token)', () => {
  assert.equal(Object.keys(saved).sort(), [
    'created_at',
    'desired_hash',
    'forced',
    'format_version',
    'live',
    'plan',
    'store_hash',
  ]);
  assert.equal(Object.keys(saved.plan).sort(), ['changes', 'refusals', 'summary', 'unchanged', 'unmanaged']);
  const withToken = { ...saved, access_token: 'secret' };
  assert.throws(() => parseSavedPlan(JSON.stringify(withToken), 'plan.json'), /access_token|additional properties/);
  const tokenInPlan = { ...saved, plan: { ...saved.plan, access_token: 'secret' } };
  assert.throws(() => parseSavedPlan(JSON.stringify(tokenInPlan), 'plan.json'), /access_token|additional properties/);
});

const withChange = (change: unknown) => JSON.stringify({ ...saved, plan: { ...saved.plan, changes: [change] } });

const badInputs: [string, string, RegExp][] = [
  ['not JSON', '{"format_version": 1', /plan\.json is not a saved plan: not valid JSON/],
  [
    'a plain JSON plan without the saved extras',
    JSON.stringify({
      format_version: 1,
      summary: plan.summary,
      changes: [],
      unchanged: [],
      unmanaged: [],
      refusals: [],
    }),
    /store_hash/,
  ],
  ['another format version', JSON.stringify({ ...toSavedPlan(plan, context), format_version: 3 }), /format_version/],
  [
    'a file of format 1, whose refusals were sentences',
    JSON.stringify({ ...toSavedPlan(plan, context), format_version: 1 }),
    /format 1, written by an earlier bcgroups.*Re-create it with `bcgroups plan --out plan\.json`/,
  ],
  ['a body with an id', withChange({ ...plan.changes[0], body: { id: 4 } }), /changes\/0/],
  ['a malformed key', withChange({ ...plan.changes[0], key: 'update:x' }), /changes\/0/],
];

for (const [title, text, message] of badInputs) {
  test(`rejects ${title}, naming the file`, () => {
    try {
      parseSavedPlan(text, 'plan.json');
      assert.unreachable('should throw');
    } catch (error) {
      assert.instance(error, BcgroupsError);
      assert.match((error as Error).message, 'plan.json');
      assert.match((error as Error).message, message);
    }
  });
}

test('a touched group missing from the live groups is an error, not a silent gap', () => {
  assert.throws(() => toSavedPlan(plan, { ...context, liveGroups: liveGroups.slice(1) }), /group 1/);
});

test.run();
