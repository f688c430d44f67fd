import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseSavedPlan } from '../../../src/planfile/index.js';
import { GUESTS, manyGroupFiles, openProject, RETAIL, VIP } from '../../support/cli.js';

test('plan reads the store with one list request and shows creates; --detailed-exitcode exits 2', async () => {
  const project = await openProject(
    { 'retail.yaml': RETAIL, 'vip.yaml': VIP },
    { seed: [{ id: 1, name: 'Retail', is_default: true }] },
  );
  try {
    const { code, out } = await project.run('plan', '--detailed-exitcode');
    assert.is(code, 2);
    assert.match(out, '+ create VIP');
    assert.match(out, 'Plan: 1 to create, 0 to update, 0 to delete, 1 unchanged, 0 unmanaged.');
    assert.is(project.sandbox.log.length, 1);
    assert.is(project.sandbox.log[0]?.method, 'GET');
    assert.match(project.sandbox.log[0]?.path ?? '', /\/customer_groups\?(page=1&limit=250|limit=250&page=1)$/);
  } finally {
    await project.close();
  }
});

test('plan exits 0 with changes unless --detailed-exitcode, and against a matching store reports no changes', async () => {
  const project = await openProject({ 'retail.yaml': RETAIL }, { seed: [{ id: 1, name: 'Retail', is_default: true }] });
  try {
    const { code, out } = await project.run('plan', '--detailed-exitcode');
    assert.is(code, 0);
    assert.match(out, 'Plan: 0 to create, 0 to update, 0 to delete, 1 unchanged, 0 unmanaged.');
    await project.writeGroups({ 'retail.yaml': RETAIL, 'vip.yaml': VIP });
    const changed = await project.run('plan');
    assert.is(changed.code, 0);
    assert.match(changed.out, '+ create VIP');
  } finally {
    await project.close();
  }
});

test('--format json is the JSON plan alone; --out writes a saved plan without the token', async () => {
  const project = await openProject(
    { 'guests.yaml': GUESTS },
    { seed: [{ id: 4, name: 'Walk-in', is_group_for_guests: true }] },
  );
  try {
    const { code, out } = await project.run('plan', '--format', 'json', '--out', 'plan.json');
    assert.is(code, 0);
    const json = JSON.parse(out) as {
      format_version: number;
      changes: Array<{ key: string; depends_on: string[]; body: unknown }>;
    };
    assert.is(json.format_version, 1);
    assert.equal(
      json.changes.map((c) => c.key),
      ['update:4', 'create:Guests'],
    );
    assert.equal(json.changes[0]?.body, { is_group_for_guests: false });
    assert.equal(json.changes[1]?.depends_on, ['update:4']);
    const text = await readFile(path.join(project.cwd, 'plan.json'), 'utf8');
    assert.not.match(text, project.sandbox.token);
    const saved = parseSavedPlan(text, 'plan.json');
    assert.is(saved.store_hash, project.sandbox.storeHash);
    assert.ok(saved.live['4']?.fingerprint);
  } finally {
    await project.close();
  }
});

test('a safety refusal still prints the plan and exits 3; --force lets it through', async () => {
  const seed = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, name: `Old ${i + 1}` }));
  const project = await openProject({ 'retail.yaml': RETAIL }, { seed });
  try {
    const refused = await project.run('plan', '--prune');
    assert.is(refused.code, 3);
    assert.match(refused.out, 'safety.maxDeletes (5)');
    assert.match(refused.out, '- delete Old 1');
    const saved = await project.run('plan', '--prune', '--out', 'refused.json');
    assert.is(saved.code, 3);
    assert.match(saved.err, 'plan --prune --force --out refused.json');
    const applied = await project.run('apply', 'refused.json', '--force');
    assert.is(applied.code, 3, 'a refused saved plan is never applied');
    assert.match(applied.err, 'never forced at apply time');
    assert.match(
      applied.err,
      'bcgroups plan --prune --force --out refused.json',
      'the hint keeps --prune for a plan that deletes',
    );
    assert.not.match(applied.err, 'Re-run with --force');
    assert.is(project.sandbox.log.filter((entry) => entry.method !== 'GET').length, 0);
    const forced = await project.run('plan', '--prune', '--force');
    assert.is(forced.code, 0);
    assert.not.match(forced.out, 'Refused by safety checks');
    const store = `store ${project.sandbox.storeHash} at ${new URL(project.sandbox.apiUrl).origin}`;
    assert.ok(
      forced.out.startsWith(
        `Plan for ${store} (no config file).\nMade with --force: 2 safety thresholds overridden:\n  ! delete 7 groups: more than safety.maxDeletes (5).\n  ! delete 7 of 7 groups (`,
      ),
      forced.out,
    );
    assert.not.match(forced.out, 'Re-run with --force');
    const markdown = await project.run('plan', '--prune', '--force', '--format', 'markdown');
    assert.ok(
      markdown.out.startsWith(
        `## bcgroups plan: ${store}\n\n> [!WARNING]\n> **Made with --force: 2 safety thresholds overridden:**\n> - delete 7 groups`,
      ),
      markdown.out,
    );
    const calm = await project.run('plan', '--format', 'markdown');
    assert.ok(calm.out.startsWith(`## bcgroups plan: ${store}\n\n|`), calm.out);
    assert.not.match(calm.out + (await project.run('plan')).out, '--force');
  } finally {
    await project.close();
  }
});

