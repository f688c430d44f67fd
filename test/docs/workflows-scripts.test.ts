// The shell and JavaScript the workflows run, run here: against a local HTTP server standing in for the
// GitHub API, and with fake GitHub clients, so what a step does is tested and not only how it reads.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { jobNamed, workflowNamed, type Step } from './workflow-files.js';

interface Ran {
  status: number | null;
  output: string;
}

/** Runs a step's script with bash -e, as a runner does, without blocking the server in this process. */
function runStep(script: string, env: Record<string, string>, cwd?: string): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-e', '-c', script], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bcgroups-steps-'));
  return use(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function stepNamed(steps: Step[] | undefined, name: string): Step {
  const step = steps?.find((candidate) => candidate.name === name);
  assert.ok(step?.run, `a step '${name}'`);
  return step;
}

const MAIN = '0123456789abcdef0123456789abcdef01234567';
const OLDER = 'fedcba9876543210fedcba9876543210fedcba98';

test('the newest-commit checks ask the API with the job token, and never git, which has no credentials', async () => {
  const apply = workflowNamed('bcgroups-reusable-apply.yml');
  const checks = [
    stepNamed(jobNamed(apply, 'plan').steps, 'Plan only the newest commit'),
    stepNamed(jobNamed(apply, 'apply').steps, 'Apply only the newest commit'),
  ];
  const requests: { url?: string; headers: IncomingHttpHeaders }[] = [];
  let answer = { status: 200, body: MAIN };
  const server = createServer((request, response) => {
    requests.push({ url: request.url, headers: request.headers });
    response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await withTempDir(async (dir) => {
      // A git that fails loudly: the checks must not need it (the checkout kept no credentials).
      writeFileSync(path.join(dir, 'git'), '#!/bin/sh\necho "git was run: $*" >&2\nexit 99\n');
      chmodSync(path.join(dir, 'git'), 0o755);
      for (const step of checks) {
        assert.is(step.env?.GITHUB_TOKEN, '${{ github.token }}', `${step.name}: the job's own token`);
        const run = (sha: string) =>
          runStep(step.run!, {
            PATH: `${dir}:${process.env.PATH}`,
            GITHUB_TOKEN: 'job-token',
            GITHUB_API_URL: `http://127.0.0.1:${port}`,
            GITHUB_REPOSITORY: 'merchant/store-groups',
            GITHUB_REF: 'refs/heads/main',
            GITHUB_SHA: sha,
          });
        answer = { status: 200, body: MAIN };
        requests.length = 0;
        const newest = await run(MAIN);
        assert.is(newest.status, 0, `${step.name}: the newest commit goes on: ${newest.output}`);
        assert.equal(
          requests.map((request) => [request.url, request.headers.authorization, request.headers.accept]),
          [['/repos/merchant/store-groups/commits/heads/main', 'Bearer job-token', 'application/vnd.github.sha']],
        );
        const older = await run(OLDER);
        assert.is(older.status, 1, `${step.name}: an older commit stops`);
        assert.match(older.output, '::error title=Not the newest commit::');
        answer = { status: 404, body: '{"message":"Not Found"}' };
        const unreadable = await run(MAIN);
        assert.is.not(unreadable.status, 0, `${step.name}: an unanswered check stops too`);
        assert.not.match(unreadable.output + newest.output + older.output, 'git was run');
      }
    });
  } finally {
    server.close();
  }
});

/** A stand-in for `npx --no bcgroups ...` that records its arguments and exits with FAKE_EXIT. */
function writeFakeNpx(dir: string): void {
  writeFileSync(path.join(dir, 'npx'), '#!/bin/sh\necho "npx $*" >> "$CALLS"\nexit "${FAKE_EXIT:-0}"\n');
  chmodSync(path.join(dir, 'npx'), 0o755);
}

test('the apply workflow plan step keeps exit 0 or 2 for the next job, and fails on a refusal or an error', async () => {
  const step = stepNamed(
    jobNamed(workflowNamed('bcgroups-reusable-apply.yml'), 'plan').steps,
    'Plan from the merged commit',
  );
  for (const [code, expected] of [
    ['0', 0],
    ['2', 0],
    ['3', 3],
    ['1', 1],
  ] as const) {
    await withTempDir(async (dir) => {
      writeFakeNpx(dir);
      const ran = await runStep(
        step.run!,
        {
          PATH: `${dir}:${process.env.PATH}`,
          CALLS: path.join(dir, 'calls'),
          FAKE_EXIT: code,
          TOKEN: 'read-token',
          TOKEN_ENV: 'BIGCOMMERCE_ACCESS_TOKEN',
          GROUPS_DIR: 'groups',
        },
        dir,
      );
      assert.is(ran.status, expected, `bcgroups plan exit ${code}: ${ran.output}`);
      const kept = readIfExists(path.join(dir, 'bcgroups-out/exitcode'));
      assert.is(kept?.trim(), expected === 0 ? code : undefined, `exit ${code}: what the next job reads`);
    });
  }
});

test('only the stores whose plan has changes reach the apply job, so no approval is asked for nothing', async () => {
  const pick = stepNamed(
    jobNamed(workflowNamed('bcgroups-reusable-apply.yml'), 'changed').steps,
    'Pick the stores with changes',
  );
  const entry = (label: string) => ({ store: label, label, environment: `bcgroups-${label}` });
  const picked = (codes: Record<string, string>) =>
    withTempDir(async (dir) => {
      for (const [label, code] of Object.entries(codes)) {
        mkdirSync(path.join(dir, 'plans', `bcgroups-apply-${label}`), { recursive: true });
        writeFileSync(path.join(dir, 'plans', `bcgroups-apply-${label}`, 'exitcode'), `${code}\n`);
      }
      const env = {
        PATH: process.env.PATH ?? '',
        MATRIX: JSON.stringify(['production', 'staging', 'outlet'].map(entry)),
        GITHUB_OUTPUT: path.join(dir, 'output'),
        GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
      };
      const ran = await runStep(pick.run!, env, dir);
      const output = readIfExists(env.GITHUB_OUTPUT);
      return {
        status: ran.status,
        matrix: output === undefined ? undefined : (JSON.parse(output.replace(/^matrix=/, '')) as { label: string }[]),
        summary: readIfExists(env.GITHUB_STEP_SUMMARY) ?? '',
      };
    });
  const some = await picked({ production: '2', staging: '0', outlet: '2' });
  assert.is(some.status, 0);
  assert.equal(
    some.matrix?.map((store) => store.label),
    ['production', 'outlet'],
  );
  assert.equal(some.matrix?.[0], entry('production'), 'the whole matrix entry, environment included');
  assert.match(some.summary, 'Nothing to apply to staging');
  const none = await picked({ production: '0', staging: '0', outlet: '0' });
  assert.equal(none.matrix, [], "an empty list: the apply job's if skips it");
  const missing = await picked({ production: '2', staging: '0' });
  assert.is.not(missing.status, 0, 'a store without a plan is an error, not "nothing to apply"');
  assert.is(missing.matrix, undefined);
});

test.run();
