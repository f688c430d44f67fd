import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyPlan } from '../../src/apply/run.js';
import { verifyConverged } from '../../src/apply/verify.js';
import type { BigCommerceClient } from '../../src/bigcommerce/index.js';
import { BcgroupsError } from '../../src/errors.js';
import type { Change, ChangeResult, DesiredGroup, GroupState, LiveGroup } from '../../src/model/index.js';
import { canonicalJson, pickState } from '../../src/model/normalize.js';
import { createPlan } from '../../src/plan/create-plan.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import type { SandboxOptions, SeedGroup } from '../../src/sandbox/options.js';
import { clientFor, seededRandom, withSandbox } from '../support/sandbox.js';
import { createChange, state, updateChange } from '../support/groups.js';

function desired(name: string, over: Partial<DesiredGroup> = {}): DesiredGroup {
  return { ...state(name), source: { file: `groups/${name}.yaml`, line: 1, col: 1, positions: {} }, ...over };
}

/** Fault draws in a fixed order: the given values first, then never a fault. */
function scriptedRandom(values: number[]): () => number {
  const queue = [...values];
  return () => queue.shift() ?? 0.99;
}

function withStore(options: SandboxOptions, run: (sandbox: Sandbox, api: BigCommerceClient) => Promise<void>) {
  return withSandbox(options, (sandbox) => run(sandbox, clientFor(sandbox, { retryBaseMs: 1, timeoutMs: 5_000 })));
}

/** Plans desired against the store, applies, and returns the results and the store afterwards. */
/** `reader` lists the store before and after; it may differ from the client that writes, so a test can
 *  make writes fragile without making its own view of the store depend on which request draws a fault. */
async function planAndApply(
  api: BigCommerceClient,
  desiredGroups: DesiredGroup[],
  concurrency = 4,
  reader: BigCommerceClient = api,
) {
  const plan = createPlan(desiredGroups, await reader.listGroups(), { prune: true });
  const results = await applyPlan(plan.changes, api, { concurrency });
  const liveGroups = await reader.listGroups();
  return { plan, results, liveGroups };
}

const outcomes = (results: ChangeResult[]) => results.map((result) => result.outcome);
const byName = (liveGroups: LiveGroup[], name: string) => liveGroups.find((group) => group.name === name);

const concurrency = suite('applyPlan: concurrency');

for (const limit of [3, 8]) {
  concurrency(`a 60-change plan keeps exactly ${limit} requests in flight`, async () => {
    await withStore({ latencyMs: 20 }, async (sandbox, api) => {
      const changes = Array.from({ length: 60 }, (_, i) => createChange(state(`Group ${i}`)));
      const progress: number[] = [];
      sandbox.resetCounters();
      const results = await applyPlan(changes, api, { concurrency: limit, onResult: (_r, p) => progress.push(p.done) });
      assert.is(sandbox.counters.maxInFlight, limit);
      assert.equal(
        outcomes(results),
        changes.map(() => 'applied'),
      );
      assert.equal(
        results.map((r) => r.key),
        changes.map((c) => c.key),
      );
      assert.equal(
        progress,
        changes.map((_c, i) => i + 1),
      );
      const liveGroups = await api.listGroups();
      assert.is(liveGroups.length, 60);
      assert.equal(results.map((r) => r.id).sort(), liveGroups.map((g) => g.id).sort());
      assert.equal(
        outcomes(verifyConverged(changes, results, liveGroups)),
        changes.map(() => 'applied'),
      );
    });
  });
}

concurrency('a broken plan fails before any request', async () => {
  await withStore({}, async (sandbox, api) => {
    sandbox.resetCounters();
    const broken = [createChange(state('A'), ['update:404']), createChange(state('B'))];
    try {
      await applyPlan(broken, api, { concurrency: 4 });
      assert.unreachable('should throw');
    } catch (error) {
      assert.instance(error, BcgroupsError);
      assert.match((error as Error).message, /update:404/);
    }
    assert.equal(sandbox.counters.requests, {});
  });
});