test('a forced plan that exceeds no threshold still says it was forced; a create at the defaults says so in markdown, not an empty block', async () => {
  const project = await openProject({ 'retail.yaml': 'name: Plain\n' });
  try {
    const forced = await project.run('plan', '--force');
    assert.match(forced.out, 'Made with --force: safety checks off (no threshold was exceeded).');
    const markdown = await project.run('plan', '--format', 'markdown');
    assert.match(
      markdown.out,
      "<summary>+ create Plain: not in live store</summary>\n\nEvery field at the API's defaults: every category visible, no discount rules, neither the default nor the guest group.\n\n",
    );
  } finally {
    await project.close();
  }
});

test('bad files fail plan with file:line and no request; a missing token fails before any request', async () => {
  const project = await openProject({ 'bad.yaml': 'name: Retail\nis_default: maybe\n' });
  try {
    const bad = await project.run('plan');
    assert.is(bad.code, 1);
    assert.match(bad.err, /groups\/bad\.yaml:2:\d+\s+is_default/);
    assert.is(project.sandbox.log.length, 0);

    await project.writeGroups({ 'retail.yaml': RETAIL });
    delete (project.env as Record<string, string | undefined>).BIGCOMMERCE_ACCESS_TOKEN;
    const noToken = await project.run('plan');
    assert.is(noToken.code, 1);
    assert.match(noToken.err, 'BIGCOMMERCE_ACCESS_TOKEN');
    assert.is(project.sandbox.log.length, 0);
  } finally {
    await project.close();
  }
});

test('--store-hash and --api-url win over the environment', async () => {
  const project = await openProject({ 'retail.yaml': RETAIL }, { seed: [{ id: 1, name: 'Retail', is_default: true }] });
  try {
    const { apiUrl, storeHash } = project.sandbox;
    Object.assign(project.env, { BIGCOMMERCE_STORE_HASH: 'elsewhere', BIGCOMMERCE_API_URL: 'https://example.invalid' });
    const run = await project.run('plan', '--store-hash', storeHash, '--api-url', apiUrl, '--detailed-exitcode');
    assert.is(run.code, 0, run.err);
    assert.is(project.sandbox.log.length, 1);
  } finally {
    await project.close();
  }
});

test('plan names the config file it read in its header line, or says there was none', async () => {
  const project = await openProject({ 'retail.yaml': RETAIL });
  try {
    const store = `store ${project.sandbox.storeHash} at ${new URL(project.sandbox.apiUrl).origin}`;
    const bare = await project.run('plan');
    assert.ok(bare.out.startsWith(`Plan for ${store} (no config file).\n`), bare.out);
    await mkdir(path.join(project.cwd, 'ci'));
    await writeFile(path.join(project.cwd, 'ci/prod.yaml'), 'concurrency: 2\n');
    const named = await project.run('plan', '--config', 'ci/prod.yaml');
    assert.ok(named.out.startsWith(`Plan for ${store} (config ci/prod.yaml).\n`), named.out);
  } finally {
    await project.close();
  }
});

test('plan --markdown-limit shortens markdown between whole changes, and only markdown', async () => {
  const project = await openProject(manyGroupFiles(80), { seed: [{ id: 1, name: 'Retail', is_default: true }] });
  try {
    const text = await project.run('plan', '--markdown-limit', '4096');
    assert.is(text.code, 1);
    assert.match(text.err, '--markdown-limit shortens markdown: use it with --format markdown.');
    const cut = await project.run('plan', '--format', 'markdown', '--markdown-limit', '4096');
    assert.is(cut.code, 0, cut.err);
    assert.ok(Buffer.byteLength(cut.out) <= 4096, `at most the limit: ${Buffer.byteLength(cut.out)}`);
    assert.match(cut.out, /Shortened to fit the size limit\.\*\* \d+ of 80 changes are shown/);
    assert.is((cut.out.match(/<details>/g) ?? []).length, (cut.out.match(/<\/details>/g) ?? []).length);
    assert.match(cut.out, 'Read it whole in the run summary');
  } finally {
    await project.close();
  }
});

test.run();
