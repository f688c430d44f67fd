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

const APPLY_WORKFLOW_PLAN_STEP =
  'the apply workflow plan step keeps exit 0 or 2 for the next job, and fails on a refusal or an error';
test(APPLY_WORKFLOW_PLAN_STEP, async () => {
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

interface Issue {
  number: number;
  title: string;
  body: string;
  user: { login: string };
  state: string;
  pull_request?: object;
}

/** Runs the drift workflow's issue script against an in-memory repository of issues. */
async function runDriftIssueScript(issues: Issue[], env: Record<string, string>, report = '## bcgroups drift\n') {
  const step = jobNamed(workflowNamed('bcgroups-reusable-drift.yml'), 'drift').steps?.find((candidate) =>
    candidate.uses?.startsWith('actions/github-script'),
  );
  const script = String(step?.with?.script ?? '');
  assert.ok(script, 'an issue script');
  const calls: string[] = [];
  const listForRepo = Symbol('listForRepo');
  const github = {
    paginate: async (method: unknown, params: { state?: string }) => {
      assert.is(method, listForRepo);
      return issues.filter((issue) => issue.state === params.state);
    },
    rest: {
      issues: {
        listForRepo,
        create: async ({ title, body }: { title: string; body: string }) => {
          calls.push(`create ${title}`);
          issues.push({
            number: issues.length + 1,
            title,
            body,
            user: { login: 'github-actions[bot]' },
            state: 'open',
          });
        },
        update: async (params: { issue_number: number; title?: string; body?: string; state?: string }) => {
          calls.push(`update #${params.issue_number}${params.state ? ` ${params.state}` : ''}`);
          const issue = issues.find((candidate) => candidate.number === params.issue_number)!;
          Object.assign(issue, { ...(params.title ? { title: params.title } : {}), ...params });
        },
        createComment: async ({ issue_number }: { issue_number: number }) => {
          calls.push(`comment #${issue_number}`);
        },
      },
    },
  };
  const context = { repo: { owner: 'merchant', repo: 'store-groups' }, serverUrl: 'https://github.com', runId: 7 };
  const fakeRequire = (name: string) => {
    assert.is(name, 'node:fs');
    return { readFileSync: () => report };
  };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    await new AsyncFunction('github', 'context', 'core', 'require', script)(github, context, {}, fakeRequire);
  } finally {
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
  return calls;
}

const bot = { login: 'github-actions[bot]' };
const marker = (store: string) => `<!-- bcgroups-drift store=${store} -->`;

test('drift adopts only an issue it opened for that store: by the bot, led by the store marker', async () => {
  const issues: Issue[] = [
    {
      number: 1,
      title: 'bcgroups drift: store production',
      body: 'a person wrote this',
      user: { login: 'mallory' },
      state: 'open',
    },
    {
      number: 2,
      title: 'bcgroups drift: store production',
      body: `${marker('production')}\nold`,
      user: { login: 'mallory' },
      state: 'open',
    },
    { number: 3, title: 'bcgroups drift: store staging', body: `${marker('staging')}\nx`, user: bot, state: 'open' },
    {
      number: 4,
      title: 'bcgroups drift: store production',
      body: `quoted ${marker('production')}\n`,
      user: bot,
      state: 'open',
    },
    { number: 5, title: 'renamed by a person', body: `${marker('production')}\nold report`, user: bot, state: 'open' },
  ];
  const env = { DRIFT_EXIT: '2', STORE_KEY: 'production', STORE_LABEL: 'production' };
  assert.equal(await runDriftIssueScript(issues, env, 'new report'), ['update #5']);
  assert.is(issues[4]?.title, 'bcgroups drift: store production', 'its title is put back');
  assert.ok(issues[4]?.body.startsWith(`${marker('production')}\nnew report`), 'the marker leads the new body');
  for (const untouched of issues.slice(0, 4)) assert.not.match(untouched.body, 'new report', `#${untouched.number}`);

  assert.equal(await runDriftIssueScript(issues, { ...env, DRIFT_EXIT: '0' }), ['comment #5', 'update #5 closed']);
  assert.equal(
    await runDriftIssueScript(issues, { ...env, DRIFT_EXIT: '0' }),
    [],
    'in sync, and no issue of its own is open: the look-alikes stay open',
  );
  assert.equal(await runDriftIssueScript(issues, env), ['create bcgroups drift: store production']);
  assert.ok(issues.at(-1)?.body.startsWith(`${marker('production')}\n`));
});

test('a drift issue title never ends in "store " with nothing after it', async () => {
  const issues: Issue[] = [];
  const calls = await runDriftIssueScript(issues, { DRIFT_EXIT: '2', STORE_KEY: 'store', STORE_LABEL: '' });
  assert.equal(calls, ['create bcgroups drift']);
  await runDriftIssueScript(issues, { DRIFT_EXIT: '2', STORE_KEY: 'store', STORE_LABEL: 'abc123' });
  assert.equal(
    issues.map((issue) => issue.title),
    ['bcgroups drift: store abc123'],
    'the same issue, titled once the hash is known',
  );
});

test.run();
