import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../../src/cli/main.js';
import { runSandbox } from '../../src/cli/commands/sandbox.js';
import { memoryIo } from '../../src/cli/io.js';
import { makeTempDir } from '../support/temp.js';

test('bcgroups sandbox serves a seeded store that plain HTTP can list, create, update and delete in', async () => {
  const dir = makeTempDir('sandbox');
  await writeFile(
    join(dir, 'groups.yaml'),
    '- name: Retail\n- name: Wholesale\n  discount_rules: [{ type: all, method: percent, amount: 10 }]\n',
  );
  const io = memoryIo({ cwd: dir });
  let stop!: () => void;
  const stopped = new Promise<void>((done) => (stop = done));
  const running = runSandbox(
    {
      values: { seed: 'groups.yaml', token: 'cmd-token', 'store-hash': 'demo', 'guest-mode': 'move' },
      positionals: [],
      io,
    },
    () => stopped,
  );
  while (!io.out().includes('Stop with')) await new Promise((done) => setTimeout(done, 5));
  const apiUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out())?.[1];
  assert.ok(apiUrl, io.out());
  assert.match(io.out(), /2 groups/);
  assert.not.match(io.out(), /cmd-token/);
  const base = `${apiUrl}/stores/demo/v2/customer_groups`;
  const headers = { 'X-Auth-Token': 'cmd-token', 'Content-Type': 'application/json', Accept: 'application/json' };
  const listed = (await (await fetch(base, { headers })).json()) as Array<{ name: string }>;
  assert.equal(
    listed.map((g) => g.name),
    ['Retail', 'Wholesale'],
  );
  assert.is((await fetch(base, { method: 'POST', headers, body: JSON.stringify({ name: 'VIP' }) })).status, 200);
  assert.is(
    (await fetch(`${base}/3`, { method: 'PUT', headers, body: JSON.stringify({ is_group_for_guests: true }) })).status,
    200,
  );
  assert.is((await fetch(`${base}/1`, { method: 'DELETE', headers })).status, 204);
  stop();
  assert.is(await running, 0);
  assert.match(io.out(), /Sandbox stopped after 4 requests/);
});

test('bcgroups sandbox serves a seeded catalog and customers through V3, with the style flags', async () => {
  const dir = makeTempDir('sandbox');
  const seed = {
    groups: [{ name: 'Retail', discount_rules: [{ type: 'category', method: 'percent', amount: 5, category_id: 18 }] }],
    catalog: { categories: [{ category_id: 18, name: 'Tools' }] },
    customers: [{ customer_group_id: 1 }],
  };
  await writeFile(join(dir, 'store.json'), JSON.stringify(seed));
  const io = memoryIo({ cwd: dir });
  let stop!: () => void;
  const stopped = new Promise<void>((done) => (stop = done));
  const values = {
    seed: 'store.json',
    'string-ids': true,
    'error-style': 'v3',
    scopes: 'store_v2_customers_read_only,store_v2_products_read_only',
  };
  const running = runSandbox({ values, positionals: [], io }, () => stopped);
  while (!io.out().includes('Stop with')) await new Promise((done) => setTimeout(done, 5));
  assert.match(io.out(), /1 group, 1 category, 0 products, 0 price lists, 1 customer\)/);
  const apiUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out())?.[1];
  // With the default token, the banner's two lines paste as they are into another shell.
  assert.match(
    io.out(),
    `  export BIGCOMMERCE_API_URL=${apiUrl} BIGCOMMERCE_STORE_HASH=sandbox BIGCOMMERCE_ACCESS_TOKEN=sandbox-token\n  npx --no bcgroups plan\n`,
  );
  const headers = { 'X-Auth-Token': 'sandbox-token', Accept: 'application/json' };
  const customers = (await (
    await fetch(`${apiUrl}/stores/sandbox/v3/customers?customer_group_id:in=1&limit=1`, { headers })
  ).json()) as { meta: { pagination: { total: number } } };
  assert.is(customers.meta.pagination.total, 1);
  const groups = (await (await fetch(`${apiUrl}/stores/sandbox/v2/customer_groups`, { headers })).json()) as Array<{
    discount_rules: Array<{ category_id: unknown }>;
  }>;
  assert.is(groups[0]?.discount_rules[0]?.category_id, '18');
  const refused = await fetch(`${apiUrl}/stores/sandbox/v2/customer_groups/1`, { method: 'DELETE', headers });
  assert.equal([refused.status, ((await refused.json()) as { status: number }).status], [403, 403]);
  stop();
  assert.is(await running, 0);
});

test('bad sandbox flags are usage errors', async () => {
  const styles = [
    ['--scopes', 'store_v2_everything'],
    ['--unknown-references', 'maybe'],
    ['--date-style', 'iso'],
    ['--error-style', 'v4'],
    ['--max-concurrent', '0'],
  ];
  for (const args of [
    ['--port', 'x'],
    ['--fault-rate', '2'],
    ['--guest-mode', 'sometimes'],
    ['--seed', 'missing.yaml'],
    ...styles,
  ]) {
    const io = memoryIo();
    assert.is(await runCli(['sandbox', ...args], io), 1, args.join(' '));
    assert.match(io.err(), /Error: /);
    assert.not.match(io.err(), /Unexpected error/);
  }
});

test('a busy port is a plain message naming the port, not a crash', async () => {
  const { createServer } = await import('node:net');
  const holder = createServer();
  await new Promise<void>((done) => holder.listen(0, '127.0.0.1', done));
  const port = (holder.address() as { port: number }).port;
  try {
    const io = memoryIo();
    assert.is(await runCli(['sandbox', '--port', String(port)], io), 1);
    assert.is(
      io.err(),
      `Error: Cannot listen on 127.0.0.1:${port} (EADDRINUSE): pass another --port, or 0 for any free one.\n`,
    );
  } finally {
    await new Promise((done) => holder.close(done));
  }
});

test('--end-of-list and --create-status choose between the behaviours the API leaves undocumented', async () => {
  const io = memoryIo();
  let stop!: () => void;
  const stopped = new Promise<void>((done) => (stop = done));
  const running = runSandbox(
    { values: { 'end-of-list': 'empty', 'create-status': '201' }, positionals: [], io },
    () => stopped,
  );
  while (!io.out().includes('Stop with')) await new Promise((done) => setTimeout(done, 5));
  const apiUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out())?.[1];
  const base = `${apiUrl}/stores/sandbox/v2/customer_groups`;
  const headers = { 'X-Auth-Token': 'sandbox-token', 'Content-Type': 'application/json', Accept: 'application/json' };
  const created = await fetch(base, { method: 'POST', headers, body: JSON.stringify({ name: 'Retail' }) });
  assert.is(created.status, 201);
  const past = await fetch(`${base}?page=2`, { headers });
  assert.is(past.status, 200);
  assert.equal(await past.json(), []);
  stop();
  assert.is(await running, 0);
  const bad = memoryIo();
  assert.is(await runCli(['sandbox', '--create-status', '202'], bad), 1);
  assert.match(bad.err(), '--create-status must be 200 or 201');
});

test.run();
