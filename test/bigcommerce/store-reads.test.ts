// The V3 reads of the catalog and customers, over real HTTP against the sandbox (and a hostile server
// for answers the sandbox never gives).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';
import { MAX_BATCH_URL } from '../../src/bigcommerce/catalog.js';
import type { SeedCategory, SeedCustomer, SeedProduct } from '../../src/sandbox/index.js';
import { startHostileServer } from '../support/hostile.js';
import { clientFor, SMALL_CATALOG, seededRandom, withSandbox } from '../support/sandbox.js';

/** `count` categories over two trees, ten roots per tree and the rest their children. */
function manyCategories(count: number): SeedCategory[] {
  return Array.from({ length: count }, (_, i) => {
    const tree_id = (i % 2) + 1;
    return {
      category_id: i + 1,
      name: `Category ${i + 1}`,
      tree_id,
      parent_id: i < 20 ? 0 : (i % 20) - (i % 2) + tree_id,
    };
  });
}

function manyProducts(count: number): SeedProduct[] {
  return Array.from({ length: count }, (_, i) => ({
    id: 1000 + i,
    name: `Product ${i}`,
    sku: `SKU-${String(i).padStart(5, '0')}`,
  }));
}

test('categories of every tree in ceil(n/250) pages, each request counted', () =>
  withSandbox({ catalog: { categories: manyCategories(600) } }, async (sandbox) => {
    const { value, requests } = await clientFor(sandbox).store.readCategories();
    assert.is(value.length, 600);
    assert.equal(new Set(value.map((c) => c.tree_id)), new Set([1, 2]));
    assert.equal(
      value.find((c) => c.id === 21),
      { id: 21, parent_id: 1, tree_id: 1, name: 'Category 21' },
    );
    assert.is(requests, 3);
    assert.is(sandbox.log.length, 3);
    assert.ok(
      sandbox.log.every((entry) => /\/v3\/catalog\/trees\/categories\?limit=250&page=[123]$/.test(entry.path)),
      sandbox.log.map((e) => e.path).join('\n'),
    );
  }));

test('an empty catalog is one request; price lists page the same way', () =>
  withSandbox(
    { catalog: { price_lists: Array.from({ length: 260 }, (_, i) => ({ id: i + 1, name: `List ${i + 1}` })) } },
    async (sandbox) => {
      const client = clientFor(sandbox);
      assert.equal(await client.store.readCategories(), { value: [], requests: 1 });
      const lists = await client.store.readPriceLists();
      assert.equal([lists.value.length, lists.requests, lists.value[259]], [260, 2, { id: 260, name: 'List 260' }]);
    },
  ));

test('products by id and SKU in batches whose URLs stay under the budget, only id, name and sku asked', () =>
  withSandbox(
    { catalog: { products: [...manyProducts(700), { id: 5, name: 'Odd, SKU', sku: 'A,B' }] } },
    async (sandbox) => {
      const ids = Array.from({ length: 500 }, (_, i) => 1000 + i * 1);
      const skus = [
        ...Array.from({ length: 300 }, (_, i) => `SKU-${String(400 + i).padStart(5, '0')}`),
        'sku-00001',
        'A,B',
        'NOPE',
      ];
      const { value, requests } = await clientFor(sandbox).store.readProducts({ ids: [...ids, 999_999], skus });
      assert.is(value.length, 700 + 1, 'every product asked for, once, whichever way');
      assert.equal(
        value.find((p) => p.id === 5),
        { id: 5, name: 'Odd, SKU', sku: 'A,B' },
      );
      assert.is(requests, sandbox.log.length);
      const origin = 'https://api.bigcommerce.com';
      for (const { path } of sandbox.log) {
        assert.ok(origin.length + path.length <= MAX_BATCH_URL, `${path.length} characters`);
        assert.match(path, /include_fields=name,sku&/);
      }
      const idBatches = sandbox.log.filter((e) => e.path.includes('id:in=')).length;
      assert.ok(idBatches >= 2 && idBatches <= 4, `${idBatches} id batches`);
      assert.ok(
        sandbox.log.some((e) => e.path.includes('sku=A%2CB')),
        'a SKU with a comma is asked for alone',
      );
    },
  ));

test('product batches are read a few at a time, not one after another', () =>
  withSandbox({ catalog: { products: manyProducts(2_000) }, latencyMs: 20 }, async (sandbox) => {
    const ids = Array.from({ length: 2_000 }, (_, i) => 1000 + i);
    const { value, requests } = await clientFor(sandbox).store.readProducts({ ids });
    assert.equal(
      value.map((product) => product.id),
      ids,
    );
    assert.ok(requests >= 8, `${requests} batches`);
    assert.ok(sandbox.counters.maxInFlight > 1, `at most ${sandbox.counters.maxInFlight} in flight`);
  }));

