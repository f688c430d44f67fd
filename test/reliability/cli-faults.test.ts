// The real `apply --yes --prune --format json` under injected faults, against the store as documented
// (duplicate names refused): exit 0 or 4, every change reported, one calm re-run converges, nothing lost or doubled.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startSandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { seededRandom } from '../support/sandbox.js';
import {
  assertNoToken,
  assertNothingLost,
  createWorkspace,
  envFor,
  groupYaml,
  planFromDir,
  SECRET_TOKEN,
} from './helpers.js';
import { runIn } from '../support/cli.js';

const KEPT = 10;
const PRUNED = 2;
const CREATED = 7;
const CALM: SandboxOptions = {
  faultMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  faultRate: 0,
  ambiguousCreateRate: 0,
  partialRate: 0,
  resetRate: 0,
  rateLimit429WithoutHeaders: 0,
};
const OUTCOMES = ['applied', 'failed', 'skipped', 'not_converged'];

/** Kept 1-5 change amount, Kept 6-10 stay, New 1-7 are created; the store also holds two groups to prune. */
function buildRepository(): Record<string, string> {
  const files: Record<string, string> = { '.bcgroupsrc.json': JSON.stringify({ request: { retries: 2 } }) };
  for (let i = 0; i < KEPT; i++) files[`groups/kept-${i + 1}.yaml`] = groupYaml(`Kept ${i + 1}`, i < 5 ? i + 40 : i);
  for (let i = 0; i < CREATED; i++) files[`groups/new-${i + 1}.yaml`] = groupYaml(`New ${i + 1}`, i + 1);
  return files;
}

function seedStore() {
  const kept = Array.from({ length: KEPT }, (_, i) => ({
    name: `Kept ${i + 1}`,
    discount_rules: [{ type: 'all', method: 'percent', amount: i }],
  }));
  const pruned = Array.from({ length: PRUNED }, (_, i) => ({ name: `Old ${i + 1}`, discount_rules: [] }));
  return [...kept, ...pruned];
}

interface JsonResult {
  key: string;
  outcome: string;
  error: string | null;
}

const scenarios: Record<string, { faults: SandboxOptions; seed: number }> = {
  '20% 500s': { faults: { faultRate: 0.2 }, seed: 701 },
  'ambiguous creates (saved, then 500)': { faults: { ambiguousCreateRate: 0.6 }, seed: 702 },
  '207 answers to writes': { faults: { partialRate: 0.3 }, seed: 703 },
  'connection resets before and after the work': { faults: { resetRate: 0.2 }, seed: 714 },
  '429 storms without rate-limit headers': { faults: { rateLimit429WithoutHeaders: 0.3 }, seed: 705 },
  'heavy: 60% of writes answer 500 (some changes fail, exit 4)': {
    faults: { faultRate: 0.6, faultMethods: ['POST', 'PUT', 'DELETE'] },
    seed: 707,
  },
  'all five at once': {
    faults: {
      faultRate: 0.1,
      ambiguousCreateRate: 0.3,
      partialRate: 0.1,
      resetRate: 0.1,
      rateLimit429WithoutHeaders: 0.1,
    },
    seed: 706,
  },
};

const cliFaults = suite('apply through the CLI under faults');
const survived: string[] = [];

