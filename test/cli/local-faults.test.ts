// Local faults through the real CLI process: an unwritable --out or step summary, and a reader that closes
// stdout. Each is a message naming the path and what to do, never a stack trace or "Unexpected error".
import { spawn } from 'node:child_process';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { createWorkspace, envFor, groupYaml, type Workspace } from '../reliability/helpers.js';

/** tsx by location: the child runs in a temp repository that has no node_modules. */
const TSX = import.meta.resolve('tsx');
const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const DEFINE = 'bcgroups() { "$NODE_BIN" --import "$TSX_LOADER" "$CLI_ENTRY" "$@"; }; ';

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs a shell line in which `bcgroups` is the real CLI. */
function runShell(cwd: string, line: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', DEFINE + line], {
      cwd,
      env: { PATH: process.env.PATH ?? '', NODE_BIN: process.execPath, TSX_LOADER: TSX, CLI_ENTRY: CLI, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

function assertCalm(run: Run, where: string): void {
  for (const text of ['Unexpected error', 'EPIPE', '    at ', 'node:internal'])
    assert.not.ok(run.err.includes(text), `${where}: '${text}' in stderr:\n${run.err}`);
}

const faults = suite<{ sandbox: Sandbox; workspace: Workspace; env: Record<string, string> }>(
  'local faults of the real CLI',
);

faults.before.each(async (context) => {
  const seed = Array.from({ length: 4 }, (_, i) => ({
    name: `Kept ${i + 1}`,
    discount_rules: [{ type: 'all', method: 'percent', amount: i }],
  }));
  context.sandbox = await startSandbox({ seed });
  const files: Record<string, string> = {};
  for (let i = 0; i < 4; i++) files[`groups/kept-${i + 1}.yaml`] = groupYaml(`Kept ${i + 1}`, i === 0 ? 30 : i);
  context.workspace = await createWorkspace(files);
  context.env = envFor(context.sandbox);
});

faults.after.each(async ({ sandbox, workspace }) => {
  await sandbox.close();
  await workspace.remove();
});

faults(
  '--out in a missing folder, at a folder, below a file: exit 1 naming the path and the fix',
  async ({ workspace, env }) => {
    await mkdir(path.join(workspace.cwd, 'plans'));
    const cases = [
      ['missing/plan.json', 'its folder does not exist'],
      ['plans', 'it is a folder'],
      ['package.json/plan.json', 'part of the path is a file'],
      [`${'x'.repeat(300)}.json`, 'the path is too long'],
    ] as const;
    for (const [out, reason] of cases) {
      const run = await runShell(workspace.cwd, `bcgroups plan --out ${out}`, env);
      assert.is(run.code, 1, `${out}: ${run.err}`);
      assert.ok(run.err.includes(`cannot write ${out}: ${reason}`), `${out}:\n${run.err}`);
      assertCalm(run, out);
    }
  },
);

faults('--out at a read-only path: exit 1, permission denied', async ({ workspace, env }) => {
  if (process.getuid?.() === 0) {
    console.log('  (skipped: running as root, which ignores file permissions)');
    return;
  }
  const locked = path.join(workspace.cwd, 'locked');
  await mkdir(locked);
  await chmod(locked, 0o555);
  const run = await runShell(workspace.cwd, 'bcgroups plan --out locked/plan.json', env);
  await chmod(locked, 0o755);
  assert.is(run.code, 1, run.err);
  assert.ok(run.err.includes('cannot write locked/plan.json: permission denied'), run.err);
  assertCalm(run, 'read-only');
});

faults(
  'an unwritable GITHUB_STEP_SUMMARY is a warning: apply still exits 0, plan keeps its exit code',
  async ({ sandbox, workspace, env }) => {
    const summary = path.join(workspace.cwd, 'no-such-folder', 'summary.md');
    const plan = await runShell(workspace.cwd, 'bcgroups plan --detailed-exitcode', {
      ...env,
      GITHUB_STEP_SUMMARY: summary,
    });
    assert.is(plan.code, 2, plan.err);
    assert.ok(
      plan.err.includes(`Warning: no step summary: cannot write ${summary}: its folder does not exist`),
      plan.err,
    );
    assertCalm(plan, 'plan');

    const apply = await runShell(workspace.cwd, 'bcgroups apply --yes', { ...env, GITHUB_STEP_SUMMARY: workspace.cwd });
    assert.is(apply.code, 0, apply.err);
    assert.ok(apply.err.includes(`cannot write ${workspace.cwd}: it is a folder`), apply.err);
    assert.is(
      Number(
        (
          sandbox.groups().find((group) => group.name === 'Kept 1')?.discount_rules[0] as
            | { amount?: unknown }
            | undefined
        )?.amount,
      ),
      30,
      'the writes happened',
    );
    assertCalm(apply, 'apply');
  },
);

faults("a closed stdout (| head -1, | true): a quiet exit with the command's own code", async ({ workspace, env }) => {
  for (const reader of ['head -1', 'true']) {
    const run = await runShell(
      workspace.cwd,
      `bcgroups plan --detailed-exitcode | ${reader}; echo "exit=\${PIPESTATUS[0]}"`,
      env,
    );
    assert.ok(run.out.trimEnd().endsWith('exit=2'), `${reader}: ${run.out}\n${run.err}`);
    assert.is(run.err, '', `${reader}: nothing on stderr`);
  }
  // A larger output than a pipe holds, cut after its first line.
  const json = await runShell(
    workspace.cwd,
    `bcgroups plan --format json | head -c 10 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`,
    env,
  );
  assert.ok(json.out.trimEnd().endsWith('exit=0'), json.out + json.err);
  assertCalm(json, 'json');
});

faults('a plan written where it can be: the file is a saved plan', async ({ workspace, env }) => {
  const run = await runShell(workspace.cwd, 'bcgroups plan --out plan.json', env);
  assert.is(run.code, 0, run.err);
  assert.ok(JSON.parse(await readFile(path.join(workspace.cwd, 'plan.json'), 'utf8')), 'a JSON file');
});

faults.run();
