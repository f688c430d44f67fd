import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RefusedPlanError, StalePlanError, UsageError } from '../../src/errors.js';
import { DEFAULT_SAFETY } from '../../src/config/index.js';
import { createPlan } from '../../src/plan/index.js';
import { checkAgainstStore, checkPlannedRefusals, checkSameStore, toSavedPlan } from '../../src/planfile/index.js';
import { live } from '../support/groups.js';

// Prune on with nothing desired: both live groups are deleted, more than the thresholds allow.
const liveGroups = [live(1, 'Old A'), live(2, 'Old B')];
const plan = createPlan([], liveGroups, { prune: true });
const saved = toSavedPlan(plan, { storeHash: 'abc123', desiredHash: 'd', liveGroups });
const context = {
  file: 'p.json',
  replan: (flags: { prune: boolean; force: boolean }) =>
    `replan ${flags.prune ? 'prune ' : ''}${flags.force ? 'force' : ''}`.trim(),
};
const safety = { ...DEFAULT_SAFETY, maxDeletes: 1 };

function thrown(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

test('refusals recorded when planning refuse the file before the store is asked', () => {
  const refused = {
    ...saved,
    plan: {
      ...plan,
      refusals: [{ check: 'maxDeletes' as const, limit: 1, actual: 2, override: '--force' as const }],
    },
  };
  const error = thrown(() => checkPlannedRefusals(refused, context));
  assert.instance(error, RefusedPlanError);
  assert.match(
    (error as Error).message,
    'p.json was refused by a safety check when it was planned:\n' +
      '  ! Refusing to delete 2 groups: more than safety.maxDeletes (1).\n',
  );
  assert.match((error as Error).message, '`replan prune force`');
  assert.is(
    thrown(() => checkPlannedRefusals(saved, context)),
    undefined,
  );
});

const SAFETY_CHECKS_RUN_AGAIN =
  'the safety checks run again against the store now, unless the plan was forced and apply is given --force too';
test(SAFETY_CHECKS_RUN_AGAIN, () => {
  const store = { storeHash: 'abc123', liveGroups, safety };
  const error = thrown(() => checkAgainstStore(saved, store, context));
  assert.instance(error, RefusedPlanError);
  assert.match((error as Error).message, 'p.json would be refused by the safety checks:');
  assert.instance(
    thrown(() => checkAgainstStore(saved, { ...store, force: true }, context)),
    RefusedPlanError,
    '--force on apply does not force a plan made without it',
  );
  const forcedInFile = thrown(() => checkAgainstStore({ ...saved, forced: true }, store, context));
  assert.instance(forcedInFile, RefusedPlanError, 'a forced flag in the file alone overrides nothing');
  assert.match(
    (forcedInFile as Error).message,
    'p.json was made with --force, and the safety checks would refuse it now:',
  );
  assert.match((forcedInFile as Error).message, 'run `bcgroups apply p.json --force`');
  assert.equal(
    checkAgainstStore({ ...saved, forced: true }, { ...store, force: true }, context).map((refusal) => refusal.check),
    ['maxDeletes'],
    'what --force overrides, for the printed plan',
  );
});

test('a stale plan is a StalePlanError quoting the re-plan with the flags it was made with', () => {
  const error = thrown(() =>
    checkAgainstStore(
      { ...saved, forced: true },
      { storeHash: 'abc123', liveGroups: [live(1, 'Old A', { is_default: true }), liveGroups[1]!], safety },
      context,
    ),
  );
  assert.instance(error, StalePlanError);
  assert.match((error as Error).message, "group 'Old A' (id 1) changed content since planning");
  assert.match((error as Error).message, 'Re-run `replan prune force`');
});

test('another store is a usage error naming both stores, not a stale plan', () => {
  assert.is(
    thrown(() => checkSameStore(saved, 'abc123', context)),
    undefined,
  );
  for (const run of [
    () => checkSameStore(saved, 'zzz999', context),
    () => checkAgainstStore(saved, { storeHash: 'zzz999', liveGroups, safety }, context),
  ]) {
    const error = thrown(run);
    assert.instance(error, UsageError);
    assert.match(
      (error as Error).message,
      "p.json was made for store 'abc123', but this run is configured for store 'zzz999'",
    );
  }
});

test.run();
