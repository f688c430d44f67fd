// merged_from: apply moves every customer of the old group into this one, 10 a request and 3 at once, then
// deletes the old group; a run cut short converges on the next; no customer's email or name is ever shown.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject, type Project, runIn } from '../../support/cli.js';
import { seededRandom } from '../../support/sandbox.js';
import type { SandboxOptions } from '../../../src/sandbox/index.js';

const OLD = 2;
const MEMBERS = 23;
const FILES = {
  'retail.yaml': 'name: Retail\n',
  'wholesale.yaml': 'name: Wholesale\nmerged_from: [Old Wholesale]\n',
};

const STORE: SandboxOptions = {
  seed: [
    { id: 1, name: 'Retail' },
    { id: OLD, name: 'Old Wholesale' },
  ],
  customers: [
    ...Array.from({ length: MEMBERS }, (_, index) => ({
      id: 100 + index,
      email: `buyer${index}@trade.example`,
      first_name: 'Quentin',
      last_name: `Zebulon${index}`,
      customer_group_id: OLD,
    })),
    { id: 500, email: 'shopper@retail.example', first_name: 'Rita', last_name: 'Shopper', customer_group_id: 1 },
  ],
};

/** Every way a customer could be named: none of these may appear in any output, file or log. */
const PRIVATE = /trade\.example|retail\.example|Quentin|Zebulon|Rita|Shopper/;

function groupOf(project: Project, customerId: number): number | undefined {
  return project.sandbox.catalog.customers.find((customer) => customer.id === customerId)?.customer_group_id;
}

function moveBodies(project: Project): unknown[][] {
  return project.sandbox.log
    .filter((entry) => entry.method === 'PUT' && entry.path.includes('/v3/customers') && Array.isArray(entry.body))
    .map((entry) => entry.body as unknown[]);
}

test('a merge of 23 customers: the plan says how many move, apply moves them 10 at a time and deletes', async () => {
  // A little latency keeps the three batches in flight together, so the cap of 3 is seen, not assumed.
  const project = await openProject(FILES, { ...STORE, latencyMs: 30 });
  try {
    const text = await project.run('plan');
    assert.is(text.code, 0, text.err);
    assert.match(
      text.out,
      '- delete Old Wholesale (id 2): merged into Wholesale (merged_from in groups/wholesale.yaml)',
    );
    assert.match(text.out, '23 customers move to Wholesale first (at most 10 a request)');
    assert.match(text.out, 'waits for: create Wholesale');
    const json = await project.run('plan', '--format', 'json');
    const merge = (JSON.parse(json.out) as { changes: Array<Record<string, unknown>> }).changes.find(
      (change) => change.id === OLD,
    );
    assert.equal(merge?.merge_into, { name: 'Wholesale', id: null });
    assert.is(merge?.customers, MEMBERS);
    const markdown = await project.run('plan', '--format', 'markdown');
    const drift = await project.run('drift');
    assert.match(drift.out, 'Old Wholesale: in the store, merged into Wholesale by merged_from (not applied yet)');
    assert.is((await project.run('plan', '--out', 'plan.json')).code, 0);
    const saved = await readFile(path.join(project.cwd, 'plan.json'), 'utf8');

    const summaryFile = path.join(project.cwd, 'step-summary.md');
    const applied = await runIn(project.cwd, ['apply', 'plan.json', '--format', 'json'], {
      ...project.env,
      GITHUB_STEP_SUMMARY: summaryFile,
    });
    const summary = await readFile(summaryFile, 'utf8');
    assert.match(summary, 'delete Old Wholesale (id 2): moved 23 customers in 3 batches');
    assert.is(applied.code, 0, applied.err);
    const bodies = moveBodies(project);
    assert.equal(
      bodies.map((body) => body.length).sort((a, b) => a - b),
      [3, 10, 10],
    );
    assert.is(project.sandbox.counters.maxInFlightByEndpoint['PUT /v3/customers'], 3);
    const refused = project.sandbox.log.filter((entry) => entry.path.includes('/v3/customers') && entry.status === 429);
    assert.is(refused.length, 0);
    for (let index = 0; index < MEMBERS; index++) assert.is(groupOf(project, 100 + index) !== OLD, true);
    const wholesale = project.sandbox.groups().find((group) => group.name === 'Wholesale');
    assert.ok(wholesale);
    for (let index = 0; index < MEMBERS; index++) assert.is(groupOf(project, 100 + index), wholesale.id);
    assert.is(groupOf(project, 500), 1);
    assert.not.ok(project.sandbox.groups().some((group) => group.id === OLD));
    const result = (JSON.parse(applied.out) as { results: Array<Record<string, unknown>> }).results.find(
      (entry) => entry.id === OLD,
    );
    assert.equal(result?.moved, {
      customers: MEMBERS,
      batches: [
        { size: 10, outcome: 'moved', status: 200 },
        { size: 10, outcome: 'moved', status: 200 },
        { size: 3, outcome: 'moved', status: 200 },
      ],
      remaining: 0,
    });
    const after = await project.run('plan', '--detailed-exitcode');
    assert.is(after.code, 0, after.out);

    const outputs = [text, json, markdown, drift, applied, after].map((run) => run.out + run.err).join('\n');
    assert.not.match(outputs + saved + summary, PRIVATE);
  } finally {
    await project.close();
  }
});

