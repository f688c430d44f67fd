import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFile } from 'node:fs/promises';
import { runCli } from '../../../src/cli/main.js';
import { memoryIo } from '../../../src/cli/io.js';
import { GUESTS, openProject, RETAIL, VIP } from '../../support/cli.js';

const writes = (log: Array<{ method: string }>) => log.filter((entry) => entry.method !== 'GET');

test('apply without a terminal requires --yes and writes nothing', async () => {
  const project = await openProject({ 'vip.yaml': VIP });
  try {
    const { code, err } = await project.run('apply');
    assert.is(code, 1);
    assert.match(err, '--yes');
    assert.is(writes(project.sandbox.log).length, 0);
  } finally {
    await project.close();
  }
});

test('apply --yes converges under strict holders; a second apply has nothing to do', async () => {
  const seed = [
    { id: 1, name: 'Retail' },
    { id: 2, name: 'Walk-in', is_group_for_guests: true, is_default: true },
  ];
  const project = await openProject(
    { 'retail.yaml': RETAIL, 'guests.yaml': GUESTS, 'vip.yaml': VIP },
    { seed, guestMode: 'strict', defaultMode: 'strict' },
  );
  try {
    const first = await project.run('apply', '--yes');
    assert.is(first.code, 0, first.err);
    assert.match(first.out, 'Applied 4, failed 0, skipped 0, not converged 0');
    const groups = project.sandbox.groups();
    assert.equal(
      groups.filter((g) => g.is_group_for_guests).map((g) => g.name),
      ['Guests'],
    );
    assert.equal(
      groups.filter((g) => g.is_default).map((g) => g.name),
      ['Retail'],
    );
    // Only the differing field is sent to the unmanaged holder.
    const walkIn = project.sandbox.log.find((entry) => entry.method === 'PUT' && entry.path.endsWith('/2'));
    assert.equal(walkIn?.body, { is_default: false, is_group_for_guests: false });

    project.sandbox.resetCounters();
    const before = project.sandbox.log.length;
    const second = await project.run('apply', '--yes');
    assert.is(second.code, 0);
    assert.match(second.out, 'No changes');
    assert.is(writes(project.sandbox.log.slice(before)).length, 0);
  } finally {
    await project.close();
  }
});

test('apply PLANFILE executes the saved plan; a store edited since planning is refused with exit 5', async () => {
  const project = await openProject({ 'vip.yaml': VIP }, { seed: [{ id: 3, name: 'VIP' }] });
  try {
    assert.is((await project.run('plan', '--out', 'plan.json')).code, 0);
    // Someone edits VIP in the control panel between plan and apply.
    await project.editByHand('PUT', 3, { category_access: { type: 'none' } });
    const writesBefore = writes(project.sandbox.log).length;
    const stale = await project.run('apply', 'plan.json');
    assert.is(stale.code, 5);
    assert.match(stale.err, 'VIP');
    assert.match(stale.err, 'Re-run `bcgroups plan --out plan.json`, review it, and apply the new file.');
    assert.is(writes(project.sandbox.log).length, writesBefore);

    assert.is((await project.run('plan', '--out', 'plan.json')).code, 0);
    const fresh = await project.run('apply', 'plan.json');
    assert.is(fresh.code, 0, fresh.err);
    const vip = project.sandbox.groups().find((g) => g.id === 3);
    assert.equal(vip?.discount_rules, [{ type: 'all', method: 'percent', amount: '10.0000' }]);
    assert.equal(vip?.category_access, { type: 'all' });
  } finally {
    await project.close();
  }
});

