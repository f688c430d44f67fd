// An apply killed mid-run (SIGKILL of a real child process): the next apply converges, nothing doubled.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startSandbox } from '../../src/sandbox/index.js';
import { assertNoToken, assertNothingLost, createWorkspace, envFor, groupYaml, planFromDir, sleep } from './helpers.js';
import { runIn } from '../support/cli.js';

/** tsx by location: the child runs in a temp repository that has no node_modules. */
const TSX = import.meta.resolve('tsx');
const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

function countWrites(log: { method: string }[]): number {
  return log.filter((entry) => entry.method !== 'GET').length;
}

test('apply killed after a few writes: a second apply converges with no duplicate and no group lost', async () => {
  const seed = Array.from({ length: 10 }, (_, i) => ({
    name: `Kept ${i + 1}`,
    discount_rules: [{ type: 'all', method: 'percent', amount: i }],
  }));
  const sandbox = await startSandbox({ seed, token: 'tok_SECRET_interrupt_7c1f' });
  const files: Record<string, string> = {};
  for (let i = 0; i < 10; i++) files[`groups/kept-${i + 1}.yaml`] = groupYaml(`Kept ${i + 1}`, i < 4 ? i + 20 : i);
  for (let i = 0; i < 20; i++) files[`groups/new-${i + 1}.yaml`] = groupYaml(`New ${i + 1}`, i + 1);
  const workspace = await createWorkspace(files);
  try {
    const keptIds = sandbox.groups().map((group) => group.id);
    sandbox.setOptions({ latencyMs: 150 });
    const child = spawn(process.execPath, ['--import', TSX, CLI, 'apply', '--yes', '--concurrency', '2'], {
      cwd: workspace.cwd,
      env: { PATH: process.env.PATH, ...envFor(sandbox) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let running = true;
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    void exited.then(() => (running = false));

    const deadline = Date.now() + 20_000;
    while (running && countWrites(sandbox.log) < 4 && Date.now() < deadline) await sleep(20);
    assert.ok(countWrites(sandbox.log) >= 4, `the child made no writes in time:\n${output}`);
    child.kill('SIGKILL');
    assert.is(await exited, 'SIGKILL');
    assertNoToken(output, sandbox.token, 'the killed child output');

    // Writes the server was still handling when the client died land now; the store is half applied.
    await sleep(200);
    const half = await planFromDir(sandbox, workspace.cwd);
    assert.ok(
      half.changes.length > 0 && half.changes.length < 24,
      `a half-applied store, ${half.changes.length} changes left`,
    );
    assertNothingLost(sandbox, keptIds);

    sandbox.setOptions({ latencyMs: 0 });
    const rerun = await runIn(workspace.cwd, ['apply', '--yes'], envFor(sandbox));
    assert.is(rerun.code, 0, rerun.err);
    assert.equal((await planFromDir(sandbox, workspace.cwd)).changes, []);
    assertNothingLost(sandbox, keptIds);
    assert.is(sandbox.groups().length, 30);
    const plan = await runIn(workspace.cwd, ['plan', '--detailed-exitcode'], envFor(sandbox));
    assert.is(plan.code, 0, plan.out + plan.err);
  } finally {
    await workspace.remove();
    await sandbox.close();
  }
});

test.run();