for (const [name, scenario] of Object.entries(scenarios)) {
  cliFaults(
    `${name}: exit 0 or 4, every change reported, one re-run converges, no duplicate, nothing lost`,
    async () => {
      const sandbox = await startSandbox({
        seed: seedStore(),
        token: SECRET_TOKEN,
        random: seededRandom(scenario.seed),
      });
      const workspace = await createWorkspace(buildRepository());
      try {
        const env = envFor(sandbox);
        const keptIds = sandbox
          .groups()
          .filter((group) => group.name.startsWith('Kept'))
          .map((group) => group.id);
        const planned = (await planFromDir(sandbox, workspace.cwd, true)).changes.map((change) => change.key);
        assert.is(planned.length, 5 + CREATED + PRUNED);

        sandbox.setOptions(scenario.faults);
        const run = await runIn(workspace.cwd, ['apply', '--yes', '--prune', '--format', 'json'], env);
        sandbox.setOptions(CALM);
        assert.ok(run.code === 0 || run.code === 4, `exit ${run.code}:\n${run.err}`);
        assertNoToken(run.out + run.err, SECRET_TOKEN, 'a faulty apply');
        const results = (JSON.parse(run.out) as { results: JsonResult[] }).results;
        assert.equal(results.map((result) => result.key).sort(), [...planned].sort());
        for (const result of results) {
          assert.ok(OUTCOMES.includes(result.outcome), `${result.key}: ${result.outcome}`);
          if (result.outcome !== 'applied') assert.ok(result.error, `${result.key} ${result.outcome} without a reason`);
        }
        // Exit 4 exactly when something did not apply, as the README's exit codes say.
        const notApplied = results.filter((result) => result.outcome !== 'applied').length;
        assert.is(run.code, notApplied > 0 ? 4 : 0, run.err);
        assert.ok(sandbox.counters.faults + sandbox.counters.rateLimited > 0, 'no fault was injected');
        assertNothingLost(sandbox, keptIds);

        const rerun = await runIn(workspace.cwd, ['apply', '--yes', '--prune'], env);
        assert.is(rerun.code, 0, rerun.err);
        const check = await runIn(workspace.cwd, ['plan', '--prune', '--detailed-exitcode'], env);
        assert.is(check.code, 0, check.out + check.err);
        assertNothingLost(sandbox, keptIds);
        assert.equal(
          sandbox
            .groups()
            .map((group) => group.name)
            .sort(),
          Object.keys(buildRepository())
            .filter((file) => file.startsWith('groups/'))
            .map(nameOf)
            .sort(),
        );
        survived.push(
          `${name}: exit ${run.code}, ${sandbox.counters.faults} faults + ${sandbox.counters.rateLimited} 429s, ${notApplied}/${results.length} not applied in run 1`,
        );
      } finally {
        await workspace.remove();
        await sandbox.close();
      }
    },
  );
}

/** groups/kept-3.yaml -> Kept 3 */
function nameOf(file: string): string {
  const [kind, number] = file.slice('groups/'.length, -'.yaml'.length).split('-');
  return `${kind === 'kept' ? 'Kept' : 'New'} ${number}`;
}

cliFaults(
  'the duplicate check can fail: with uniqueNames false the sandbox stores a second group of one name',
  async () => {
    const sandbox = await startSandbox({ seed: [{ name: 'Twin' }], uniqueNames: false });
    try {
      const response = await fetch(`${sandbox.apiUrl}/stores/${sandbox.storeHash}/v2/customer_groups`, {
        method: 'POST',
        headers: { 'X-Auth-Token': sandbox.token, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ name: 'Twin' }),
      });
      assert.ok(response.status < 300, `status ${response.status}`);
      // uvu's assert.throws passes assertion errors through, so catch this one by hand.
      const caught = await Promise.resolve()
        .then(() => assertNothingLost(sandbox, []))
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      assert.match(String((caught as Error | undefined)?.message), /duplicate group names: Twin/);
      sandbox.setOptions({ uniqueNames: true });
      const again = await fetch(`${sandbox.apiUrl}/stores/${sandbox.storeHash}/v2/customer_groups`, {
        method: 'POST',
        headers: { 'X-Auth-Token': sandbox.token, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ name: 'twin' }),
      });
      assert.is(again.status, 409);
    } finally {
      await sandbox.close();
    }
  },
);

cliFaults.after(() => {
  if (process.env.BCGROUPS_RELIABILITY_REPORT) console.log(survived.join('\n'));
});

cliFaults.run();
