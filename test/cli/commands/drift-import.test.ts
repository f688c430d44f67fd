import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memoryIo } from '../../../src/cli/io.js';
import { runDemo } from '../../../src/demo/index.js';
import { manyGroupFiles, openProject, RETAIL, VIP } from '../../support/cli.js';

test('drift: 0 in sync, 2 on a hand edit (named per field), unmanaged counted unless ignored; never writes', async () => {
  const seed = [
    { id: 1, name: 'Retail', is_default: true },
    { id: 2, name: 'VIP', discount_rules: [{ type: 'all', method: 'percent', amount: '10.0000' }] },
  ];
  const project = await openProject({ 'retail.yaml': RETAIL, 'vip.yaml': VIP }, { seed });
  try {
    assert.is((await project.run('drift')).code, 0);
    await project.editByHand('PUT', 2, { discount_rules: [{ type: 'all', method: 'percent', amount: 12 }] });
    const drifted = await project.run('drift', '--format', 'markdown');
    assert.is(drifted.code, 2);
    assert.match(drifted.out, 'VIP');
    assert.match(drifted.out, 'store has 12% off all products, the file says 10%');
    // A scheduled report names the store it speaks of, in markdown and in text.
    assert.match(drifted.out, `## bcgroups drift: store ${project.sandbox.storeHash}`);
    assert.match((await project.run('drift')).out, `Drift of store ${project.sandbox.storeHash}`);

    await project.writeGroups({ 'retail.yaml': RETAIL });
    assert.is((await project.run('drift')).code, 2, 'VIP is now unmanaged');
    assert.is((await project.run('drift', '--ignore-unmanaged')).code, 0);
    assert.is(project.sandbox.log.filter((entry) => entry.method !== 'GET').length, 1, 'only the hand edit wrote');
  } finally {
    await project.close();
  }
});

test('drift reports a pinned group deleted by hand as drift (exit 2), in every format', async () => {
  const project = await openProject(
    { 'vip.yaml': `id: 2\n${VIP}` },
    { seed: [{ id: 2, name: 'VIP', discount_rules: [{ type: 'all', method: 'percent', amount: 10 }] }] },
  );
  try {
    assert.is((await project.run('drift')).code, 0);
    await project.editByHand('DELETE', 2);
    const text = await project.run('drift');
    assert.is(text.code, 2, text.err);
    assert.match(text.out, 'groups/vip.yaml:1:1  id  pinned id 2 does not exist in the live store');
    const markdown = await project.run('drift', '--format', 'markdown');
    assert.is(markdown.code, 2);
    assert.match(markdown.out, '> [!WARNING]');
    const json = await project.run('drift', '--format', 'json');
    assert.is(json.code, 2);
    assert.equal(
      (JSON.parse(json.out) as { problems: Array<{ field: string }> }).problems.map((p) => p.field),
      ['id'],
    );
    assert.is((await project.run('plan')).code, 1, 'plan still refuses: it cannot plan from a pin to nothing');
  } finally {
    await project.close();
  }
});

test('drift reports a group made by hand under a renamed_from name as drift (exit 2), in words and every format', async () => {
  // Gold was renamed Gold Members; then someone made "Gold" again in the control panel.
  const seed = [
    { id: 2, name: 'Gold Members' },
    { id: 7, name: 'Gold' },
  ];
  const project = await openProject({ 'gold.yaml': 'name: Gold Members\nrenamed_from: [Gold]\n' }, { seed });
  try {
    const text = await project.run('drift');
    assert.is(text.code, 2, text.err);
    assert.match(text.out, 'The store has a group named like one a file below used to be called');
    assert.match(text.out, "groups/gold.yaml:2:1  renamed_from  the store has 'Gold Members' (id 2) and 'Gold' (id 7)");
    const markdown = await project.run('drift', '--format', 'markdown');
    assert.is(markdown.code, 2, markdown.err);
    assert.match(markdown.out, '> [!WARNING]\n> The store has a group named like');
    const json = await project.run('drift', '--format', 'json');
    assert.is(json.code, 2, json.err);
    assert.is(JSON.parse(json.out).kind, 'unplannable_drift');
    assert.is((await project.run('plan')).code, 1, 'plan still refuses: it cannot tell which group is meant');
  } finally {
    await project.close();
  }
});

test('drift reports another group holding the name of a pinned group as drift (exit 2), not an error', async () => {
  // VIP (id 2) was renamed Gold by hand, and a new group took the name VIP.
  const seed = [
    { id: 2, name: 'Gold' },
    { id: 7, name: 'VIP' },
  ];
  const project = await openProject({ 'vip.yaml': 'id: 2\nname: VIP\n' }, { seed });
  try {
    const text = await project.run('drift');
    assert.is(text.code, 2, text.err);
    assert.match(text.out, 'A group in the store has the name that a file below gives the group it pins by id');
    assert.match(text.out, "groups/vip.yaml:2:1  name  name 'VIP' belongs to live group 7, but this file pins id 2");
    assert.is((await project.run('plan')).code, 1, 'plan still refuses: it cannot rename into a taken name');
  } finally {
    await project.close();
  }
});