test('a failing change is reported with its API message, dependents are skipped, exit 4; a re-run converges', async () => {
  const project = await openProject(
    { 'guests.yaml': GUESTS, 'vip.yaml': VIP },
    { seed: [{ id: 9, name: 'Walk-in', is_group_for_guests: true }] },
  );
  try {
    // No retries, so every write fails at once.
    await writeFile(path.join(project.cwd, '.bcgroupsrc.json'), JSON.stringify({ request: { retries: 0 } }));
    project.sandbox.setOptions({ faultRate: 1, faultMethods: ['POST', 'PUT', 'DELETE'] });
    const failed = await project.run('apply', '--yes', '--format', 'json');
    assert.is(failed.code, 4);
    const report = JSON.parse(failed.out) as { results: Array<{ key: string; outcome: string; error: string | null }> };
    const outcomes = Object.fromEntries(report.results.map((r) => [r.key, r.outcome]));
    assert.is(outcomes['update:9'], 'failed');
    assert.is(outcomes['create:Guests'], 'skipped');
    assert.is(outcomes['create:VIP'], 'failed');
    assert.match(failed.err, 'run apply again');

    project.sandbox.setOptions({ faultRate: 0 });
    const again = await project.run('apply', '--yes');
    assert.is(again.code, 0, again.err);
    assert.equal(
      project.sandbox
        .groups()
        .filter((g) => g.is_group_for_guests)
        .map((g) => g.name),
      ['Guests'],
    );
  } finally {
    await project.close();
  }
});

test('when the store cannot be re-read after apply, every outcome is still reported and the exit is 4', async () => {
  const draws = [0.9];
  // Only GETs draw for faults: the first (the plan's read) passes, every later one fails.
  const project = await openProject(
    { 'vip.yaml': VIP },
    { faultRate: 0.5, faultMethods: ['GET'], random: () => draws.shift() ?? 0.1 },
  );
  try {
    await writeFile(path.join(project.cwd, '.bcgroupsrc.json'), JSON.stringify({ request: { retries: 0 } }));
    const run = await project.run('apply', '--yes', '--format', 'json');
    assert.is(run.code, 4);
    const report = JSON.parse(run.out) as { results: Array<{ key: string; outcome: string; error: string | null }> };
    assert.equal(
      report.results.map((r) => [r.key, r.outcome]),
      [['create:VIP', 'not_converged']],
    );
    assert.match(report.results[0]?.error ?? '', 'not confirmed');
    assert.match(run.err, 'bcgroups drift');
    assert.is(project.sandbox.groups().length, 1, 'the create itself landed');
  } finally {
    await project.close();
  }
});

test('on a terminal apply asks, naming the store and API origin; anything but yes cancels with nothing written, yes applies', async () => {
  const project = await openProject({ 'vip.yaml': VIP });
  try {
    const answers = [false, true];
    const questions: string[] = [];
    const ask = async (question: string) => {
      questions.push(question);
      return answers.shift() ?? false;
    };
    const declined = memoryIo({ cwd: project.cwd, env: project.env, confirm: ask });
    assert.is(await runCli(['apply'], declined), 1);
    assert.match(declined.err(), 'Apply cancelled; nothing was changed.');
    assert.is(writes(project.sandbox.log).length, 0);
    const accepted = memoryIo({ cwd: project.cwd, env: project.env, confirm: ask });
    assert.is(await runCli(['apply'], accepted), 0, accepted.err());
    const question = `Apply these changes to store '${project.sandbox.storeHash}' at ${new URL(project.sandbox.apiUrl).origin}?`;
    assert.match(question, /^Apply these changes to store 'sandbox' at http:\/\/127\.0\.0\.1:\d+\?$/);
    assert.equal(questions, [question, question]);
    assert.equal(
      project.sandbox.groups().map((g) => g.name),
      ['VIP'],
    );
  } finally {
    await project.close();
  }
});

