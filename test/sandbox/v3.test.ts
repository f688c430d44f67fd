import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { callSandbox, getV3, SMALL_CATALOG, withSandbox } from '../support/sandbox.js';

type Page = { data: Array<Record<string, unknown>>; meta: { pagination: Record<string, unknown> } };

const customers = [
  { customer_group_id: 1 },
  { customer_group_id: 1 },
  { customer_group_id: 2 },
  { customer_group_id: 0 },
];
const store = { seed: [{ name: 'Retail' }, { name: 'Trade' }], catalog: SMALL_CATALOG, customers };

test('categories of every tree, paged with the spec meta and links', () =>
  withSandbox(store, async (sandbox) => {
    const first = (await getV3(sandbox, '/catalog/trees/categories?limit=3&page=1')).body as Page;
    assert.equal(
      first.data.map((c) => c.category_id),
      [18, 19, 23],
    );
    assert.equal(first.data[1], { category_id: 19, parent_id: 18, tree_id: 1, name: 'Power Tools', is_visible: true });
    assert.equal(first.meta.pagination, {
      total: 4,
      count: 3,
      per_page: 3,
      current_page: 1,
      total_pages: 2,
      links: { current: '?limit=3&page=1', next: '?limit=3&page=2' },
    });
    const second = (await getV3(sandbox, '/catalog/trees/categories?limit=3&page=2')).body as Page;
    assert.equal(
      second.data.map((c) => [c.category_id, c.tree_id]),
      [[40, 2]],
    );
    const past = (await getV3(sandbox, '/catalog/trees/categories?limit=3&page=3')).body as Page;
    assert.equal([past.data, past.meta.pagination.count, past.meta.pagination.total_pages], [[], 0, 2]);
  }));

test('category filters: tree_id:in, category_id:in, parent_id:in, :not_in, name, name:like', () =>
  withSandbox(store, async (sandbox) => {
    const ids = async (query: string) =>
      ((await getV3(sandbox, `/catalog/trees/categories?${query}`)).body as Page).data.map((c) => c.category_id);
    assert.equal(await ids('tree_id:in=2'), [40]);
    assert.equal(await ids('category_id:in=19,23,999'), [19, 23]);
    assert.equal(await ids('parent_id:in=0&tree_id:not_in=2'), [18, 23]);
    assert.equal(await ids('name=Tools'), [18, 40]);
    assert.equal(await ids('name:like=tool'), [18, 19, 40]);
    assert.equal(await ids('include_fields=name'), [18, 19, 23, 40]);
    const projected = ((await getV3(sandbox, '/catalog/trees/categories?include_fields=name&limit=1')).body as Page)
      .data[0];
    assert.equal(projected, { category_id: 18, name: 'Tools' });
  }));

test('products by id:in and sku:in, with include_fields, SKUs regardless of case', () =>
  withSandbox(store, async (sandbox) => {
    const page = (await getV3(sandbox, '/catalog/products?id:in=77,113&include_fields=name,sku')).body as Page;
    assert.equal(page.data, [
      { id: 77, name: 'Claw Hammer', sku: 'HAM-16' },
      { id: 113, name: 'Gift Card', sku: '' },
    ]);
    const bySku = (await getV3(sandbox, '/catalog/products?sku:in=ham-16,DRL-18V&include_fields=name')).body as Page;
    assert.equal(bySku.data, [
      { id: 77, name: 'Claw Hammer' },
      { id: 112, name: 'Cordless Drill' },
    ]);
    assert.is(((await getV3(sandbox, '/catalog/products?sku=DRL-18V')).body as Page).data.length, 1);
  }));

test("include_fields of products takes only the spec's values: id (always returned) is refused", () =>
  withSandbox(store, async (sandbox) => {
    for (const fields of ['id,name,sku', 'name,secret', 'id']) {
      const answer = await getV3(sandbox, `/catalog/products?include_fields=${fields}`);
      assert.is(answer.status, 422, fields);
      assert.match(JSON.stringify(answer.body), /include_fields/);
    }
    assert.is((await getV3(sandbox, '/catalog/products?include_fields=name,sku,price')).status, 200);
  }));

