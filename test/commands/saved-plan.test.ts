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

test.run();