test('a merge cut short by failed moves keeps the group; the next apply moves the rest and deletes it', async () => {
  const project = await openProject(FILES, STORE);
  try {
    await writeFile(path.join(project.cwd, '.bcgroupsrc.json'), JSON.stringify({ request: { retries: 0 } }));
    project.sandbox.setOptions({ faultRate: 0.5, faultMethods: ['PUT'], random: seededRandom(7) });
    const first = await project.run('apply', '--yes');
    project.sandbox.setOptions({ faultRate: 0 });
    assert.is(first.code, 4, first.out + first.err);
    const moved = Array.from({ length: MEMBERS }, (_, index) => groupOf(project, 100 + index)).filter(
      (group) => group !== OLD,
    ).length;
    assert.ok(moved > 0 && moved < MEMBERS, `a fault in the middle: ${moved} of ${MEMBERS} moved`);
    assert.match(first.out + first.err, `${MEMBERS - moved} customers still in the group (`);
    assert.match(first.out + first.err, /\(\d of 3 batches did not move\); it is kept: run apply again/);
    assert.ok(
      project.sandbox.groups().some((group) => group.id === OLD),
      'the group is kept while not empty',
    );

    const plan = await project.run('plan');
    assert.match(plan.out, `${MEMBERS - moved} customers move to Wholesale first`);
    const second = await project.run('apply', '--yes');
    assert.is(second.code, 0, second.out + second.err);
    const wholesale = project.sandbox.groups().find((group) => group.name === 'Wholesale');
    for (let index = 0; index < MEMBERS; index++) assert.is(groupOf(project, 100 + index), wholesale?.id);
    assert.not.ok(project.sandbox.groups().some((group) => group.id === OLD));
    assert.ok(moveBodies(project).every((body) => body.length <= 10));
    assert.not.match([first, plan, second].map((run) => run.out + run.err).join('\n'), PRIVATE);
  } finally {
    await project.close();
  }
});

test('a new group taking the guest flag of the group it merges: released, then create, move, delete', async () => {
  const project = await openProject(
    { 'wholesale.yaml': 'name: Wholesale\nis_group_for_guests: true\nmerged_from: [Old Wholesale]\n' },
    {
      ...STORE,
      seed: [
        { id: 1, name: 'Retail' },
        { id: OLD, name: 'Old Wholesale', is_group_for_guests: true },
      ],
    },
  );
  try {
    const applied = await project.run('apply', '--yes');
    assert.is(applied.code, 0, applied.out + applied.err);
    const wholesale = project.sandbox.groups().find((group) => group.name === 'Wholesale');
    assert.is(wholesale?.is_group_for_guests, true);
    assert.not.ok(project.sandbox.groups().some((group) => group.id === OLD));
    for (let index = 0; index < MEMBERS; index++) assert.is(groupOf(project, 100 + index), wholesale?.id);
    assert.is((await project.run('plan', '--detailed-exitcode')).code, 0);
  } finally {
    await project.close();
  }
});

test('a merge is a delete like any other: what names the old group refuses it unless --force', async () => {
  const project = await openProject(FILES, {
    ...STORE,
    taxZones: [{ id: 9, name: 'Trade zone', customer_groups: [OLD] }],
  });
  try {
    const refused = await project.run('apply', '--yes');
    assert.is(refused.code, 3, refused.err);
    assert.match(refused.out, "named by tax zone 'Trade zone' (id 9)");
    assert.is(moveBodies(project).length, 0);
    assert.is((await project.run('apply', '--yes', '--force')).code, 0);
    assert.not.ok(project.sandbox.groups().some((group) => group.id === OLD));
  } finally {
    await project.close();
  }
});

test('merged_from naming a group of groups/, the group itself, or merged twice is an error at file:line', async () => {
  const project = await openProject({
    'retail.yaml': 'name: Retail\nmerged_from:\n  - Retail\n  - Old\n',
    'trade.yaml': 'name: Trade\nmerged_from: [Old, Retail]\n',
  });
  try {
    const run = await project.run('validate');
    assert.is(run.code, 1, run.out);
    const said = run.out + run.err;
    assert.match(said, 'retail.yaml:3');
    assert.match(said, "'Retail' is this group's own name");
    assert.match(said, "'Retail' is the name of groups/retail.yaml:1, a group of its own");
    assert.match(said, "'Old' is also merged by");
    assert.is(project.sandbox.log.filter((entry) => entry.method !== 'GET').length, 0);
  } finally {
    await project.close();
  }
});

test.run();
