// The shell and JavaScript the workflows run, run here: against a local HTTP server standing in for the
// GitHub API, and with fake GitHub clients, so what a step does is tested and not only how it reads.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

test.run();