test('price lists page; customers count per group through meta.pagination.total', () =>
  withSandbox(store, async (sandbox) => {
    const lists = (await getV3(sandbox, '/pricelists?limit=1&page=2')).body as Page;
    assert.equal(
      [lists.data[0]?.id, lists.data[0]?.name, lists.data[0]?.active, lists.meta.pagination.total],
      [3, 'Trade', false, 2],
    );
    const count = async (query: string) =>
      ((await getV3(sandbox, `/customers?${query}`)).body as Page).meta.pagination.total;
    assert.is(await count('customer_group_id:in=1&limit=1'), 2);
    assert.is(await count('customer_group_id:in=2&limit=1'), 1);
    assert.is(await count('customer_group_id:in=1,2&limit=1'), 3);
    const second = (await getV3(sandbox, '/customers?customer_group_id:in=1&limit=1&page=2')).body as Page;
    assert.equal([second.data.length, second.data[0]?.id], [1, 2]);
  }));

test('deleting a group unassigns its customers', () =>
  withSandbox(store, async (sandbox) => {
    assert.is((await callSandbox(sandbox, 'DELETE', '/customer_groups/1')).status, 204);
    const page = (await getV3(sandbox, '/customers?customer_group_id:in=1&limit=1')).body as Page;
    assert.is(page.meta.pagination.total, 0);
    assert.is(((await getV3(sandbox, '/customers?customer_group_id:in=0')).body as Page).meta.pagination.total, 3);
  }));

test('V3 limits, bad filters, writes and unknown paths answer V3 error objects', () =>
  withSandbox(store, async (sandbox) => {
    const limit = await getV3(sandbox, '/catalog/products?limit=251');
    assert.is(limit.status, 422);
    assert.equal(Object.keys(limit.body as object).sort(), ['errors', 'status', 'title', 'type']);
    assert.is((await getV3(sandbox, '/catalog/trees/categories?tree_id:in=one')).status, 422);
    assert.is((await getV3(sandbox, '/catalog/products?page=0')).status, 400);
    assert.is(
      (await callSandbox(sandbox, 'POST', '/pricelists', { name: 'X' }, {}, 'v3')).status,
      403,
      'a write needs store_v2_products',
    );
    sandbox.setOptions({ scopes: ['store_v2_products'] });
    assert.is(
      (await callSandbox(sandbox, 'POST', '/pricelists', { name: 'X' }, {}, 'v3')).status,
      405,
      'the sandbox catalog is read-only',
    );
    const missing = await getV3(sandbox, '/catalog/brands');
    assert.equal(
      [missing.status, (missing.body as { title: string }).title],
      [404, 'The requested resource was not found.'],
    );
  }));

test('V3 answers carry the rate-limit headers and spend the same quota as V2', () =>
  withSandbox({ ...store, quota: 2 }, async (sandbox) => {
    const first = await getV3(sandbox, '/pricelists');
    assert.is(first.headers.get('x-rate-limit-requests-left'), '1');
    await callSandbox(sandbox, 'GET', '/customer_groups');
    const limited = await getV3(sandbox, '/pricelists');
    assert.is(limited.status, 429);
    assert.ok(limited.headers.get('x-rate-limit-time-reset-ms'));
    assert.is((limited.body as { status: number }).status, 429, 'a V3 error object');
  }));

test('auth: a wrong token is 401; a token without the products scope gets 403 on catalog reads only', () =>
  withSandbox({ ...store, scopes: ['store_v2_customers_read_only'] }, async (sandbox) => {
    assert.is((await getV3(sandbox, '/pricelists', { 'X-Auth-Token': 'wrong' })).status, 401);
    for (const path of ['/catalog/trees/categories', '/catalog/products', '/pricelists'])
      assert.is((await getV3(sandbox, path)).status, 403, path);
    assert.is((await getV3(sandbox, '/customers?limit=1')).status, 200);
    assert.is((await callSandbox(sandbox, 'GET', '/customer_groups')).status, 200);
    assert.is(
      (await callSandbox(sandbox, 'POST', '/customer_groups', { name: 'New' })).status,
      403,
      'writes need the modify scope',
    );
  }));

test('a token without any customers scope gets 403 on customers and groups', () =>
  withSandbox({ ...store, scopes: ['store_v2_products_read_only'] }, async (sandbox) => {
    assert.is((await getV3(sandbox, '/customers?limit=1')).status, 403);
    assert.is((await callSandbox(sandbox, 'GET', '/customer_groups')).status, 403);
    assert.is((await getV3(sandbox, '/catalog/products')).status, 200);
  }));

test('faults reach the V3 endpoints too', () =>
  withSandbox({ ...store, faultRate: 1 }, async (sandbox) => {
    const answer = await getV3(sandbox, '/catalog/products');
    assert.is(answer.status, 500);
    assert.is((answer.body as { status: number }).status, 500);
  }));

test.run();