test('no ids and no SKUs is no request', () =>
  withSandbox({ catalog: SMALL_CATALOG }, async (sandbox) => {
    assert.equal(await clientFor(sandbox).store.readProducts({}), { value: [], requests: 0 });
  }));

test('customer counts per group, one request each, bounded in flight', () => {
  const customers: SeedCustomer[] = [
    ...Array.from({ length: 7 }, () => ({ customer_group_id: 1 })),
    { customer_group_id: 2 },
    { customer_group_id: 0 },
  ];
  const seed = Array.from({ length: 12 }, (_, i) => ({ name: `G${i + 1}` }));
  return withSandbox({ seed, customers, latencyMs: 15 }, async (sandbox) => {
    const ids = seed.map((_, i) => i + 1);
    const { value, requests } = await clientFor(sandbox).store.countCustomers([...ids, 1], 3);
    assert.equal([value.get(1), value.get(2), value.get(3), value.size], [7, 1, 0, 12]);
    assert.is(requests, 12, 'a repeated id is counted once');
    assert.ok(sandbox.counters.maxInFlight <= 3, `${sandbox.counters.maxInFlight} in flight`);
    assert.ok(sandbox.log.every((e) => /\/v3\/customers\?customer_group_id:in=\d+&limit=1$/.test(e.path)));
  });
});

test('reads survive 500s, resets and the concurrency cap, and count every attempt', () =>
  withSandbox(
    {
      catalog: { categories: manyCategories(300) },
      seed: [{ name: 'A' }],
      faultRate: 0.3,
      resetRate: 0.1,
      maxConcurrent: 2,
      random: seededRandom(7),
    },
    async (sandbox) => {
      const client = clientFor(sandbox, { retries: 8 });
      const categories = await client.store.readCategories();
      assert.is(categories.value.length, 300);
      assert.ok(categories.requests >= 2);
      const counts = await client.store.countCustomers(
        Array.from({ length: 10 }, () => 1).map((_, i) => i + 1),
        8,
      );
      assert.is(counts.value.size, 10);
      assert.ok(sandbox.counters.maxInFlight <= 2);
      assert.ok(counts.requests + categories.requests > 12, 'retries are counted');
    },
  ));

test('a 403 names the missing scope and the flag that skips the reads, never the token', () =>
  withSandbox(
    { catalog: SMALL_CATALOG, token: 'secret-token-xyz', scopes: ['store_v2_customers'] },
    async (sandbox) => {
      const client = clientFor(sandbox);
      for (const read of [
        () => client.store.readCategories(),
        () => client.store.readPriceLists(),
        () => client.store.readProducts({ ids: [77] }),
      ]) {
        const message = await read().then(
          () => '',
          (error: Error) => error.message,
        );
        assert.match(
          message,
          new RegExp(
            "failed with 403: You don't have a required scope to access the endpoint\\. The API account lacks " +
              '.*store_v2_products_read_only.*--no-catalog',
          ),
        );
        assert.not.match(message, /secret-token/);
      }
      sandbox.setOptions({ scopes: ['store_v2_products_read_only'] });
      const message = await client.store.countCustomers([1]).then(
        () => '',
        (error: Error) => error.message,
      );
      assert.match(message, /store_v2_customers_read_only.*--no-customers/);
    },
  ));

const page = (ids: number[], pagination: Record<string, number>) =>
  JSON.stringify({
    data: ids.map((id) => ({ category_id: id, parent_id: 0, tree_id: 1, name: `C${id}` })),
    meta: { pagination: { total: 500, count: ids.length, per_page: 250, ...pagination } },
  });

for (const [title, answer, expected] of [
  [
    'a page that repeats ids already read',
    (n: number) => page([1, 2], { current_page: n, total_pages: 5 }),
    /page=2 answered id 1 already on page 1/,
  ],
  [
    'a page that is not the one asked for',
    () => page([1], { current_page: 1, total_pages: 5 }),
    /current_page is 1, expected 2/,
  ],
  [
    'an absurd number of pages',
    (n: number) => page([n], { current_page: n, total_pages: 10_000_000 }),
    /total_pages is 10000000/,
  ],
  ['a body without data', () => JSON.stringify({ meta: {} }), /data is missing, expected an array/],
  [
    'pagination with a wrong type',
    (n: number) => page([n], { current_page: n, total_pages: 'two' as unknown as number }),
    /total_pages is "two", expected a whole number/,
  ],
] as const) {
  test(`paging is bounded: ${title} is an error, not a loop`, async () => {
    const server = await startHostileServer(
      (request) => ({
        status: 200,
        body: answer(Number(new URL(request.url ?? '/', 'http://x').searchParams.get('page'))),
      }),
      { everyPage: true },
    );
    try {
      const client = createClient({ apiUrl: server.apiUrl, storeHash: 'h', token: 'hostile-token', retryBaseMs: 1 });
      const message = await client.store.readCategories().then(
        () => '',
        (error: Error) => error.message,
      );
      assert.match(message, expected);
      assert.ok(server.requests.length <= 2, `${server.requests.length} requests`);
    } finally {
      await server.close();
    }
  });
}