test('drift --markdown-limit cuts a long report between whole groups, with a note (an issue body)', async () => {
  const project = await openProject(manyGroupFiles(80), { seed: [{ id: 1, name: 'Retail', is_default: true }] });
  try {
    const cut = await project.run('drift', '--format', 'markdown', '--markdown-limit', '2048');
    assert.is(cut.code, 2, cut.err);
    assert.ok(Buffer.byteLength(cut.out) <= 2048, `at most the limit: ${Buffer.byteLength(cut.out)}`);
    assert.match(cut.out, /Shortened to fit the size limit\.\*\* \d+ of 80 differing groups are shown/);
    assert.match(cut.out, 'Read it whole in the run summary and `bcgroups drift` in text or JSON.');
    assert.ok(
      cut.out.split('\n').every((line) => line === '' || !/^- Group \d*$/.test(line)),
      'no line cut short',
    );
  } finally {
    await project.close();
  }
});

test('a mismatch of groups/ itself (a name differing only in case) is an error for drift as for plan, not drift', async () => {
  const project = await openProject({ 'retail.yaml': 'name: retail\n' }, { seed: [{ id: 1, name: 'Retail' }] });
  try {
    const run = await project.run('drift');
    assert.is(run.code, 1);
    assert.match(run.err, "name 'retail' differs only in case from live group 1 ('Retail')");
    assert.is(run.out, '');
  } finally {
    await project.close();
  }
});

test('drift --ignore-unmanaged neither counts nor lists groups no file describes', async () => {
  const project = await openProject(
    { 'retail.yaml': RETAIL },
    {
      seed: [
        { id: 1, name: 'Retail', is_default: true },
        { id: 5, name: 'Hand Made' },
      ],
    },
  );
  try {
    const counted = await project.run('drift');
    assert.is(counted.code, 2);
    assert.match(counted.out, 'But 1 live group is described by no file');
    assert.match(counted.out, 'Hand Made (id 5)');
    const ignored = await project.run('drift', '--ignore-unmanaged');
    assert.is(ignored.code, 0);
    assert.match(ignored.out, 'In sync: no differences.');
    assert.not.match(ignored.out, 'Hand Made');
  } finally {
    await project.close();
  }
});

test('import writes canonical files with pins; a plan right after reports no changes; no overwrite without --overwrite', async () => {
  const seed = [
    {
      id: 7,
      name: 'Wholesale',
      category_access: { type: 'specific', categories: [23, 18] },
      discount_rules: [{ type: 'category', method: 'percent', amount: '12.5000', category_id: 18 }],
    },
    { id: 8, name: 'Guests', is_group_for_guests: true },
    { id: 9, name: 'Trade / EU', discount_rules: [{ type: 'price_list', price_list_id: 3 }] },
    // Specific access to no category at all is a real live state, and must survive the round trip.
    { id: 10, name: 'Hidden', category_access: { type: 'specific', categories: [] } },
  ];
  const catalog = {
    categories: [
      { category_id: 18, name: 'Power Tools' },
      { category_id: 23, name: 'Hand Tools' },
    ],
    price_lists: [{ id: 3, name: 'Trade' }],
  };
  const project = await openProject({}, { seed, catalog });
  try {
    const imported = await project.run('import');
    assert.is(imported.code, 0, imported.err);
    const files = (await readdir(path.join(project.cwd, 'groups'))).sort();
    assert.equal(files, ['guests.yaml', 'hidden.yaml', 'trade-eu.yaml', 'wholesale.yaml']);
    const wholesale = await readFile(path.join(project.cwd, 'groups', 'wholesale.yaml'), 'utf8');
    // bcgroups runs from outside this temp project: a modeline into it would break anywhere else.
    assert.match(wholesale, /^id: 7\n/);
    assert.match(imported.out, 'No schema modeline was written: bcgroups runs from outside this project');

    const plan = await project.run('plan', '--detailed-exitcode');
    assert.is(plan.code, 0, plan.out);
    assert.match(plan.out, 'Plan: 0 to create, 0 to update, 0 to delete, 4 unchanged, 0 unmanaged.');

    await project.editByHand('PUT', 8, { name: 'Visitors' });
    const refused = await project.run('import');
    assert.is(refused.code, 1);
    assert.match(refused.err, '--overwrite');
    assert.is((await project.run('import', '--overwrite')).code, 0);
    // The file that pins id 8 is refreshed in place: no second file with the same pin appears.
    assert.match(await readFile(path.join(project.cwd, 'groups', 'guests.yaml'), 'utf8'), 'name: Visitors');
    assert.equal((await readdir(path.join(project.cwd, 'groups'))).sort(), [
      'guests.yaml',
      'hidden.yaml',
      'trade-eu.yaml',
      'wholesale.yaml',
    ]);
    assert.is((await project.run('plan', '--detailed-exitcode')).code, 0);
  } finally {
    await project.close();
  }
});

