// `apply PLANFILE` end to end: the file must be the plan it shows, for the store it names.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject, VIP } from '../../support/cli.js';

const SAVED_PLAN_APPLIED_ANOTHER =
  'a saved plan applied to another store is a usage error naming both stores; nothing is asked of either';
test(SAVED_PLAN_APPLIED_ANOTHER, async () => {
  const project = await openProject({ 'vip.yaml': VIP });
  try {
    assert.is((await project.run('plan', '--out', 'plan.json')).code, 0);
    const before = project.sandbox.log.length;
    project.env.BIGCOMMERCE_STORE_HASH = 'otherstore';
    const { code, err } = await project.run('apply', 'plan.json');
    assert.is(code, 1, err);
    assert.match(
      err,
      `plan.json was made for store '${project.sandbox.storeHash}', but this run is configured for store 'otherstore'`,
    );
    assert.not.match(err, 'stale');
    assert.is(project.sandbox.log.length, before, 'no request at all');
  } finally {
    await project.close();
  }
});

test('apply PLANFILE prints the plan it executes, as plan renders it, before the results', async () => {
  const project = await openProject({ 'vip.yaml': VIP }, { seed: [{ id: 3, name: 'VIP' }] });
  try {
    const planned = await project.run('plan', '--out', 'plan.json');
    assert.is(planned.code, 0, planned.err);
    const rendering = planned.out.slice(0, planned.out.lastIndexOf('Read '));
    assert.match(rendering, '~ update VIP (id 3)');
    const applied = await project.run('apply', 'plan.json');
    assert.is(applied.code, 0, applied.err);
    assert.ok(applied.out.startsWith(rendering), applied.out);
    assert.ok(applied.out.indexOf('Applied 1') >= rendering.length, applied.out);
  } finally {
    await project.close();
  }
});

const writes = (log: Array<{ method: string }>) =>
  log.filter((entry) => ['POST', 'PUT', 'DELETE'].includes(entry.method));

test('a hand-edited saved plan is refused with exit 1 naming the change, and nothing is written', async () => {
  const seed = [
    { id: 3, name: 'VIP' },
    { id: 4, name: 'Retail', category_access: { type: 'none' as const } },
  ];
  const project = await openProject(
    { 'vip.yaml': VIP, 'retail.yaml': 'name: Retail\ncategory_access:\n  type: none\n' },
    { seed },
  );
  try {
    assert.is((await project.run('plan', '--out', 'plan.json')).code, 0);
    const file = path.join(project.cwd, 'plan.json');
    const planned = JSON.parse(await readFile(file, 'utf8'));
    // The reviewed plan adds a rule to VIP; the edited file also opens every category to it.
    const widened = structuredClone(planned);
    widened.plan.changes[0].body.category_access = { type: 'all' };
    widened.plan.changes[0].body.discount_rules[0].amount = '100.0000';
    await writeFile(file, JSON.stringify(widened));
    const refused = await project.run('apply', 'plan.json');
    assert.is(refused.code, 1, refused.err);
    assert.match(refused.err, 'plan.json is not a plan bcgroups wrote, or was edited since; nothing was sent');
    assert.match(
      refused.err,
      "change 'update:3': its body sends category_access, which its before/after do not change; " +
        'sends discount_rules with other values than its after',
    );
    // A change spliced in while the summary and lists still describe the reviewed plan.
    const spliced = structuredClone(planned);
    const retail = { ...planned.plan.changes[0], key: 'update:4', id: 4, name: 'Retail' };
    spliced.plan.changes.push({
      ...retail,
      before: { ...retail.before, name: 'Retail' },
      after: { ...retail.after, name: 'Retail' },
    });
    await writeFile(file, JSON.stringify(spliced));
    const splicedRun = await project.run('apply', 'plan.json');
    assert.is(splicedRun.code, 1, splicedRun.err);
    assert.match(
      splicedRun.err,
      'the summary says 0 create, 1 update, 0 delete, 1 unchanged, ' +
        '0 unmanaged, but the changes and lists make 0 create, 2 update',
    );
    assert.match(splicedRun.err, "change 'update:4': group 4 is also listed as unchanged");
    assert.equal(writes(project.sandbox.log), []);
  } finally {
    await project.close();
  }
});

test.run();
