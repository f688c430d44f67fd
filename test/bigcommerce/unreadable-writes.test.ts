// A write answered 2xx with a body that cannot be read has an unknown outcome: the group is read back,
// and the write stands when it took effect, so what depends on it still runs.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { GUESTS, openProject } from '../support/cli.js';
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
