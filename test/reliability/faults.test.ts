// A whole apply under injected faults, through the engine with fast retries: every change gets an
// outcome, and after at most one calm re-run the store is the desired state, nothing lost or doubled.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyPlan } from '../../src/apply/run.js';
import type { ClientOptions } from '../../src/bigcommerce/index.js';
import type { ChangeResult, DesiredGroup, Plan } from '../../src/model/index.js';
import { startSandbox, type SandboxOptions, type SeedGroup } from '../../src/sandbox/index.js';
import { desired, rule } from '../support/groups.js';
import { clientFor, seededRandom } from '../support/sandbox.js';
import { assertNothingLost, planAgainst } from './helpers.js';

const SEEDED = 24;
const PRUNED_FROM = 21;

/** Groups 1-24: 2 is the default; 21-24 are described by no file and get pruned. */
function seedStore(): SeedGroup[] {
  return Array.from({ length: SEEDED }, (_, i) => ({
    name: `Group ${i + 1}`,
    is_default: i === 1,
    discount_rules: [{ type: 'all', method: 'percent', amount: i }],
  }));
}

/** 1-16 change amount, 3 takes the default flag from 2, 17-20 stay, 12 groups are new. */
function desiredStore(): DesiredGroup[] {
  const kept = Array.from({ length: PRUNED_FROM - 1 }, (_, i) =>
    desired(`Group ${i + 1}`, { is_default: i === 2, discount_rules: [rule.all(i < 16 ? i + 50 : i)] }),
  );
  const created = Array.from({ length: 12 }, (_, i) =>
    desired(`New ${i + 1}`, {
      category_access: { type: 'specific', categories: [i + 1, i + 7] },
      discount_rules: [rule.all(i + 1), rule.category(i + 30, 2)],
    }),
  );
  return [...kept, ...created];
}

function assertEveryChangeHasAnOutcome(plan: Plan, results: ChangeResult[]): void {
  assert.is(results.length, plan.changes.length);
  plan.changes.forEach((change, index) => {
    const result = results[index];
    assert.is(result?.key, change.key);
    assert.ok(['applied', 'failed', 'skipped'].includes(result?.outcome ?? ''), `${change.key}: ${result?.outcome}`);
    if (result?.outcome !== 'applied') assert.ok(result?.error, `${change.key} ${result?.outcome} without a reason`);
  });
}

interface Scenario {
  faults: SandboxOptions;
  client?: Partial<ClientOptions>;
  /** Flips the sandbox's latency while the run goes, so some requests time out and others do not. */
  flickerLatencyMs?: number;
}

const scenarios: Record<string, Scenario> = {
  '20% 500s': { faults: { faultRate: 0.2 } },
  'connection resets before and after the work': { faults: { resetRate: 0.2 } },
  '429 storms without rate-limit headers': { faults: { rateLimit429WithoutHeaders: 0.4 } },
  '207 answers to writes': { faults: { partialRate: 0.3 } },
  'ambiguous creates (saved, then 500)': { faults: { ambiguousCreateRate: 0.6 } },
  // Every request outlives the client's patience but still lands on the server: the writes all "fail", then count.
  'timeouts (latency above the client timeout)': {
    faults: { latencyMs: 90 },
    client: { timeoutMs: 40, retries: 1 },
    flickerLatencyMs: 0,
  },
  'heavy: 60% 500s and resets with one retry (many changes fail)': {
    faults: { faultRate: 0.4, resetRate: 0.2 },
    client: { retries: 1 },
  },
  'everything at once': {
    faults: {
      faultRate: 0.1,
      resetRate: 0.1,
      rateLimit429WithoutHeaders: 0.1,
      partialRate: 0.1,
      ambiguousCreateRate: 0.3,
    },
    client: { timeoutMs: 60 },
    flickerLatencyMs: 120,
  },
};

/** A seed per scenario, so each draws its own faults but the same ones every run. */
function hashName(name: string): number {
  return [...name].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0, 2166136261);
}

const faults = suite('apply under faults');
const survived: string[] = [];

for (const [name, scenario] of Object.entries(scenarios)) {
  faults(`${name}: every change has an outcome, one re-run converges, nothing lost or doubled`, async () => {
    // The store refuses duplicate names, as documented; a create sent twice is then settled by name lookup.
    const sandbox = await startSandbox({ seed: seedStore(), random: seededRandom(hashName(name)) });
    let flicker: NodeJS.Timeout | undefined;
    try {
      const desiredGroups = desiredStore();
      const keptIds = sandbox
        .groups()
        .filter((group) => group.id < PRUNED_FROM)
        .map((group) => group.id);
      const plan = await planAgainst(sandbox, desiredGroups, true);
      assert.ok(plan.changes.length >= 32, `plan has ${plan.changes.length} changes`);

      sandbox.setOptions(scenario.faults);
      if (scenario.flickerLatencyMs) {
        let slow = false;
        flicker = setInterval(() => {
          slow = !slow;
          sandbox.setOptions({ latencyMs: slow ? (scenario.flickerLatencyMs as number) : 0 });
        }, 25);
      }
      const client = clientFor(sandbox, { retryBaseMs: 5, ...scenario.client });
      const results = await applyPlan(plan.changes, client, { concurrency: 4 });
      clearInterval(flicker);
      sandbox.setOptions({
        faultRate: 0,
        resetRate: 0,
        rateLimit429WithoutHeaders: 0,
        partialRate: 0,
        ambiguousCreateRate: 0,
        latencyMs: 0,
      });
      // Requests still running on the server after a client timeout must land before the store is read.
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(scenario.flickerLatencyMs ?? 0, scenario.faults.latencyMs ?? 0) + 20),
      );
      assertEveryChangeHasAnOutcome(plan, results);
      assert.ok(client.stats.retries + client.stats.rateLimited + sandbox.counters.faults > 0, 'no fault was injected');
      assertNothingLost(sandbox, keptIds);

      const rerun = await planAgainst(sandbox, desiredGroups, true);
      if (rerun.changes.length > 0) {
        const again = await applyPlan(rerun.changes, clientFor(sandbox, { retryBaseMs: 5 }), { concurrency: 4 });
        assertEveryChangeHasAnOutcome(rerun, again);
      }
      assert.equal((await planAgainst(sandbox, desiredGroups, true)).changes, []);
      assertNothingLost(sandbox, keptIds);
      assert.is(sandbox.groups().length, desiredGroups.length);
      const failed = results.filter((result) => result.outcome !== 'applied').length;
      survived.push(
        `${name}: ${sandbox.counters.faults} faults + ${sandbox.counters.rateLimited} 429s, ` +
          `${client.stats.retries} retries, ${failed}/${results.length} not applied in run 1, ` +
          `re-run ${rerun.changes.length} changes`,
      );
    } finally {
      clearInterval(flicker);
      await sandbox.close();
    }
  });
}

faults.after(() => {
  if (process.env.BCGROUPS_RELIABILITY_REPORT) console.log(survived.join('\n'));
});

faults.run();
