import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadDesired } from '../../src/desired/index.js';
import { resolveReferences } from '../../src/references/index.js';
import { BcgroupsError } from '../../src/errors.js';
import { importGroups, renderGroupFile, SCHEMA_MODELINE } from '../../src/import/index.js';
import { modelineFor } from '../../src/import/render.js';
import type { DiscountRuleOf, GroupFile, LiveGroup } from '../../src/model/index.js';
import { normalizeAccess, normalizeRules, pickState } from '../../src/model/normalize.js';
import { live } from '../support/groups.js';

const variedStore: LiveGroup[] = [
  live(1, 'Retail', { is_default: true }),
  live(2, 'Guests', { is_group_for_guests: true, category_access: { type: 'none' } }),
  live(3, 'Wholesale', {
    category_access: { type: 'specific', categories: [18, 23, 40] },
    discount_rules: [
      { type: 'all', method: 'percent', amount: 5 },
      { type: 'category', method: 'price', amount: 12.3457, category_id: 18 },
      { type: 'product', method: 'fixed', amount: 0.5, product_id: 77 },
    ],
  }),
  live(4, 'Price list partners', { discount_rules: [{ type: 'price_list', price_list_id: 3 }] }),
  live(5, 'yes'),
  live(6, '0x1F'),
  live(7, 'say "hi" & it\'s #1: ok'),
  live(8, 'Bell "inside"'),
  live(9, 'Ünïcödé Grüppe'),
  live(10, '😀 VIP'),
  live(11, 'Retail!'),
  live(12, '../etc/passwd'),
  live(13, 'CON'),
  live(14, 'n'.repeat(250)),
  live(15, '- [x]: {y}'),
];

function parseBack(text: string) {
  const file = parse(text) as GroupFile;
  return {
    id: file.id,
    ...pickState({
      name: file.name,
      is_default: file.is_default ?? false,
      is_group_for_guests: file.is_group_for_guests ?? false,
      category_access: normalizeAccess(file.category_access),
      // import writes every target by id, never by name.
      discount_rules: normalizeRules(file.discount_rules as DiscountRuleOf<'live'>[] | undefined),
    }),
  };
}