test('import names targets in comments, or by name with --by-name; a plan right after shows no changes either way', async () => {
  const seed = [
    {
      id: 7,
      name: 'Wholesale',
      category_access: { type: 'specific', categories: [18, 31] },
      discount_rules: [
        { type: 'category', method: 'percent', amount: '10.0000', category_id: 18 },
        { type: 'category', method: 'percent', amount: '5.0000', category_id: 31 },
        { type: 'product', method: 'fixed', amount: '9.0000', product_id: 112 },
      ],
    },
    { id: 9, name: 'Trade', discount_rules: [{ type: 'price_list', price_list_id: 3 }] },
  ];
  const catalog = {
    categories: [
      { category_id: 10, name: 'Tools' },
      { category_id: 18, name: 'Power Tools', parent_id: 10 },
      // The same path in a second tree: by name it would be ambiguous, so it stays an id.
      { category_id: 30, name: 'Tools', tree_id: 2 },
      { category_id: 31, name: 'Power Tools', parent_id: 30, tree_id: 2 },
    ],
    products: [{ id: 112, name: 'Claw Hammer', sku: 'HAM-16' }],
    price_lists: [{ id: 3, name: 'Trade 2026' }],
  };
  const project = await openProject({}, { seed, catalog });
  try {
    assert.is((await project.run('import')).code, 0);
    const byId = await readFile(path.join(project.cwd, 'groups', 'wholesale.yaml'), 'utf8');
    assert.match(byId, 'categories: [ 18, 31 ] # Tools/Power Tools, Tools/Power Tools\n');
    assert.match(byId, 'category_id: 18 # Tools/Power Tools\n');
    assert.match(byId, 'product_id: 112 # Claw Hammer (SKU HAM-16)\n');
    assert.match(
      await readFile(path.join(project.cwd, 'groups', 'trade.yaml'), 'utf8'),
      'price_list_id: 3 # Trade 2026\n',
    );
    assert.is((await project.run('plan', '--detailed-exitcode')).code, 0);

    const named = await project.run('import', '--by-name', '--overwrite');
    assert.is(named.code, 0, named.err);
    const byName = await readFile(path.join(project.cwd, 'groups', 'wholesale.yaml'), 'utf8');
    assert.match(byName, 'category_id: 18 # Tools/Power Tools\n');
    assert.match(byName, 'product_sku: HAM-16\n');
    assert.match(await readFile(path.join(project.cwd, 'groups', 'trade.yaml'), 'utf8'), 'price_list: Trade 2026\n');
    const plan = await project.run('plan', '--detailed-exitcode');
    assert.is(plan.code, 0, plan.out + plan.err);
  } finally {
    await project.close();
  }
});

test('import refreshes a file that names a group without a pin, rather than writing a second file for it', async () => {
  const project = await openProject(
    { 'b2b.yml': 'name: B2B Buyers\n' },
    { seed: [{ id: 11, name: 'B2B Buyers', discount_rules: [{ type: 'all', method: 'percent', amount: 3 }] }] },
  );
  try {
    const refused = await project.run('import');
    assert.is(refused.code, 1);
    assert.match(refused.err, 'groups/b2b.yml');
    assert.not.match(refused.err, project.cwd, 'paths are shown as given, not resolved');
    const imported = await project.run('import', '--overwrite');
    assert.is(imported.code, 0, imported.err);
    assert.equal(await readdir(path.join(project.cwd, 'groups')), ['b2b.yml']);
    assert.match(await readFile(path.join(project.cwd, 'groups', 'b2b.yml'), 'utf8'), 'id: 11');
    assert.is((await project.run('plan', '--detailed-exitcode')).code, 0);
  } finally {
    await project.close();
  }
});

test('the demo runs the whole lifecycle with every step exiting as expected', async () => {
  const io = memoryIo();
  const root = path.resolve(new URL('../../../', import.meta.url).pathname);
  const code = await runDemo(io, root);
  assert.is(code, 0, io.out());
  for (const step of ['$ bcgroups validate', '$ bcgroups plan', '$ bcgroups apply --yes', '$ bcgroups drift'])
    assert.match(io.out(), step);
  assert.match(io.out(), 'every step exited as expected');
  // The demo's plans name the catalog and count customers.
  assert.match(io.out(), '10% off Tools (category 18) -> 15%');
  assert.match(io.out(), 'price list Retail 2026 (id 2) -> price list Trade 2026 (id 3)');
  assert.match(io.out(), '4 customers in this group');
  // A group priced by a price list on one channel, and a change of that channel's list in one write.
  assert.match(io.out(), "+ Wholesale: price list 'Wholesale EU' (id 1) on channel 'EU Storefront' (id 2)");
  assert.match(io.out(), 'Apply will send 1 write request');
});

test.run();