concurrency.run();

const order = suite('applyPlan: dependency order');

/** Where in the sandbox log (answer order) the request of a change was answered. */
function logIndexOf(sandbox: Sandbox, change: Change): number {
  const method = { create: 'POST', update: 'PUT', delete: 'DELETE' }[change.action];
  const path = change.action === 'create' ? '/customer_groups' : `/customer_groups/${change.id}`;
  const body = canonicalJson(change.action === 'delete' ? undefined : change.body);
  return sandbox.log.findIndex(
    (entry) =>
      entry.status < 300 && entry.method === method && entry.path.endsWith(path) && canonicalJson(entry.body) === body,
  );
}

for (const mode of ['strict', 'move'] as const) {
  order(`guest and default flags move and swap in dependency order (guestMode ${mode})`, async () => {
    const seed: SeedGroup[] = [
      { name: 'Retail', is_group_for_guests: true },
      { name: 'Wholesale', is_default: true },
      { name: 'Old guests' },
    ];
    // The first two requests answered fail once and are retried later: an applier that did not wait for
    // dependencies would let a setter overtake its delayed releaser.
    const random = scriptedRandom([0, 0]);
    await withStore(
      { seed, guestMode: mode, defaultMode: mode, latencyMs: 2, faultRate: 0.5, random },
      async (sandbox, api) => {
        // Retail and Wholesale swap their flags; a new group also appears.
        const desiredGroups = [
          desired('Retail', { is_default: true }),
          desired('Wholesale', { is_group_for_guests: true }),
          desired('Old guests'),
          desired('New'),
        ];
        sandbox.setOptions({ faultRate: 0 });
        const plan = createPlan(desiredGroups, await api.listGroups(), { prune: true });
        sandbox.setOptions({ faultRate: 0.5 });
        const dependent = plan.changes.filter((change) => change.depends_on.length > 0);
        assert.ok(dependent.length >= 2, 'the plan orders the flag moves');
        // Listed setters first: only depends_on may hold them back.
        const changes = [...plan.changes].reverse();
        sandbox.resetCounters();
        const results = await applyPlan(changes, api, { concurrency: 8 });
        assert.equal(
          outcomes(results),
          changes.map(() => 'applied'),
          JSON.stringify(results),
        );
        assert.equal(
          sandbox.log.filter((entry) => entry.status >= 400 && entry.status !== 500),
          [],
        );
        assert.is(sandbox.counters.faults, 2);
        for (const change of dependent) {
          for (const key of change.depends_on) {
            const dependency = changes.find((c) => c.key === key) as Change;
            assert.ok(
              logIndexOf(sandbox, dependency) >= 0 && logIndexOf(sandbox, dependency) < logIndexOf(sandbox, change),
              `${key} before ${change.key}`,
            );
          }
        }
        const liveGroups = await api.listGroups();
        assert.is(
          liveGroups
            .filter((g) => g.is_group_for_guests)
            .map((g) => g.name)
            .join(),
          'Wholesale',
        );
        assert.is(
          liveGroups
            .filter((g) => g.is_default)
            .map((g) => g.name)
            .join(),
          'Retail',
        );
        assert.ok(byName(liveGroups, 'New'));
        assert.equal(
          outcomes(verifyConverged(changes, results, liveGroups)),
          changes.map(() => 'applied'),
        );
      },
    );
  });
}

