// What the catalog reads a set of groups needs, and how a saved plan's references are checked again at
// apply: a name that now resolves elsewhere makes the plan stale.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StalePlanError } from '../../src/errors.js';
import type { Catalog, ResolvedReference } from '../../src/model/index.js';
import { createPlan } from '../../src/plan/index.js';
import { checkAgainstStore, parseSavedPlan, toSavedPlan } from '../../src/planfile/index.js';
import { DEFAULT_SAFETY } from '../../src/config/index.js';
import { findMovedReferences, listCatalogNeeds, needsNothing, resolveReferences } from '../../src/references/index.js';
import { needsOfReferences } from '../../src/run/catalog.js';
import { catalog, loaded } from '../support/catalog.js';

const percent = { method: 'percent' as const, amount: 10 };

test('groups that point at nothing need no read at all; products are looked up by the ids and SKUs named', () => {
  assert.ok(needsNothing(listCatalogNeeds([loaded([{ type: 'all', ...percent }])])));
  const needs = listCatalogNeeds([
    loaded([
      { type: 'product', ...percent, product_id: 9 },
      { type: 'product', ...percent, product_sku: 'B-2' },
    ]),
    loaded([
      { type: 'product', ...percent, product_id: 3 },
      { type: 'product', ...percent, product_id: 9 },
      { type: 'product', ...percent, product_sku: 'A-1' },
    ]),
  ]);
  assert.equal(needs, {
    categories: false,
    priceLists: false,
    channels: false,
    productIds: [3, 9],
    productSkus: ['A-1', 'B-2'],
  });
  assert.equal(listCatalogNeeds([loaded([], { type: 'specific', categories: [] })]).categories, false);
  assert.equal(listCatalogNeeds([loaded([], { type: 'specific', categories: [4] })]).categories, true);
  assert.equal(listCatalogNeeds([loaded([{ type: 'price_list', price_list_id: 2 }])]).priceLists, true);
});

const references: ResolvedReference[] = [
  {
    file: 'groups/vip.yaml',
    path: 'discount_rules[0].category',
    kind: 'category',
    ref: 'Garden/Tools',
    resolved_id: 21,
  },
  { file: 'groups/vip.yaml', path: 'discount_rules[1].product_sku', kind: 'product', ref: 'HAM-16', resolved_id: 112 },
];

test('references that still resolve alike are no reason; moved, vanished or unreadable ones are', () => {
  assert.equal(findMovedReferences(references, catalog), []);
  const renamed: Catalog = {
    ...catalog,
    categories: (catalog.categories ?? []).map((category) =>
      category.id === 21
        ? { ...category, name: 'Old Tools' }
        : category.id === 19
          ? { ...category, name: 'Tools', parent_id: 20 }
          : category,
    ),
    products: [],
  };
  assert.equal(findMovedReferences(references, renamed), [
    "category 'Garden/Tools' (groups/vip.yaml, discount_rules[0].category) resolved to id 21 when planned, now to id 19",
    "product 'HAM-16' (groups/vip.yaml, discount_rules[1].product_sku) resolved to id 112 when planned; now: no product has the SKU 'HAM-16'",
  ]);
  assert.match(
    findMovedReferences(references, { unread: '--no-catalog was given' })[0] ?? '',
    /were not read \(--no-catalog was given\)/,
  );
  assert.equal(needsOfReferences(references), {
    categories: true,
    priceLists: false,
    channels: false,
    productIds: [],
    productSkus: ['HAM-16'],
  });
});

test('the saved plan records the references, passes its schema, and apply refuses it once one moved', () => {
  const group = loaded([
    { type: 'category', ...percent, category: 'Garden/Tools' },
    { type: 'product', ...percent, product_sku: 'HAM-16' },
  ]);
  const resolution = resolveReferences([group], catalog);
  assert.equal(resolution.references, references);
  const plan = createPlan(resolution.groups, [], { prune: false });
  const saved = parseSavedPlan(
    JSON.stringify(
      toSavedPlan(plan, { storeHash: 'abc', desiredHash: 'd', liveGroups: [], references: resolution.references }),
    ),
    'p.json',
  );
  assert.equal(saved.references, references);
  assert.equal(saved.plan.changes[0]?.body.discount_rules, [
    { type: 'category', method: 'percent', amount: '10.0000', category_id: 21 },
    { type: 'product', method: 'percent', amount: '10.0000', product_id: 112 },
  ]);
  const context = { file: 'p.json', replan: () => 'replan' };
  const store = { storeHash: 'abc', liveGroups: [], safety: DEFAULT_SAFETY };
  checkAgainstStore(saved, { ...store, catalog }, context);
  const moved: Catalog = {
    ...catalog,
    categories: (catalog.categories ?? []).filter((category) => category.id !== 21),
  };
  assert.throws(
    () => checkAgainstStore(saved, { ...store, catalog: moved }, context),
    (error: unknown) =>
      error instanceof StalePlanError &&
      /'Garden\/Tools'.*resolved to id 21 when planned; now: no category/.test(error.message),
  );
  assert.throws(
    () => checkAgainstStore(saved, store, context),
    (error: unknown) => error instanceof StalePlanError,
  );
});

test('a saved plan without references (made from ids only) writes none', () => {
  const saved = toSavedPlan(createPlan([], [], { prune: false }), {
    storeHash: 'abc',
    desiredHash: 'd',
    liveGroups: [],
    references: [],
  });
  assert.is('references' in saved, false);
});

test.run();