test('a file starts with the modeline and the id pin, and omits API defaults', () => {
  const text = renderGroupFile(live(3, 'Plain'));
  assert.is(text, `${SCHEMA_MODELINE}\nid: 3\nname: Plain\n`);
  const full = renderGroupFile(variedStore[2] as LiveGroup);
  assert.equal(full.split('\n').slice(1, 5), ['id: 3', 'name: Wholesale', 'category_access:', '  type: specific']);
  assert.match(full, /categories: \[ 18, 23, 40 \]|categories: \[18, 23, 40\]/);
  assert.match(full, /amount: 12\.3457\n/);
  assert.match(full, /- type: all\n {4}method: percent\n {4}amount: 5\n/);
  assert.not.match(full, /is_default|"5/);
});

test('names an older YAML reader would misread, or with control characters, are double-quoted', () => {
  assert.match(renderGroupFile(live(5, 'yes')), /name: "yes"/);
  assert.match(renderGroupFile(live(8, 'a\u0007b\nc')), /name: "a\\ab\\nc"/);
  assert.match(renderGroupFile(live(9, 'Retail')), /name: Retail\n/);
});

test('every file of a varied store parses back to the live state', () => {
  const awkward = [
    live(20, 'tab\there\nnewline'),
    live(21, '  padded  '),
    live(22, 'x\u2028y'),
    live(23, 'true'),
    live(24, '1e3'),
  ];
  for (const group of [...variedStore, ...awkward]) {
    assert.equal(parseBack(renderGroupFile(group)), { id: group.id, ...pickState(group) }, group.name);
  }
});

test('import then load gives the live store back, files stay inside dir', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bcgroups-import-'));
  try {
    const groupsDir = join(dir, 'groups');
    const { written, skipped } = await importGroups(variedStore, groupsDir, { overwrite: false });
    assert.is(written.length, variedStore.length);
    assert.is(skipped.length, 0);
    assert.equal((await readdir(dir)).sort(), ['groups']);
    assert.is(new Set(await readdir(groupsDir)).size, variedStore.length);
    const desired = await loadDesired(groupsDir);
    const loaded = resolveReferences(desired.groups, {})
      .groups.map((group) => ({ id: group.id, ...pickState(group) }))
      .sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
    assert.equal(
      loaded,
      variedStore.map((group) => ({ id: group.id, ...pickState(group) })),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

const LIVE_NAME_CONTROL_INVISIBLE =
  'a live name with a control or invisible character is refused, not written into a file validate would refuse';
test(LIVE_NAME_CONTROL_INVISIBLE, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bcgroups-import-'));
  try {
    const result = await importGroups([live(1, 'bell\u0007inside'), live(2, 'Retail\u202e'), live(3, 'Fine')], dir, {
      overwrite: false,
    });
    assert.equal(result.written, [join(dir, 'fine.yaml')]);
    assert.equal(
      result.refused.map((refusal) => [refusal.id, refusal.reasons.join('; ')]),
      [
        [1, 'its file would not validate: name: name holds U+0007 (a C0 control character) at character 5'],
        [2, 'its file would not validate: name: name holds U+202E (a bidi control) at character 7'],
      ],
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the modeline points at the schema relative to the files only when the schema is inside the project', async () => {
  const project = await mkdtemp(join(tmpdir(), 'bcgroups-modeline-'));
  try {
    const schemaFile = join(project, 'node_modules', 'bcgroups', 'schemas', 'customer-group.schema.json');
    const inside = await importGroups([live(1, 'Retail')], 'groups', { overwrite: false, cwd: project, schemaFile });
    assert.is(inside.schemaPath, '../node_modules/bcgroups/schemas/customer-group.schema.json');
    assert.is(
      await readFile(join(project, 'groups', 'retail.yaml'), 'utf8'),
      `${modelineFor(inside.schemaPath ?? '')}\nid: 1\nname: Retail\n`,
    );
    const nested = await importGroups([live(1, 'Retail')], 'stores/eu/groups', {
      overwrite: false,
      cwd: project,
      schemaFile,
    });
    assert.is(nested.schemaPath, '../../../node_modules/bcgroups/schemas/customer-group.schema.json');
    const outside = await importGroups([live(1, 'Retail')], 'elsewhere', {
      overwrite: false,
      cwd: project,
      schemaFile: join(tmpdir(), 'global', 'bcgroups', 'schemas', 'customer-group.schema.json'),
    });
    assert.is(outside.schemaPath, undefined);
    assert.is(await readFile(join(project, 'elsewhere', 'retail.yaml'), 'utf8'), 'id: 1\nname: Retail\n');
    const away = await importGroups([live(1, 'Retail')], join(project, 'away'), {
      overwrite: false,
      cwd: join(project, 'node_modules'),
      schemaFile,
    });
    assert.is(away.schemaPath, undefined, 'files outside the project get no path that only works on this machine');
  } finally {
    await rm(project, { recursive: true, force: true });
  }
});

test('existing files are refused unless overwrite; identical ones are skipped', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bcgroups-import-'));
  try {
    const store = [live(1, 'Retail'), live(2, 'Gold')];
    await importGroups(store, dir, { overwrite: false });
    const again = await importGroups(store, dir, { overwrite: false });
    assert.equal(again, {
      written: [],
      skipped: [join(dir, 'retail.yaml'), join(dir, 'gold.yaml')],
      refused: [],
      schemaPath: undefined,
    });

    await writeFile(join(dir, 'gold.yaml'), 'name: Gold\nis_default: true\n');
    const changed = [live(1, 'Retail', { is_default: true }), live(2, 'Gold')];
    try {
      await importGroups(changed, dir, { overwrite: false });
      assert.unreachable('should refuse');
    } catch (error) {
      assert.instance(error, BcgroupsError);
      assert.match((error as Error).message, /2 existing files[\s\S]*retail\.yaml[\s\S]*gold\.yaml[\s\S]*--overwrite/);
    }
    // Nothing was written by the refused run.
    assert.not.match(await readFile(join(dir, 'retail.yaml'), 'utf8'), /is_default/);

    const forced = await importGroups(changed, dir, { overwrite: true });
    assert.is(forced.written.length, 2);
    assert.match(await readFile(join(dir, 'retail.yaml'), 'utf8'), /is_default: true/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a symlink in place of a file is never written through, even with overwrite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bcgroups-import-'));
  try {
    // The linked file describes the group, so import picks it to refresh, and must refuse instead.
    const outside = join(dir, 'outside.txt');
    await writeFile(outside, 'id: 1\nname: Old\n');
    const groupsDir = join(dir, 'groups');
    await importGroups([], groupsDir, { overwrite: false });
    await symlink(outside, join(groupsDir, 'retail.yaml'));
    try {
      await importGroups([live(1, 'Retail')], groupsDir, { overwrite: true });
      assert.unreachable('should refuse');
    } catch (error) {
      assert.match((error as Error).message, /not a regular file/);
    }
    assert.is(await readFile(outside, 'utf8'), 'id: 1\nname: Old\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
