// A store list that cannot be true (one id twice, one exact name twice) is refused before anything is
// planned: otherwise one copy silently vanishes, or a file binds to one group and --prune deletes the other.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createWorkspace, groupYaml, SECRET_TOKEN } from './helpers.js';
import { runIn } from '../support/cli.js';
import { rawGroup, startHostileServer } from '../support/hostile.js';

async function planWith(
  liveGroups: Record<string, unknown>[],
  files: Record<string, string>,
  argv = ['plan', '--prune'],
) {
  // The group list is the answer under test; the V3 reads (catalog, customer counts) find nothing.
  const empty = JSON.stringify({
    data: [],
    meta: { pagination: { total: 0, count: 0, per_page: 250, current_page: 1, total_pages: 0 } },
  });
  const server = await startHostileServer((request) => ({
    status: 200,
    body: request.url?.includes('/v2/customer_groups') ? JSON.stringify(liveGroups) : empty,
  }));
  const workspace = await createWorkspace(files);
  try {
    const env = {
      BIGCOMMERCE_STORE_HASH: 'abc',
      BIGCOMMERCE_API_URL: server.apiUrl,
      BIGCOMMERCE_ACCESS_TOKEN: SECRET_TOKEN,
    };
    return { ...(await runIn(workspace.cwd, argv, env)), requests: server.requests };
  } finally {
    await workspace.remove();
    await server.close();
  }
}

test('the same id twice in the live list is refused, naming the id', async () => {
  const run = await planWith([rawGroup(7, 'Retail'), rawGroup(7, 'Wholesale')], {
    'groups/retail.yaml': groupYaml('Retail', 1),
  });
  assert.is(run.code, 1, run.out);
  assert.match(run.err, /id 7\b/);
  assert.not.match(run.out, /delete|update|create/i);
  assert.ok(
    run.requests.every((request) => request.startsWith('GET ')),
    run.requests.join('\n'),
  );
});

test('an unpinned file whose exact name two live groups hold is refused, naming both ids and the pin', async () => {
  const run = await planWith([rawGroup(7, 'Retail'), rawGroup(9, 'Retail'), rawGroup(11, 'VIP')], {
    'groups/retail.yaml': groupYaml('Retail', 1),
  });
  assert.is(run.code, 1, run.out);
  assert.match(run.err, 'groups/retail.yaml:1:1');
  assert.match(run.err, "name 'Retail' matches 2 live groups: 7 ('Retail'), 9 ('Retail')");
  assert.match(run.err, 'id: 7 or id: 9');
  assert.not.match(run.out, /delete/i);
});

test('names differing only in case go the same way whichever the store lists first', async () => {
  for (const order of [
    [7, 9],
    [9, 7],
  ]) {
    const names: Record<number, string> = { 7: 'Retail', 9: 'RETAIL' };
    const run = await planWith(
      order.map((id) => rawGroup(id, names[id] ?? '')),
      { 'groups/retail.yaml': groupYaml('Retail', 1) },
    );
    assert.is(run.code, 1, run.out);
    assert.match(run.err, 'matches 2 live groups');
  }
});

test('with an id pin the file describes one of the two; the other is unmanaged', async () => {
  const run = await planWith(
    [rawGroup(7, 'Retail'), rawGroup(9, 'Retail')],
    { 'groups/retail.yaml': groupYaml('Retail', 1, 'id: 9\n') },
    ['plan'],
  );
  assert.is(run.code, 0, run.err);
  assert.match(run.out, 'update Retail (id 9)');
  assert.match(run.out, /Unmanaged[^\n]*\n {2}Retail \(id 7\)/);
});

test.run();
