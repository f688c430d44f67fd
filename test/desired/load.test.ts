// Good input: what the loader hands the planner (normalized groups, positions, a stable hash).
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadDesired } from '../../src/desired/index.js';
import { resolveReferences } from '../../src/references/index.js';
import { problemsOf } from '../support/problems.js';

const GOOD = fileURLToPath(new URL('./fixtures/good/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const load = suite<{ temp: string }>('loadDesired', { temp: '' });

load.before.each(async (context) => {
  context.temp = await mkdtemp(path.join(tmpdir(), 'bcgroups-desired-'));
});

load.after.each(async (context) => {
  await rm(context.temp, { recursive: true, force: true });
});

load('normalizes amounts, categories, rule order and defaults', async () => {
  const state = await loadDesired('store', { cwd: GOOD });
  const { groups } = resolveReferences(state.groups, {});
  assert.equal(state.files, ['store/guests.yaml', 'store/partners/wholesale.yml', 'store/retail.yaml']);
  assert.equal(
    groups.map((group) => group.name),
    ['Guests', 'Wholesale', 'Retail'],
  );
  const [guests, wholesale, retail] = groups;
  assert.equal(guests?.category_access, { type: 'none' });
  assert.equal(retail?.category_access, { type: 'all' });
  assert.equal(retail?.discount_rules, []);
  assert.is(retail?.is_default, true);
  assert.is(retail?.is_group_for_guests, false);
  assert.is(retail?.id, undefined);
  assert.is(wholesale?.id, 41);
  assert.equal(wholesale?.category_access, { type: 'specific', categories: [18, 23, 31] });
  assert.equal(wholesale?.discount_rules, [
    { type: 'all', method: 'percent', amount: 2.0001 },
    { type: 'category', method: 'price', amount: 1.5, category_id: 18 },
    { type: 'category', method: 'percent', amount: 10, category_id: 23 },
    { type: 'product', method: 'fixed', amount: 12.5, product_id: 9 },
  ]);
});

load('keeps the position of the group and each of its keys', async () => {
  const state = await loadDesired('store', { cwd: GOOD });
  const wholesale = state.groups.find((group) => group.name === 'Wholesale');
  assert.is(wholesale?.source.file, 'store/partners/wholesale.yml');
  assert.equal({ line: wholesale?.source.line, col: wholesale?.source.col }, { line: 1, col: 1 });
  assert.equal(wholesale?.source.positions['/name'], { line: 2, col: 1 });
  assert.equal(wholesale?.source.positions['/discount_rules/1'], { line: 11, col: 5 });
  assert.equal(wholesale?.source.positions['/discount_rules/2/amount'], { line: 17, col: 5 });
  assert.equal(wholesale?.source.positions['/category_access/categories/2'], { line: 5, col: 24 });
});

load('the hash depends on content only, not on file names or order', async ({ temp }) => {
  const before = await loadDesired('store', { cwd: GOOD });
  await cp(path.join(GOOD, 'store'), path.join(temp, 'store'), { recursive: true });
  await rename(path.join(temp, 'store/retail.yaml'), path.join(temp, 'store/a-first.yaml'));
  await rename(path.join(temp, 'store/partners'), path.join(temp, 'store/zz'));
  const moved = await loadDesired(path.join(temp, 'store'));
  assert.is(moved.hash, before.hash);
  assert.match(moved.hash, /^[0-9a-f]{64}$/);

  await writeFile(path.join(temp, 'store/a-first.yaml'), 'name: Retail\nis_default: true\nid: 7\n');
  const pinned = await loadDesired(path.join(temp, 'store'));
  assert.is.not(pinned.hash, before.hash);
});

load(
  'references by name load as written, offline; the same reference twice is a duplicate already',
  async ({ temp }) => {
    const rules =
      '  - type: category\n    method: percent\n    amount: 5\n    category: Tools/Power Tools\n' +
      '  - type: product\n    method: fixed\n    amount: 9\n    product_sku: HAM-16\n';
    await writeFile(
      path.join(temp, 'vip.yaml'),
      `name: VIP\ncategory_access:\n  type: specific\n  categories: [18, 'Nuts\\/Bolts']\ndiscount_rules:\n${rules}`,
    );
    const state = await loadDesired(temp);
    assert.equal(state.groups[0]?.category_access, { type: 'specific', categories: [18, 'Nuts\\/Bolts'] });
    assert.equal(state.groups[0]?.discount_rules, [
      { type: 'category', method: 'percent', amount: 5, category: 'Tools/Power Tools' },
      { type: 'product', method: 'fixed', amount: 9, product_sku: 'HAM-16' },
    ]);
    await writeFile(
      path.join(temp, 'vip.yaml'),
      `name: VIP\ndiscount_rules:\n${rules}${rules.split('\n').slice(0, 4).join('\n')}\n`,
    );
    const problems = await problemsOf(loadDesired(temp));
    assert.equal(
      problems.map((problem) => [problem.line, problem.message]),
      [[11, "category 'Tools/Power Tools' already has a rule at line 3"]],
    );
  },
);

load('the example store in groups/ is valid', async () => {
  const state = await loadDesired('groups', { cwd: ROOT });
  assert.equal(state.groups.map((group) => group.name).sort(), ['Guests', 'Retail', 'Trade', 'VIP', 'Wholesale']);
  assert.is(state.groups.filter((group) => group.is_default).length, 1);
  assert.is(state.groups.filter((group) => group.is_group_for_guests).length, 1);
});

load('an empty directory is a valid, empty state', async ({ temp }) => {
  const state = await loadDesired(temp);
  assert.equal(state.groups, []);
  assert.equal(state.files, []);
});

load('a missing directory or a file in its place is a problem', async ({ temp }) => {
  const missing = await problemsOf(loadDesired('nope', { cwd: temp }));
  assert.equal(
    missing.map((p) => [p.file, p.line, p.col, p.message]),
    [['nope', 1, 1, `folder not found: ${path.join(temp, 'nope')} (set the folder with --dir or groupsDir)`]],
  );
  assert.match(missing[0]?.hint ?? '', /bcgroups import.*--dir/);
  await writeFile(path.join(temp, 'file'), 'name: x\n');
  const notDir = await problemsOf(loadDesired('file', { cwd: temp }));
  assert.equal(
    notDir.map((p) => [p.file, p.message]),
    [['file', 'not a directory']],
  );
});

load('a file over 1 MiB is refused without parsing it', async ({ temp }) => {
  await mkdir(path.join(temp, 'groups'));
  await writeFile(path.join(temp, 'groups/huge.yaml'), `name: Huge\n# ${'x'.repeat(1024 * 1024)}\n`);
  await writeFile(path.join(temp, 'groups/ok.yaml'), 'name: Fine\n');
  const problems = await problemsOf(loadDesired('groups', { cwd: temp }));
  assert.is(problems.length, 1);
  assert.is(problems[0]?.file, path.join('groups', 'huge.yaml'));
  assert.match(problems[0]?.message ?? '', /at most 1048576 bytes \(1 MiB\)/);
});

load('a byte order mark and CRLF line ends are accepted', async ({ temp }) => {
  await writeFile(
    path.join(temp, 'bom.yaml'),
    '\uFEFFname: Retail\r\ndiscount_rules:\r\n  - {type: all, method: percent, amount: "5"}\r\n',
  );
  const state = await loadDesired(temp);
  assert.equal(state.groups[0]?.discount_rules, [{ type: 'all', method: 'percent', amount: 5 }]);
});

load.run();
