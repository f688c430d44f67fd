// The pull-request flow the workflows promise: plan with a baseline and one comment, approve what you see
// (the environment gate after the plan, exactly that plan applied), drift per store, Node 20+, paths.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { extractInvocations } from './commands.js';
import { isReusable, jobNamed, needsOf, readWorkflows, stepsOf, workflowNamed, type Job } from './workflow-files.js';

function invocationsOf(job: Job) {
  return (job.steps ?? []).flatMap((step) => extractInvocations(step.run ?? ''));
}

function holdsSecret(job: Job, name: string): boolean {
  return (job.steps ?? []).some((step) => Object.values(step.env ?? {}).some((value) => String(value).includes(name)));
}

const MATRIX = '${{ fromJSON(needs.stores.outputs.matrix) }}';

test('plan: each store planned against a checkout of the base branch, then one comment for all', () => {
  const workflow = workflowNamed('bcgroups-reusable-plan.yml');
  const plan = jobNamed(workflow, 'plan');
  assert.is(plan.strategy?.matrix?.include, MATRIX);
  const invocation = invocationsOf(plan).find((i) => i.command === 'plan');
  assert.ok(invocation, 'a plan step');
  for (const flag of ['baseline', 'format', 'out', 'detailed-exitcode', 'dir'])
    assert.ok(invocation.flags.includes(flag), `plan --${flag}`);
  const baselineDir = invocation.line.match(/--baseline (\S+)/)?.[1];
  const base = (plan.steps ?? []).find(
    (step) => step.uses?.startsWith('actions/checkout') && step.with?.path === baselineDir,
  );
  assert.is(
    base?.with?.ref,
    '${{ github.event.pull_request.base.sha }}',
    'the base branch is checked out where --baseline reads',
  );
  assert.ok(
    (plan.steps ?? []).some(
      (step) =>
        step.uses?.startsWith('actions/upload-artifact') && step.with?.name === 'bcgroups-plan-${{ matrix.label }}',
    ),
    'a plan artifact per store',
  );
  assert.not.ok(holdsSecret(plan, 'BIGCOMMERCE_ACCESS_TOKEN'), 'no write token on a pull request');
  const comment = jobNamed(workflow, 'comment');
  assert.equal(needsOf(comment), ['stores', 'plan']);
  assert.equal(comment.permissions, { 'pull-requests': 'write' });
  const script = String(
    comment.steps?.find((step) => step.uses?.startsWith('actions/github-script'))?.with?.script ?? '',
  );
  assert.match(script, /updateComment/);
  assert.match(script, /sections\.join/);
  assert.ok(
    script.indexOf('core.setFailed') > script.indexOf('createComment'),
    'the check fails after the comment is posted',
  );
  assert.match(
    String(jobNamed(workflow, 'stores').if),
    'github.event.pull_request.head.repo.full_name == github.repository',
    'forks are skipped',
  );
  assert.is(workflowNamed('bcgroups-plan.yml').permissions?.['pull-requests'], 'write');
});

test('apply: the environment gate comes after the plan, and the apply job runs exactly that plan', () => {
  const workflow = workflowNamed('bcgroups-reusable-apply.yml');
  const plan = jobNamed(workflow, 'plan');
  const apply = jobNamed(workflow, 'apply');
  assert.is(plan.environment, undefined, 'planning waits for no one and holds no write token');
  assert.ok(
    holdsSecret(plan, 'secrets.BIGCOMMERCE_READ_TOKENS') && !holdsSecret(plan, 'BIGCOMMERCE_ACCESS_TOKEN'),
    'plan reads with the read-only token',
  );
  assert.ok(
    invocationsOf(plan).some((i) => i.command === 'plan' && i.flags.includes('out')),
    'plan --out',
  );
  assert.not.ok(invocationsOf(plan).some((i) => i.command === 'apply'));
  const changed = jobNamed(workflow, 'changed');
  assert.equal(needsOf(changed), ['stores', 'plan'], 'the stores with changes are known after every plan');
  assert.equal(needsOf(apply), ['changed'], 'apply needs the plans: the gate opens after them');
  assert.is(apply.if, "needs.changed.outputs.matrix != '[]'", 'no approval is asked when nothing is to apply');
  assert.is(changed.outputs?.matrix, '${{ steps.pick.outputs.matrix }}');
  assert.ok(
    invocationsOf(plan).some((i) => i.command === 'plan' && i.flags.includes('detailed-exitcode')),
    'plan tells changes (exit 2) from none (exit 0)',
  );
  assert.is(apply.environment, '${{ matrix.environment }}');
  assert.is(apply.strategy?.matrix?.include, '${{ fromJSON(needs.changed.outputs.matrix) }}');
  assert.ok(holdsSecret(apply, '${{ secrets.BIGCOMMERCE_ACCESS_TOKEN }}'), 'the write token is the environment secret');
  assert.equal(
    invocationsOf(apply).map((i) => i.command),
    ['apply'],
    'apply never plans again',
  );
  const planned = invocationsOf(plan).find((i) => i.command === 'plan');
  const out = planned?.line.match(/--out (\S+)/)?.[1];
  assert.ok(out, 'plan --out FILE');
  assert.match(invocationsOf(apply)[0]?.line ?? '', new RegExp(`apply ${out.replace('.', '\\.')}$`));
  const uploaded = (plan.steps ?? []).find((step) => step.uses?.startsWith('actions/upload-artifact'));
  const downloaded = (apply.steps ?? []).find((step) => step.uses?.startsWith('actions/download-artifact'));
  assert.is(`${uploaded?.with?.path}plan.json`, out, 'the saved plan is in the artifact');
  assert.is(downloaded?.with?.name, uploaded?.with?.name, 'the apply job downloads the artifact the plan job saved');
  assert.is(downloaded?.with?.path, uploaded?.with?.path, 'where apply reads it');
  const steps = (apply.steps ?? []).map((step) => step.uses ?? step.name ?? '');
  assert.ok(
    steps.indexOf('Apply only the newest commit') <
      steps.findIndex((name) => name.startsWith('actions/download-artifact')),
    'a newer commit wins over an approved old plan',
  );
});

