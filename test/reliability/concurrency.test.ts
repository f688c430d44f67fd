// Two applies of one groups/ at the same time against one store: each ends 0 or 4, the store holds no
// duplicate and loses nothing, and at most one more apply converges it.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startSandbox } from '../../src/sandbox/index.js';
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

const concurrency = suite('two applies at once');

function buildRepository(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 10; i++)
    files[`groups/kept-${i + 1}.yaml`] = groupYaml(
      `Kept ${i + 1}`,
      i < 4 ? i + 40 : i,
      i === 5 ? 'is_default: true\n' : '',
    );
  for (let i = 0; i < 12; i++) files[`groups/new-${i + 1}.yaml`] = groupYaml(`New ${i + 1}`, i + 1);
  return files;
}

for (const latencyMs of [0, 15, 40]) {
  concurrency(
    `with ${latencyMs} ms latency: both end 0 or 4, no duplicate, nothing lost, one more apply converges`,
    async () => {
      const seed = Array.from({ length: 10 }, (_, i) => ({
        name: `Kept ${i + 1}`,
        is_default: i === 0,
        discount_rules: [{ type: 'all', method: 'percent', amount: i }],
      }));
      // The store refuses a second group of one name (documented), which is what keeps two racing applies
      // from doubling a create: bcgroups has no lock to take on a BigCommerce store.
      const sandbox = await startSandbox({ seed, latencyMs, token: SECRET_TOKEN });
      const workspace = await createWorkspace(buildRepository());
      try {
        const keptIds = sandbox.groups().map((group) => group.id);
        const env = envFor(sandbox);
        const [first, second] = await Promise.all([
          runIn(workspace.cwd, ['apply', '--yes', '--concurrency', '4'], env),
          runIn(workspace.cwd, ['apply', '--yes', '--concurrency', '4'], env),
        ]);
        for (const run of [first, second]) {
          assert.ok(run?.code === 0 || run?.code === 4, `exit ${run?.code}:\n${run?.err}`);
          assertNoToken((run?.out ?? '') + (run?.err ?? ''), SECRET_TOKEN, 'a concurrent apply');
        }
        assertNothingLost(sandbox, keptIds);

        sandbox.setOptions({ latencyMs: 0 });
        const left = (await planFromDir(sandbox, workspace.cwd)).changes.length;
        if (process.env.BCGROUPS_RELIABILITY_REPORT)
          console.log(`latency ${latencyMs}: exits ${first?.code}/${second?.code}, ${left} changes left`);
        if (left > 0) {
          const again = await runIn(workspace.cwd, ['apply', '--yes'], env);
          assert.is(again.code, 0, again.err);
        }
        assert.equal((await planFromDir(sandbox, workspace.cwd)).changes, []);
        assertNothingLost(sandbox, keptIds);
        assert.is(sandbox.groups().length, 22);
        assert.is(sandbox.groups().filter((group) => group.is_default).length, 1);
      } finally {
        await workspace.remove();
        await sandbox.close();
      }
    },
  );
}

concurrency.run();
