import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findStoreSeedProblems, loadSeedFile, startSandbox } from '../../src/sandbox/index.js';
import { SMALL_CATALOG } from '../support/sandbox.js';
import { makeTempDir } from '../support/temp.js';

const problemsOf = (catalog: unknown, customers?: unknown, groups = [{ name: 'Retail' }]) =>
  findStoreSeedProblems({ groups, catalog: catalog as never, customers: customers as never });

test('a realistic catalog with customers is accepted', () => {
  assert.equal(
    problemsOf(SMALL_CATALOG, [{ customer_group_id: 1 }, { id: 7, customer_group_id: 0, email: 'a@example.com' }]),
    [],
  );
});

test('categories no store could hold are refused, each named', () => {
  const categories = [
    { category_id: 1, name: 'Tools' },
    { category_id: 2, name: 'tools ' },
    { category_id: 3, name: 'Orphan', parent_id: 99 },
    { category_id: 4, name: 'Elsewhere', parent_id: 1, tree_id: 2 },
    { category_id: 5, name: 'Loop A', parent_id: 6 },
    { category_id: 6, name: 'Loop B', parent_id: 5 },
  ];
  assert.equal(problemsOf({ categories }), [
    "category 2 ('tools '): category 1 under the same parent already has this name",
    "category 3 ('Orphan'): parent_id 99 is no category of the seed",
    "category 4 ('Elsewhere'): its parent 1 is in tree 1, not tree 2",
    "category 5 ('Loop A'): its parents form a cycle through category 5",
    "category 6 ('Loop B'): its parents form a cycle through category 6",
  ]);
});

test('category fields are checked: ids, names of 1-50 characters, unknown fields, depth over 8', () => {
  const deep = Array.from({ length: 9 }, (_, i) => ({ category_id: i + 1, name: `Level ${i + 1}`, parent_id: i }));
  assert.equal(problemsOf({ categories: deep }), ["category 9 ('Level 9'): it is 9 levels deep; a store allows 8"]);
  const bad = problemsOf({
    categories: [
      { category_id: 0, name: 'x'.repeat(51), colour: 'red' },
      { category_id: 2, name: 'A' },
      { category_id: 2, name: 'B' },
    ],
  });
  assert.ok(
    bad.some((p) => /category_id must be a positive integer/.test(p)),
    bad.join('\n'),
  );
  assert.ok(bad.some((p) => /name must be a non-empty string of at most 50/.test(p)));
  assert.ok(bad.some((p) => /unknown field 'colour'/.test(p)));
  assert.ok(bad.some((p) => /category 3 \('B'\): category_id 2 is used twice/.test(p)));
});

test('products: unique ids, names and SKUs regardless of case; price lists: unique names', () => {
  const products = [
    { id: 1, name: 'Hammer', sku: 'HAM-1' },
    { id: 1, name: 'hammer', sku: 'ham-1' },
    { id: 3, name: 'No SKU' },
    { id: 4, name: 'Also none', sku: '' },
  ];
  assert.equal(
    problemsOf({
      products,
      price_lists: [
        { id: 1, name: 'Trade' },
        { id: 2, name: 'TRADE' },
      ],
    }),
    [
      "product 2 ('hammer'): id 1 is used twice",
      "product 2 ('hammer'): the name 'hammer' is already used by entry 1",
      "product 2 ('hammer'): the SKU 'ham-1' is already used by entry 1",
      "price list 2 ('TRADE'): the name 'TRADE' is already used by entry 1",
    ],
  );
});

test('customers must be in a group of the seed (or none), with unique ids and emails', () => {
  const customers = [
    { customer_group_id: 1 },
    { customer_group_id: 2 },
    { id: 1, customer_group_id: 0 },
    { customer_group_id: -1, email: 'x@y.z' },
    { customer_group_id: 0, email: 'X@y.z' },
  ];
  assert.equal(problemsOf(undefined, customers), [
    'customer 2: customer_group_id 2 is no group of the seed',
    'customer 3: id 1 is used twice',
    'customer 4: customer_group_id must be 0 (no group) or a group id',
    "customer 5: the email 'X@y.z' is already used by entry 4",
  ]);
});

test('startSandbox refuses an impossible catalog with every problem', async () => {
  const refused = await startSandbox({
    catalog: { categories: [{ category_id: 1, name: '' }] },
    customers: [{ customer_group_id: 4 }],
  }).then(
    async (sandbox) => void (await sandbox.close()),
    (error: Error) => error.message,
  );
  assert.match(refused ?? '', /category 1 \(''\): name must be/);
  assert.match(refused ?? '', /customer 1: customer_group_id 4 is no group/);
});

test('a seed file may be a mapping of groups, catalog and customers; JSON goes through JSON.parse', async () => {
  const dir = makeTempDir('seed');
  await writeFile(
    join(dir, 'store.yaml'),
    'groups:\n  - name: Retail\ncatalog:\n  products:\n    - { id: 1, name: ' +
      'Hammer, sku: HAM-1 }\ncustomers:\n  - { customer_group_id: 1 }\n',
  );
  const seed = await loadSeedFile(join(dir, 'store.yaml'));
  assert.equal(seed, {
    groups: [{ name: 'Retail' }],
    catalog: { products: [{ id: 1, name: 'Hammer', sku: 'HAM-1' }] },
    customers: [{ customer_group_id: 1 }],
  });
  // YAML would read this (a flow mapping with a comment); JSON must not.
  await writeFile(join(dir, 'loose.json'), '{groups: []} # yaml\n');
  const refused = await loadSeedFile(join(dir, 'loose.json')).then(
    () => '',
    (error: Error) => error.message,
  );
  assert.match(refused, /loose\.json: not valid JSON/);
  await writeFile(join(dir, 'typo.yaml'), 'group:\n  - name: Retail\n');
  assert.match(
    await loadSeedFile(join(dir, 'typo.yaml')).then(
      () => '',
      (error: Error) => error.message,
    ),
    /'group' is none of them/,
  );
});

test.run();
