// A saved plan is a file anyone can edit: its customer counts, refusals and forced flag never skip a check.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject, type Project } from '../../support/cli.js';
import { CATALOG_STORE, EMPTY_FILE, QUIET_FILE, RETAIL_FILE, TRADE_FILE } from './store-names.fixtures.js';

// With --prune, one group of 4 customers is deleted: refused by safety.maxDeletedCustomers (0).
const FILES = {
  'retail.yaml': RETAIL_FILE,
  'trade.yaml': TRADE_FILE,
  'quiet.yaml': QUIET_FILE,
  'empty.yaml': EMPTY_FILE,
};

interface PlanFile {
  forced: boolean;
  plan: { refusals: unknown[]; changes: Array<{ action: string; customers?: number | null }> };
}

const writes = (project: Project) => project.sandbox.log.filter((entry) => entry.method !== 'GET');

/** Saves the refused plan, then edits the file by hand as `edit` says. */
async function savePlanEdited(project: Project, edit: (saved: PlanFile) => void): Promise<void> {
  assert.is((await project.run('plan', '--prune', '--out', 'plan.json')).code, 3);
  const file = path.join(project.cwd, 'plan.json');
  const saved = JSON.parse(await readFile(file, 'utf8')) as PlanFile;
  edit(saved);
  await writeFile(file, JSON.stringify(saved));
}

test('a delete whose customer count was edited to 0 is counted again at apply and refused', async () => {
  const project = await openProject(FILES, CATALOG_STORE);
  try {
    await savePlanEdited(project, (saved) => {
      saved.plan.refusals = [];
      for (const change of saved.plan.changes) if (change.action === 'delete') change.customers = 0;
    });
    const counted = await project.run('apply', 'plan.json');
    assert.is(counted.code, 3, counted.err);
    assert.match(
      counted.err,
      'plan.json would be refused by the safety checks:\n  ! Refusing to delete 1 group holding ' +
        '4 customers: more than safety.maxDeletedCustomers (0)',
    );
    const uncounted = await project.run('apply', 'plan.json', '--no-customers');
    assert.is(uncounted.code, 3, uncounted.err);
    assert.match(uncounted.err, 'Refusing to delete 1 group whose customers were not counted (--no-customers)');
    assert.is(writes(project).length, 0);
  } finally {
    await project.close();
  }
});

const PLAN_EDITED_SAY_FORCED =
  'a plan edited to say forced is checked again unless apply is given --force, and then says it was forced';
test(PLAN_EDITED_SAY_FORCED, async () => {
  const project = await openProject(FILES, CATALOG_STORE);
  try {
    await savePlanEdited(project, (saved) => {
      saved.forced = true;
      saved.plan.refusals = [];
    });
    const refused = await project.run('apply', 'plan.json');
    assert.is(refused.code, 3, refused.err);
    assert.match(
      refused.err,
      'plan.json was made with --force, and the safety checks would refuse it now:\n' +
        '  ! Refusing to delete 1 group holding 4 customers',
    );
    assert.match(refused.err, 'run `bcgroups apply plan.json --force`');
    assert.is(writes(project).length, 0);
    const forced = await project.run('apply', 'plan.json', '--force');
    assert.is(forced.code, 0, forced.err);
    assert.match(
      forced.out,
      'Made with --force: a safety threshold overridden:\n  ! delete 1 group holding 4 ' +
        'customers: more than safety.maxDeletedCustomers (0)',
    );
    assert.is(writes(project).filter((entry) => entry.method === 'DELETE').length, 1);
  } finally {
    await project.close();
  }
});

test('a forced plan that exceeds no threshold now applies without --force and still says it was forced', async () => {
  const project = await openProject({ ...FILES, 'vip.yaml': 'name: VIP\n' }, CATALOG_STORE);
  try {
    assert.is((await project.run('plan', '--force', '--out', 'plan.json')).code, 0);
    const applied = await project.run('apply', 'plan.json');
    assert.is(applied.code, 0, applied.err);
    assert.match(applied.out, 'Made with --force: safety checks off (no threshold was exceeded).');
    const plain = await project.run('plan', '--out', 'plain.json');
    assert.is(plain.code, 0);
    assert.not.match((await project.run('apply', 'plain.json')).out, 'Made with --force');
  } finally {
    await project.close();
  }
});

test.run();
