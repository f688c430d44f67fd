// The example workflows parse, call only commands and flags that exist, and name secrets only by name.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { checkInvocation, extractInvocations } from './commands.js';

const WORKFLOWS_DIR = fileURLToPath(new URL('../../.github/workflows/', import.meta.url));
/** The read-only token for pull requests and drift; the write token, an environment secret, for apply only. */
const SECRET_NAMES = ['BIGCOMMERCE_READ_TOKEN', 'BIGCOMMERCE_ACCESS_TOKEN'];

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

interface Workflow {
  on: Record<string, unknown>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  permissions?: Record<string, string>;
  jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>;
}

function readWorkflows(): { file: string; text: string; workflow: Workflow }[] {
  const files = readdirSync(WORKFLOWS_DIR).filter((file) => /\.ya?ml$/.test(file)).sort();
  return files.map((file) => {
    const text = readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8');
    return { file, text, workflow: parse(text) as Workflow };
  });
}

function stepsOf(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) => job.steps);
}

function workflowNamed(name: string): Workflow {
  const found = readWorkflows().find((entry) => entry.file === name);
  assert.ok(found, `${name} exists`);
  return found.workflow;
}

test('there are the three workflows, and each parses with on and jobs', () => {
  const workflows = readWorkflows();
  assert.equal(workflows.map((entry) => entry.file), ['bcgroups-apply.yml', 'bcgroups-drift.yml', 'bcgroups-plan.yml']);
  for (const { file, workflow } of workflows) {
    assert.type(workflow.on, 'object', `${file}: on`);
    assert.ok(Object.keys(workflow.jobs ?? {}).length > 0, `${file}: jobs`);
    for (const [name, job] of Object.entries(workflow.jobs)) assert.ok(Array.isArray(job.steps) && job.steps.length > 0, `${file}: job ${name} has steps`);
  }
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
  assert.equal(extractInvocations('a && bcgroups validate; bcgroups plan --out x # bcgroups nothing').map((i) => i.command), ['validate', 'plan']);
});

test('secrets are referenced only as ${{ secrets.NAME }}, and tokens come only from secrets', () => {
  for (const { file, text, workflow } of readWorkflows()) {
    const mentions = [...text.matchAll(/secrets/g)].length;
    const references = [...text.matchAll(/\$\{\{\s*secrets\.([A-Z][A-Z0-9_]*)\s*\}\}/g)];
    assert.is(references.length, mentions, `${file}: every mention of secrets is a plain reference`);
    for (const reference of references) assert.ok(SECRET_NAMES.includes(reference[1] ?? ''), `${file}: secret ${reference[1]}`);
    const envs = [
      ...Object.values(workflow.jobs).map((job) => job.env ?? {}),
      ...stepsOf(workflow).map((step) => step.env ?? {}),
    ];
    for (const env of envs) {
      for (const [key, value] of Object.entries(env)) {
        if (key === 'BIGCOMMERCE_ACCESS_TOKEN') assert.match(String(value), /^\$\{\{ secrets\.BIGCOMMERCE_(READ|ACCESS)_TOKEN \}\}$/, `${file}: ${key}`);
        if (key === 'BIGCOMMERCE_STORE_HASH') assert.is(String(value), '${{ vars.BIGCOMMERCE_STORE_HASH }}', `${file}: ${key}`);
      }
    }
    // The token reaches only the steps that run bcgroups against the store, never npm ci or scripts.
    for (const job of Object.values(workflow.jobs)) assert.not.ok('BIGCOMMERCE_ACCESS_TOKEN' in (job.env ?? {}), `${file}: token at job level`);
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
        assert.not.throws(() => new AsyncFunction('github', 'context', 'core', 'require', script), `${file}: ${step.name}`);
      }
    }
  }
});

test('plan runs on pull requests, writes plan.json and comments the markdown in place', () => {
  const workflow = workflowNamed('bcgroups-plan.yml');
  assert.ok('pull_request' in workflow.on);
  const steps = stepsOf(workflow);
  const plan = steps.flatMap((step) => extractInvocations(step.run ?? '')).find((i) => i.command === 'plan');
  assert.ok(plan, 'a plan step');
  for (const flag of ['format', 'out', 'detailed-exitcode']) assert.ok(plan.flags.includes(flag), `plan --${flag}`);
  const script = String(steps.find((step) => step.uses?.startsWith('actions/github-script'))?.with?.script ?? '');
  assert.match(script, /updateComment/);
  assert.ok(steps.some((step) => step.uses?.startsWith('actions/upload-artifact') && step.with?.path === 'plan.json'), 'plan.json artifact');
  const last = steps.at(-1);
  assert.match(String(last?.run), /exit 3/, 'the last step fails the check on a refusal');
  assert.equal(workflow.permissions?.['pull-requests'], 'write');
});

test('only apply can reach the write token: pull requests and drift read with the read-only one', () => {
  for (const { file, workflow } of readWorkflows()) {
    const text = readFileSync(new URL(`../../.github/workflows/${file}`, import.meta.url), 'utf8');
    const writes = text.includes('secrets.BIGCOMMERCE_ACCESS_TOKEN');
    assert.is(writes, file === 'bcgroups-apply.yml', `${file}: write token`);
    if (writes) {
      for (const job of Object.values(workflow.jobs)) assert.is((job as { environment?: string }).environment, 'bcgroups-store', `${file}: the write token is an environment secret`);
    }
  }
});

test('apply runs on push to main in a concurrency group that never cancels a running apply', () => {
  const workflow = workflowNamed('bcgroups-apply.yml');
  assert.ok('push' in workflow.on);
  assert.ok(workflow.concurrency?.group, 'a concurrency group');
  assert.is(workflow.concurrency?.['cancel-in-progress'], false);
  const invocations = stepsOf(workflow).flatMap((step) => extractInvocations(step.run ?? ''));
  const planIndex = invocations.findIndex((i) => i.command === 'plan' && i.flags.includes('out'));
  const applyIndex = invocations.findIndex((i) => i.command === 'apply' && /apply\s+plan\.json/.test(i.line));
  assert.ok(planIndex >= 0 && applyIndex > planIndex, 'plans with --out, then applies that file');
});

test('drift runs on a schedule and manages one issue titled with the store hash', () => {
  const workflow = workflowNamed('bcgroups-drift.yml');
  assert.ok('schedule' in workflow.on);
  const script = String(stepsOf(workflow).find((step) => step.uses?.startsWith('actions/github-script'))?.with?.script ?? '');
  assert.match(script, /BIGCOMMERCE_STORE_HASH/);
  for (const call of ['issues.create', 'issues.update', "state: 'closed'"]) assert.ok(script.includes(call), call);
  assert.equal(workflow.permissions?.issues, 'write');
});

test.run();
