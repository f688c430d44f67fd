// Catalogs of unusual shape index in one pass: a parent chain 20,000 deep (a recursive walk would
// overflow the stack), many categories of one name, and broken chains that end where they break.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findBrokenTree } from '../../src/bigcommerce/category-tree.js';
import type { CategoryNode } from '../../src/model/index.js';
import { indexCatalog, resolveReferences } from '../../src/references/index.js';
import { matchCategories, nearCategories } from '../../src/references/catalog-index.js';
import { loaded } from '../support/catalog.js';

const DEPTH = 20_000;

/** One chain: category 1 at the root, category n under n - 1; listed deepest first, the worst order. */
function chain(depth: number, nameOf = (id: number) => `C${id}`): CategoryNode[] {
  return Array.from({ length: depth }, (_, index) => depth - index).map((id) => ({
    id,
    parent_id: id - 1,
    tree_id: 1,
    name: nameOf(id),
  }));
}

const pathTo = (id: number): string => Array.from({ length: id }, (_, index) => `C${index + 1}`).join('/');

test('a chain 20,000 deep indexes and names its deepest category by its full path', () => {
  const categories = indexCatalog({ categories: chain(DEPTH) }).categories;
  if (!categories) throw new Error('no categories indexed');
  assert.is(categories.byId.get(DEPTH)?.path, pathTo(DEPTH));
  assert.is(categories.byId.get(3)?.path, 'C1/C2/C3');
  assert.equal(
    matchCategories(categories, pathTo(DEPTH)).map((category) => category.id),
    [DEPTH],
  );
  assert.equal(matchCategories(categories, `${pathTo(DEPTH - 1)}/c${DEPTH}`), []);
  assert.equal(
    nearCategories(categories, `${pathTo(DEPTH - 1)}/c${DEPTH}`).map((category) => category.id),
    [DEPTH],
  );
});

test('a chain 20,000 deep is checked without overflow, and a cycle at its end is still named', () => {
  assert.is(findBrokenTree(chain(DEPTH), '/categories'), undefined);
  const looped = chain(DEPTH).map((category) => (category.id === 1 ? { ...category, parent_id: 3 } : category));
  assert.match(findBrokenTree(looped, '/categories')?.message ?? '', /categories \d+ -> .* form a cycle of parents/);
});

test('a name shared by every other category of a deep chain lists them all, capped, with the path hint', () => {
  const categories = chain(4_000, (id) => (id % 2 === 0 ? 'Sale' : `C${id}`));
  const { problems } = resolveReferences(
    [loaded([{ type: 'category', method: 'percent', amount: 10, category: 'Sale' }])],
    { categories },
  );
  assert.match(problems[0]?.message ?? '', /path 'Sale' matches 2000 categories: .* and 1995 more/);
  assert.match(problems[0]?.hint ?? '', /write the full path from the root of its tree/);
});

test('a missing parent starts the path and a loop is cut where the walk met it, never an endless walk', () => {
  const categories = indexCatalog({
    categories: [
      { id: 1, parent_id: 99, tree_id: 1, name: 'Orphan' },
      { id: 2, parent_id: 1, tree_id: 1, name: 'Child' },
      { id: 5, parent_id: 6, tree_id: 1, name: 'A' },
      { id: 6, parent_id: 5, tree_id: 1, name: 'B' },
      { id: 7, parent_id: 7, tree_id: 1, name: 'Self' },
    ],
  }).categories;
  assert.is(categories?.byId.get(2)?.path, 'Orphan/Child');
  assert.is(categories?.byId.get(5)?.path, 'B/A');
  assert.is(categories?.byId.get(7)?.path, 'Self');
});

test.run();