/**
 * What a read makes of a server answering every page with `answers(page)`: its error ("" when none), and the requests.
 */
async function withAnswers(
  answers: (page: number, url: URL) => string,
  read: (client: ReturnType<typeof createClient>) => Promise<unknown>,
): Promise<{ message: string; requests: number }> {
  const server = await startHostileServer(
    (request) => {
      const url = new URL(request.url ?? '/', 'http://x');
      return { status: 200, body: answers(Number(url.searchParams.get('page') ?? '1'), url) };
    },
    { everyPage: true },
  );
  try {
    const client = createClient({ apiUrl: server.apiUrl, storeHash: 'h', token: 'hostile-token', retryBaseMs: 1 });
    const message = await read(client).then(
      () => '',
      (error: Error) => `${error.name}: ${error.message}`,
    );
    return { message, requests: server.requests.length };
  } finally {
    await server.close();
  }
}

const tree = (categories: [id: number, parent: number, tree?: number][]) =>
  JSON.stringify({
    data: categories.map(([id, parent, tree_id = 1]) => ({
      category_id: id,
      parent_id: parent,
      tree_id,
      name: `C${id}`,
    })),
    meta: {
      pagination: {
        total: categories.length,
        count: categories.length,
        per_page: 250,
        current_page: 1,
        total_pages: 1,
      },
    },
  });

for (const [title, categories, expected] of [
  [
    'a category that is its own parent',
    [
      [1, 0],
      [2, 2],
    ],
    /category 2 is its own parent/,
  ],
  [
    'a cycle of parents',
    [
      [1, 0],
      [5, 7],
      [6, 5],
      [7, 6],
    ],
    /categories 5 -> 7 -> 6 -> 5 form a cycle of parents/,
  ],
  [
    'a parent no tree holds',
    [
      [1, 0],
      [2, 1],
      [3, 99],
    ],
    /category 3 names parent 99, which no tree holds .*run again/,
  ],
  [
    'a parent in another tree',
    [
      [1, 0, 1],
      [2, 1, 2],
    ],
    /category 2 of tree 2 names parent 1 of tree 1/,
  ],
] as const) {
  test(`a category tree with ${title} is refused as a bad answer naming the ids`, async () => {
    const { message } = await withAnswers(
      () => tree(categories.map((c) => [...c])),
      (client) => client.store.readCategories(),
    );
    assert.match(
      message,
      /^ApiError: GET \/stores\/h\/v3\/catalog\/trees\/categories answered 200 with an unexpected body: /,
    );
    assert.match(message, expected);
  });
}

test('a sound tree of several levels and trees is read as it is', async () => {
  const { message } = await withAnswers(
    () =>
      tree([
        [3, 2],
        [2, 1],
        [1, 0],
        [4, 0, 2],
        [5, 4, 2],
      ]),
    (client) => client.store.readCategories(),
  );
  assert.is(message, '');
});

for (const total of [1e300, 2 ** 53 + 2, -1, 2.5]) {
  test(`a customer count of ${total} is an error, not a number of customers`, async () => {
    const { message } = await withAnswers(
      () =>
        JSON.stringify({
          data: [],
          meta: { pagination: { total, count: 0, per_page: 1, current_page: 1, total_pages: 1 } },
        }),
      (client) => client.store.countCustomers([1]),
    );
    assert.match(message, /^ApiError: .*meta\.pagination\.total is .*expected a whole number up to 9007199254740991/);
  });
}

test('total_pages that changes between pages is an error, not a list cut short', async () => {
  const { message, requests } = await withAnswers(
    (n) => page([n], { current_page: n, total_pages: n === 1 ? 3 : 2 }),
    (client) => client.store.readCategories(),
  );
  assert.match(message, /total_pages is 2 on page 2, but 3 on page 1 \(the list changed during the read: run again\)/);
  assert.is(requests, 2);
});

test('reading stops at total_pages even when the server would answer more', async () => {
  const server = await startHostileServer(
    (request) => {
      const n = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('page'));
      return { status: 200, body: page([n], { current_page: n, total_pages: 2 }) };
    },
    { everyPage: true },
  );
  try {
    const { value, requests } = await createClient({
      apiUrl: server.apiUrl,
      storeHash: 'h',
      token: 'hostile-token',
    }).store.readCategories();
    assert.equal([value.map((c) => c.id), requests, server.requests.length], [[1, 2], 2, 2]);
  } finally {
    await server.close();
  }
});

test.run();
