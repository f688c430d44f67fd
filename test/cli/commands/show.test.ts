// `show PLANFILE`: a saved plan printed again without a store, token or config, as plan printed it.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject, runIn, VIP } from '../../support/cli.js';

const SEED = {
  seed: [
    { id: 3, name: 'VIP' },
    { id: 4, name: 'Old' },
    { id: 5, name: 'Older' },
  ],
};

test('show prints each format byte for byte as plan printed it, with no store, token or config', async () => {
  const project = await openProject({ 'vip.yaml': VIP }, SEED);
  try {
    await mkdir(path.join(project.cwd, 'base/groups'), { recursive: true });
    await writeFile(path.join(project.cwd, 'base/groups/vip.yaml'), 'id: 3\nname: VIP\n');
    await writeFile(path.join(project.cwd, '.bcgroupsrc.yaml'), 'safety:\n  maxDeletes: 1\n');
    for (const format of ['text', 'markdown', 'json']) {
      // --prune and --force: the header's --force lines; --baseline: the split by origin.
      const flags = ['--format', format, '--prune', '--force', '--baseline', 'base', '--out', `${format}.json`];
      const planned = await project.run('plan', ...flags);
      assert.is(planned.code, 0, planned.err);
      const before = project.sandbox.log.length;
      const shown = await runIn(project.cwd, ['show', `${format}.json`, '--format', format], {});
      assert.is(shown.code, 0, shown.err);
      assert.is(shown.out, planned.out, format);
      assert.match(shown.err, `This is ${format}.json as saved at `);
      assert.is(project.sandbox.log.length, before, 'no request');
    }
    const text = await runIn(project.cwd, ['show', 'text.json'], {});
    assert.match(text.out, 'Made with --force');
    assert.match(text.out, '(config .bcgroupsrc.yaml)');
  } finally {
    await project.close();
  }
});

test('show prints a refused plan as plan did, and an edited file is refused as apply refuses it', async () => {
  const project = await openProject({ 'vip.yaml': VIP }, SEED);
  try {
    const planned = await project.run('plan', '--prune', '--no-customers', '--out', 'plan.json');
    assert.is(planned.code, 3, planned.err);
    const shown = await runIn(project.cwd, ['show', 'plan.json'], {});
    assert.is(shown.out, planned.out);
    await writeFile(path.join(project.cwd, 'bad.json'), '{"format_version": 2}');
    const bad = await runIn(project.cwd, ['show', 'bad.json'], {});
    assert.is(bad.code, 1);
    assert.match(bad.err, 'bad.json is not a valid saved plan');
    const none = await runIn(project.cwd, ['show'], {});
    assert.is(none.code, 1);
    assert.match(none.err, 'show needs the plan file');
  } finally {
    await project.close();
  }
});

test.run();
