// The example workflows parse, call only commands and flags that exist, and name secrets only by name.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkInvocation, extractInvocations } from './commands.js';
import { isReusable, readAllWorkflows, readWorkflows, stepsOf, workflowNamed } from './workflow-files.js';

const INPUTS = ['stores', 'groups-dir', 'node-version'];
/** How an example calls its reusable workflow: by the bcgroups repository, pinned to the commit installed. */
const CALLED = (file: string) =>
  `OWNER/bcgroups/.github/workflows/bcgroups-reusable-${file.replace('bcgroups-', '')}@COMMIT_SHA`;
/** The one expression a reusable workflow reads a store's read token with. */
const READ_TOKEN =
  "${{ matrix.store == '' && secrets.BIGCOMMERCE_READ_TOKEN || fromJSON(secrets.BIGCOMMERCE_READ_TOKENS " +
  "|| '{}')[matrix.store] }}";

test('three callers, each calling one reusable workflow with the same inputs and named secrets', () => {
  const workflows = readWorkflows();
  assert.equal(
    workflows.map((entry) => entry.file),
    [
      'bcgroups-apply.yml',
      'bcgroups-drift.yml',
      'bcgroups-plan.yml',
      'bcgroups-reusable-apply.yml',
      'bcgroups-reusable-drift.yml',
      'bcgroups-reusable-plan.yml',
    ],
  );
  for (const { file, path: where, workflow } of workflows) {
    assert.type(workflow.on, 'object', `${file}: on`);
    const jobs = Object.entries(workflow.jobs ?? {});
    assert.ok(jobs.length > 0, `${file}: jobs`);
    if (isReusable(file)) {
      assert.match(where, /\.github\/workflows\/[^/]+$/, `${file}: where callers find it`);
      assert.equal(Object.keys(workflow.on), ['workflow_call'], `${file}: only called`);
      assert.equal(Object.keys(workflow.on.workflow_call?.inputs ?? {}), INPUTS, `${file}: inputs`);
      for (const [name, job] of jobs)
        assert.ok(Array.isArray(job.steps) && job.steps.length > 0, `${file}: job ${name} has steps`);
    } else {
      assert.match(where, /\.github\/examples\/[^/]+$/, `${file}: an example, which never runs here`);
      assert.is(jobs.length, 1, `${file}: one calling job`);
      const [, job] = jobs[0]!;
      assert.is(job.uses, CALLED(file), `${file}: calls its reusable workflow at a pinned commit`);
      assert.equal(Object.keys(job.with ?? {}), INPUTS, `${file}: passes every input`);
      assert.equal(
        job.secrets,
        { BIGCOMMERCE_READ_TOKEN: '${{ secrets.BIGCOMMERCE_READ_TOKEN }}' },
        `${file}: passes the read token by name, and no write token`,
      );
      const called = workflowNamed(`bcgroups-reusable-${file.replace('bcgroups-', '')}`);
      for (const name of Object.keys(job.secrets as Record<string, string>))
        assert.ok(called.on.workflow_call?.secrets?.[name], `${file}: ${name} is a secret the reusable one declares`);
    }
  }
});

