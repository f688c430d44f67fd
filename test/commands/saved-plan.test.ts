// `apply PLANFILE` end to end: the file must be the plan it shows, for the store it names.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject, VIP } from './harness.js';

test('a saved plan applied to another store is a usage error naming both stores; nothing is asked of either', async () => {
  const project = await openProject({ 'vip.yaml': VIP });
  try {
    assert.is((await project.run('plan', '--out', 'plan.json')).code, 0);
    const before = project.sandbox.log.length;
    project.env.BIGCOMMERCE_STORE_HASH = 'otherstore';
    const { code, err } = await project.run('apply', 'plan.json');
    assert.is(code, 1, err);
    assert.match(err, `plan.json was made for store '${project.sandbox.storeHash}', but this run is configured for store 'otherstore'`);
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

test.run();