order('a failed dependency skips its dependents, and theirs, but nothing else', async () => {
  await withStore({ seed: [{ name: 'Taken' }, { name: 'Gold' }] }, async (_sandbox, api) => {
    const [taken, gold] = (await api.listGroups()).sort((a, b) => a.id - b.id) as [LiveGroup, LiveGroup];
    const changes: Change[] = [
      // Duplicate name: the store refuses it.
      { ...createChange(state('Taken')), key: 'create:Taken-again' },
      updateChange(gold.id, pickState(gold), state('Gold', { is_default: true }), {
        depends_on: ['create:Taken-again'],
      }),
      createChange(state('Platinum'), [`update:${gold.id}`]),
      createChange(state('Independent')),
    ];
    const results = await applyPlan(changes, api, { concurrency: 4 });
    assert.equal(outcomes(results), ['failed', 'skipped', 'skipped', 'applied']);
    assert.ok((results[0]?.status ?? 0) >= 400);
    assert.ok(results[0]?.error);
    assert.is(results[1]?.error, 'depends on create:Taken-again which failed');
    assert.is(results[2]?.error, `depends on update:${gold.id} which was skipped`);
    const liveGroups = await api.listGroups();
    assert.equal(liveGroups.map((g) => g.name).sort(), ['Gold', 'Independent', 'Taken']);
    assert.is(byName(liveGroups, 'Gold')?.is_default, false);
    assert.ok(taken);
  });
});

order.run();

const faults = suite('applyPlan: faults');

faults('500s, ambiguous creates and 429 storms: failed changes are reported, one re-run converges', async () => {
  const seed: SeedGroup[] = Array.from({ length: 20 }, (_, i) => ({ name: `Existing ${i}` }));
  const options: SandboxOptions = {
    seed,
    faultRate: 0.2,
    ambiguousCreateRate: 0.2,
    rateLimit429WithoutHeaders: 0.1,
    quota: 40,
    windowMs: 300,
    random: seededRandom(7),
  };
  await withStore(options, async (sandbox, api) => {
    // The first run never retries, so faults become failed results rather than being absorbed.
    const fragileApi = clientFor(sandbox, { retryBaseMs: 500, retries: 0, timeoutMs: 5_000 });
    // The re-run and every read retry more than the default, so at a 20% fault rate they finish whatever
    // the seeded draws give each request (5 tries would still lose about one run in a hundred).
    const sturdyApi = clientFor(sandbox, { retryBaseMs: 1, retries: 10, timeoutMs: 5_000 });
    const rule = (amount: number): GroupState['discount_rules'] => [{ type: 'all', method: 'percent', amount }];
    // Update the first 10, delete the other 10 (prune), create 20.
    const desiredGroups = [
      ...Array.from({ length: 10 }, (_, i) => desired(`Existing ${i}`, { discount_rules: rule(i + 1) })),
      ...Array.from({ length: 20 }, (_, i) => desired(`Created ${i}`, { category_access: { type: 'none' } })),
    ];
    const first = await planAndApply(fragileApi, desiredGroups, 6, sturdyApi);
    assert.is(first.plan.changes.length, 40);
    const failed = first.results.filter((r) => r.outcome === 'failed');
    assert.ok(failed.length > 0, 'some changes failed');
    for (const result of failed) assert.ok(result.status !== undefined && result.error, JSON.stringify(result));
    for (const result of first.results)
      assert.ok(['applied', 'failed'].includes(result.outcome), JSON.stringify(result));
    for (const result of verifyConverged(first.plan.changes, first.results, first.liveGroups)) {
      if (result.outcome === 'not_converged')
        assert.unreachable(`applied but not in the store: ${JSON.stringify(result)}`);
    }

    // The re-run, with retries and the faults still on, holds only what did not apply.
    const second = await planAndApply(sturdyApi, desiredGroups, 6);
    assert.ok(second.plan.changes.length > 0 && second.plan.changes.length <= failed.length);
    assert.equal(
      outcomes(second.results),
      second.plan.changes.map(() => 'applied'),
      JSON.stringify(second.results),
    );

    sandbox.setOptions({ faultRate: 0, ambiguousCreateRate: 0, rateLimit429WithoutHeaders: 0 });
    const liveGroups = await api.listGroups();
    const remaining = createPlan(desiredGroups, liveGroups, { prune: true });
    assert.is(remaining.changes.length, 0, JSON.stringify(remaining.changes.map((c) => c.key)));
    // No duplicate, no lost group.
    assert.equal(liveGroups.map((g) => g.name).sort(), desiredGroups.map((g) => g.name).sort());
  });
});

faults.run();