test('this repository runs its own tests on push and pull request, and nothing here runs against a store', () => {
  const running = readAllWorkflows().filter(
    (entry) => entry.path.includes(`${path.sep}workflows${path.sep}`) && !isReusable(entry.file),
  );
  assert.equal(
    running.map((entry) => entry.file),
    ['test.yml'],
    'beside the reusable workflows, which only run when called',
  );
  const [own] = running;
  assert.equal(Object.keys(own!.workflow.on).sort(), ['pull_request', 'push']);
  assert.ok(
    stepsOf(own!.workflow).some((step) => step.run === 'npm ci && npm test'),
    "the README's test command",
  );
  assert.not.match(own!.text.replace(/^\s*#.*$/gm, ''), /secrets|bcgroups (plan|apply|drift)|schedule/);
});

test('every bcgroups invocation in a run step is a real command with real flags', () => {
  let found = 0;
  const problems: string[] = [];
  for (const { file, workflow } of readWorkflows()) {
    for (const step of stepsOf(workflow)) {
      if (!step.run) continue;
      for (const invocation of extractInvocations(step.run)) {
        found += 1;
        problems.push(...checkInvocation(invocation).map((problem) => `${file}: ${problem}`));
      }
    }
  }
  assert.equal(problems, []);
  assert.ok(found >= 6, `found ${found} invocations`);
});

test('the checker itself rejects an unknown command and an unknown flag', () => {
  assert.equal(checkInvocation(extractInvocations('npx bcgroups plna')[0]!).length, 1);
  assert.equal(checkInvocation(extractInvocations('npx --no bcgroups drift --prune > d.md')[0]!).length, 1);
  assert.equal(checkInvocation(extractInvocations('bcgroups apply plan.json -y --concurrency=4 2>&1')[0]!), []);
  assert.equal(
    extractInvocations('a && bcgroups validate; bcgroups plan --out x # bcgroups nothing').map((i) => i.command),
    ['validate', 'plan'],
  );
});

test('secrets are named only as the write token, a store read token, or a read token a caller passes', () => {
  for (const { file, text, workflow } of readWorkflows()) {
    // Comments may explain secrets; everything else that names them must be one of these forms.
    const code = text.replace(/^\s*#.*$/gm, '');
    const mentions = [...code.matchAll(/secrets/g)].length;
    const keys = [...code.matchAll(/^\s+secrets:$/gm)];
    const plain = [...code.matchAll(/\$\{\{\s*secrets\.([A-Z][A-Z0-9_]*)\s*\}\}/g)];
    // The expression may be folded over lines (>-), which reads back as one line with single spaces.
    const readPattern = READ_TOKEN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    const read = [...code.matchAll(new RegExp(readPattern, 'g'))].length;
    assert.is(keys.length + plain.length + 2 * read, mentions, `${file}: every mention of secrets is one of the forms`);
    for (const reference of plain) {
      const allowed = isReusable(file) ? /^BIGCOMMERCE_ACCESS_TOKEN$/ : /^BIGCOMMERCE_READ_TOKEN(_[A-Z0-9_]+)?$/;
      assert.match(reference[1] ?? '', allowed, `${file}: secret ${reference[1]}`);
    }
    for (const job of Object.values(workflow.jobs)) {
      // The token reaches only the steps that run bcgroups against the store, never npm ci or scripts.
      assert.not.ok(
        Object.values(job.env ?? {}).some((value) => String(value).includes('secrets')),
        `${file}: a secret at job level`,
      );
      for (const step of job.steps ?? []) {
        if (!Object.values(step.env ?? {}).some((value) => String(value).includes('secrets'))) continue;
        assert.match(
          String(step.run),
          /npx --no bcgroups (plan|apply|drift)/,
          `${file}: ${step.name} holds a token and runs bcgroups`,
        );
        assert.match(
          String(step.run),
          /^(echo "::add-mask::\$TOKEN"\n)?export "\$TOKEN_ENV=\$TOKEN"\nunset TOKEN\n/,
          `${file}: ${step.name} hands the token to the store's variable only`,
        );
        if (step.env?.TOKEN === READ_TOKEN)
          assert.ok(String(step.run).startsWith('echo "::add-mask::$TOKEN"\n'), `${file}: ${step.name} masks it`);
      }
    }
  }
});

test('run scripts are valid bash, and github-script scripts are valid JavaScript', () => {
  for (const { file, workflow } of readWorkflows()) {
    for (const step of stepsOf(workflow)) {
      if (step.run) {
        const script = step.run.replace(/\$\{\{[^}]*\}\}/g, 'x');
        const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8', timeout: 5000 });
        assert.is(check.status, 0, `${file}: ${step.name ?? step.run}: ${check.stderr}`);
      }
      const script = step.with?.script;
      if (typeof script === 'string') {
        const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => unknown;
        assert.not.throws(
          () => new AsyncFunction('github', 'context', 'core', 'require', script),
          `${file}: ${step.name}`,
        );
      }
    }
  }
});

test('the stores job turns the stores input into one matrix entry per store, and refuses a bad list', () => {
  const step = stepsOf(workflowNamed('bcgroups-reusable-plan.yml')).find((candidate) => candidate.id === 'list');
  assert.ok(step?.run, 'a stores step');
  for (const { file, workflow } of readWorkflows().filter((entry) => isReusable(entry.file))) {
    assert.is(
      stepsOf(workflow).find((candidate) => candidate.id === 'list')?.run,
      step.run,
      `${file}: the same stores job`,
    );
  }
  const listStores = (stores: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcgroups-stores-'));
    try {
      const output = path.join(dir, 'output');
      const run = spawnSync('bash', ['-e', '-c', step.run!], {
        env: { PATH: process.env.PATH, STORES: stores, GITHUB_OUTPUT: output },
        encoding: 'utf8',
        timeout: 10000,
      });
      if (run.status !== 0) return { status: run.status, stdout: run.stdout + run.stderr };
      return {
        status: 0,
        matrix: JSON.parse(readFileSync(output, 'utf8').replace(/^matrix=/, '')) as Record<string, string>[],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  assert.equal(listStores('').matrix, [
    {
      store: '',
      label: 'store',
      environment: 'bcgroups-store',
      token_env: 'BIGCOMMERCE_ACCESS_TOKEN',
    },
  ]);
  const two = listStores('["production", "eu-staging"]').matrix ?? [];
  assert.equal(
    two.map((entry) => [entry.store, entry.environment, entry.token_env]),
    [
      ['production', 'bcgroups-production', 'BIGCOMMERCE_ACCESS_TOKEN_PRODUCTION'],
      ['eu-staging', 'bcgroups-eu-staging', 'BIGCOMMERCE_ACCESS_TOKEN_EU_STAGING'],
    ],
  );
  for (const bad of ['production', '["Prod uction"]', '[1]']) {
    const refused = listStores(bad);
    assert.is.not(refused.status, 0, `refuses ${bad}`);
  }
  assert.match(listStores('["a b"]').stdout ?? '', 'JSON list of store names');
});

test.run();
