// A write answered 2xx with a body that cannot be read has an unknown outcome: the group is read back,
// and the write stands when it took effect, so what depends on it still runs.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';
import { ApiError } from '../../src/errors.js';
import { GUESTS, openProject } from '../support/cli.js';
import { rawGroup, startHostileServer } from '../support/hostile.js';
import { clientFor, withSandbox } from '../support/sandbox.js';

const posts = (log: Array<{ method: string }>) => log.filter((entry) => entry.method === 'POST').length;

test('an update answered 200 with a cut body is read back and returned when it took effect', () =>
  withSandbox({ seed: [{ id: 3, name: 'VIP' }], unreadableWriteRate: 1 }, async (sandbox) => {
    const client = clientFor(sandbox);
    const group = await client.updateGroup(3, { name: 'VIP', category_access: { type: 'none' } });
    assert.is(group.id, 3);
    assert.equal(group.category_access, { type: 'none' });
    assert.ok(sandbox.log.some((entry) => entry.method === 'GET' && entry.path.includes('/customer_groups/3')));
  }));

test('a create answered 200 with a cut body is found by name, not sent again', () =>
  withSandbox({ unreadableWriteRate: 1 }, async (sandbox) => {
    const client = clientFor(sandbox);
    const group = await client.createGroup({ name: 'Wholesale', is_default: true });
    assert.is(group.name, 'Wholesale');
    assert.is(group.is_default, true);
    assert.is(posts(sandbox.log), 1);
    assert.is(sandbox.groups().length, 1);
  }));

test('a write answered 200 with a cut body that did not take effect is still a failure, saying why', async () => {
  // The store answers writes with a cut body and keeps group 3 as it was; no group is named 'Wholesale'.
  const server = await startHostileServer(
    (request) =>
      request.method === 'GET'
        ? { status: 200, body: JSON.stringify(request.url?.includes('name=') ? [] : rawGroup(3, 'VIP')) }
        : { status: 200, body: '{"id": 3, "na' },
    { everyPage: true },
  );
  try {
    const client = createClient({ apiUrl: server.apiUrl, storeHash: 'abc', token: 'tok-unreadable-0123', retries: 0 });
    const update = await client.updateGroup(3, { category_access: { type: 'none' } }).catch((error: unknown) => error);
    assert.ok(update instanceof ApiError);
    assert.match(update.message, 'answered 200 with an unexpected body');
    assert.match(update.message, 'read back, group 3 does not hold what was sent (category_access differs)');
    const create = await client.createGroup({ name: 'Wholesale' }).catch((error: unknown) => error);
    assert.ok(create instanceof ApiError);
    assert.match(create.message, "read back, no group named 'Wholesale' exists");
    assert.is(server.requests.filter((line) => line.startsWith('POST')).length, 1, 'the create was not sent again');
  } finally {
    await server.close();
  }
});

test('a guest-flag handover whose writes answer 200 with cut bodies completes: the new holder gets the flag', async () => {
  const project = await openProject(
    { 'guests.yaml': GUESTS },
    {
      seed: [
        { id: 1, name: 'Guests' },
        { id: 2, name: 'Walk-in', is_group_for_guests: true },
      ],
    },
  );
  try {
    project.sandbox.setOptions({ unreadableWriteRate: 1 });
    const run = await project.run('apply', '--yes');
    assert.is(run.code, 0, run.err + run.out);
    const guests = project.sandbox.groups().filter((group) => group.is_group_for_guests);
    assert.equal(
      guests.map((group) => group.name),
      ['Guests'],
    );
  } finally {
    await project.close();
  }
});

test.run();