test('on a terminal, a store edited while the question waited is refused after the yes (exit 5), nothing written', async () => {
  const project = await openProject(
    { 'retail.yaml': 'name: Retail\ncategory_access:\n  type: none\n' },
    { seed: [{ id: 1, name: 'Retail' }] },
  );
  try {
    const ask = async () => {
      // A colleague changes the group in the control panel while the prompt waits.
      await project.editByHand('PUT', 1, { discount_rules: [{ type: 'all', method: 'percent', amount: 5 }] });
      return true;
    };
    const io = memoryIo({ cwd: project.cwd, env: project.env, confirm: ask });
    const before = writes(project.sandbox.log).length;
    assert.is(await runCli(['apply'], io), 5, io.err());
    assert.match(io.err(), "group 'Retail' (id 1) was modified since planning");
    assert.match(io.err(), 'Nothing was changed');
    assert.is(writes(project.sandbox.log).length, before + 1, 'only the hand edit was written');
    assert.equal(project.sandbox.groups()[0]?.category_access, { type: 'all' });
  } finally {
    await project.close();
  }
});

test('a saved plan whose refusals were edited away is checked again and refused; a forced one applies', async () => {
  const seed = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, name: `Old ${i + 1}` }));
  const project = await openProject({ 'vip.yaml': VIP }, { seed });
  try {
    assert.is((await project.run('plan', '--prune', '--out', 'plan.json')).code, 3);
    const file = path.join(project.cwd, 'plan.json');
    const planned = JSON.parse(await readFile(file, 'utf8'));
    const edited = { ...planned, plan: { ...planned.plan, refusals: [] } };
    await writeFile(file, JSON.stringify(edited));
    const refused = await project.run('apply', 'plan.json');
    assert.is(refused.code, 3);
    assert.match(refused.err, 'would be refused by the safety checks');
    assert.is(writes(project.sandbox.log).length, 0);

    assert.is((await project.run('plan', '--prune', '--force', '--out', 'plan.json')).code, 0);
    await project.writeGroups({ 'vip.yaml': VIP, 'retail.yaml': RETAIL });
    const forced = await project.run('apply', 'plan.json', '--force');
    assert.is(forced.code, 0, forced.err);
    assert.match(forced.err, 'groups/ has changed since plan.json was made');
    assert.equal(
      project.sandbox.groups().map((g) => g.name),
      ['VIP'],
      'the saved plan, not the current files',
    );
  } finally {
    await project.close();
  }
});

test('a stale or refused saved plan suggests the plan command with the flags this run used', async () => {
  const seed = Array.from({ length: 3 }, (_, i) => ({ id: i + 1, name: `Old ${i + 1}` }));
  const project = await openProject({ 'vip.yaml': VIP }, { seed });
  try {
    const { apiUrl, storeHash } = project.sandbox;
    Object.assign(project.env, { BIGCOMMERCE_STORE_HASH: '', BIGCOMMERCE_API_URL: '' });
    const store = ['--store-hash', storeHash, '--api-url', apiUrl];
    assert.is((await project.run('plan', ...store, '--prune', '--force', '--out', 'p.json')).code, 0);
    await project.editByHand('PUT', 1, { name: 'Old one' });
    const stale = await project.run('apply', 'p.json', ...store);
    assert.is(stale.code, 5);
    assert.match(
      stale.err,
      `Re-run \`bcgroups plan --store-hash ${storeHash} --api-url ${apiUrl} --prune --force --out p.json\``,
    );
    assert.is(writes(project.sandbox.log).length, 1, 'only the hand edit');
  } finally {
    await project.close();
  }
});

test('a plan file that is missing or a folder is said in words, with what to give instead, and nothing is sent', async () => {
  const project = await openProject({ 'retail.yaml': RETAIL });
  try {
    const missing = await project.run('apply', 'missing.json');
    assert.is(missing.code, 1);
    assert.match(
      missing.err,
      'Cannot read the plan file: missing.json does not exist (check the path). Give the path of a file written by `bcgroups plan --out FILE`.',
    );
    const folder = await project.run('apply', 'groups');
    assert.is(folder.code, 1);
    assert.match(folder.err, 'Cannot read the plan file: groups is a folder, not a plan file.');
    assert.not.match(missing.err + folder.err, /ENOENT|EISDIR/);
    assert.is(project.sandbox.log.length, 0);
  } finally {
    await project.close();
  }
});

test.run();