test('applies to one store never overlap: one writer per store, and the example runs one apply at a time', () => {
  const apply = jobNamed(workflowNamed('bcgroups-reusable-apply.yml'), 'apply');
  // Keyed by the store, so whoever calls the reusable workflow, two jobs never write to one store at once.
  assert.equal(apply.concurrency, { group: 'bcgroups-write-${{ matrix.label }}', 'cancel-in-progress': false });
  const caller = workflowNamed('bcgroups-apply.yml');
  assert.ok('push' in caller.on);
  assert.equal(caller.concurrency, { group: 'bcgroups-apply', 'cancel-in-progress': false });
  // A job whose group is the calling workflow's own would wait for itself: GitHub cancels it as a deadlock.
  assert.not.ok(
    ['store', 'production'].some(
      (label) => apply.concurrency?.group.replace('${{ matrix.label }}', label) === caller.concurrency?.group,
    ),
    'the groups of the caller and of the apply job never meet',
  );
});

test('the write token is reachable only from apply jobs in a store environment', () => {
  for (const { file, workflow } of readWorkflows()) {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if (!holdsSecret(job, 'secrets.BIGCOMMERCE_ACCESS_TOKEN')) continue;
      assert.is(`${file}/${name}`, 'bcgroups-reusable-apply.yml/apply');
      assert.ok(job.environment, 'an environment');
    }
  }
  const stores = String(stepsOf(workflowNamed('bcgroups-reusable-apply.yml')).find((step) => step.id === 'list')?.run);
  assert.match(stores, 'environment: "bcgroups-store"');
  assert.match(stores, 'environment: `bcgroups-${name}`');
});

test('drift: one job per store, one issue per store titled with it', () => {
  const workflow = workflowNamed('bcgroups-reusable-drift.yml');
  const drift = jobNamed(workflow, 'drift');
  assert.is(drift.strategy?.matrix?.include, MATRIX);
  const issue = drift.steps?.find((step) => step.uses?.startsWith('actions/github-script'));
  assert.is(issue?.env?.STORE_LABEL, '${{ matrix.store || vars.BIGCOMMERCE_STORE_HASH }}');
  assert.is(issue?.env?.STORE_KEY, '${{ matrix.label }}');
  const script = String(issue?.with?.script ?? '');
  assert.match(script, 'bcgroups drift: store ${label}');
  for (const call of ['issues.create', 'issues.update', "state: 'closed'"]) assert.ok(script.includes(call), call);
  assert.ok('schedule' in workflowNamed('bcgroups-drift.yml').on);
  assert.is(workflowNamed('bcgroups-drift.yml').permissions?.issues, 'write');
});

test('Node 20 or newer as engines says, from the node-version input; the callers pass 22', () => {
  const engines = (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      engines: { node: string };
    }
  ).engines.node;
  assert.is(engines, '>=20');
  for (const { file, workflow } of readWorkflows()) {
    for (const step of stepsOf(workflow).filter((candidate) => candidate.uses?.startsWith('actions/setup-node'))) {
      assert.is(step.with?.['node-version'], '${{ inputs.node-version }}', `${file}: setup-node`);
    }
    const versions = isReusable(file)
      ? [workflow.on.workflow_call?.inputs?.['node-version']?.default]
      : Object.values(workflow.jobs).map((job) => job.with?.['node-version']);
    for (const version of versions) assert.ok(Number(version) >= 20, `${file}: Node ${version}`);
    if (isReusable(file))
      assert.match(workflow.on.workflow_call?.inputs?.['node-version']?.description ?? '', '(20 or newer');
  }
});

test('a store is picked by BCGROUPS_STORE per matrix entry; a single store keeps its hash variable', () => {
  for (const { file, workflow } of readWorkflows().filter((entry) => isReusable(entry.file))) {
    for (const [name, job] of Object.entries(workflow.jobs).filter(
      ([jobName]) => !['stores', 'comment', 'changed'].includes(jobName),
    )) {
      assert.is(job.env?.BCGROUPS_STORE, '${{ matrix.store }}', `${file}/${name}`);
      assert.is(
        job.env?.BIGCOMMERCE_STORE_HASH,
        "${{ matrix.store == '' && vars.BIGCOMMERCE_STORE_HASH || '' }}",
        `${file}/${name}: named stores keep the hash of the config`,
      );
    }
  }
});

test('the paths filters follow the groups-dir the caller passes', () => {
  for (const file of ['bcgroups-plan.yml', 'bcgroups-apply.yml']) {
    const workflow = workflowNamed(file);
    const trigger = workflow.on.pull_request ?? workflow.on.push;
    const dir = String(Object.values(workflow.jobs)[0]?.with?.['groups-dir']);
    assert.ok(trigger?.paths?.includes(`${dir}/**`), `${file}: paths include ${dir}/**`);
  }
  for (const { file, workflow } of readWorkflows().filter((entry) => isReusable(entry.file))) {
    for (const invocation of stepsOf(workflow).flatMap((step) => extractInvocations(step.run ?? ''))) {
      if (invocation.command !== 'apply')
        assert.ok(invocation.flags.includes('dir'), `${file}: ${invocation.line} reads the groups-dir`);
    }
  }
});

test.run();
