import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { clientFor, seedGroups, withSandbox } from '../support/sandbox.js';

// Groups in the store -> pages the client must ask for (limit 250; a full last page needs one more ask).
const CASES: Array<[number, number]> = [
  [0, 1],
  [1, 1],
  [250, 2],
  [251, 2],
  [600, 3],
];

for (const endOfList of ['204', 'empty'] as const) {
  for (const [count, pages] of CASES) {
    test(`listGroups reads all ${count} groups in ${pages} page(s) when the end is ${endOfList}`, () =>
      withSandbox({ seed: seedGroups(count), endOfList }, async (sandbox) => {
        const client = clientFor(sandbox);
        const liveGroups = await client.listGroups();
        assert.is(liveGroups.length, count);
        assert.equal(
          liveGroups.map((group) => group.id),
          sandbox.groups().map((group) => group.id),
        );
        assert.is(new Set(liveGroups.map((group) => group.name)).size, count);
        assert.is(sandbox.log.length, pages);
        assert.ok(sandbox.log.every((entry) => /\/customer_groups\?page=\d+&limit=250$/.test(entry.path)), 'only list requests, limit=250');
        assert.is(client.stats.requests.GET, pages);
      }));
  }
}

test('countGroups and getGroup read single answers', () =>
  withSandbox({ seed: seedGroups(3) }, async (sandbox) => {
    const client = clientFor(sandbox);
    assert.is(await client.countGroups(), 3);
    const group = await client.getGroup(2);
    assert.is(group.name, 'Group 0002');
    assert.equal(group.category_access, { type: 'all' });
  }));

test('findGroupByName uses the name filter and matches exactly', () =>
  withSandbox({ seed: [{ name: 'Retail' }, { name: 'Retail Plus' }] }, async (sandbox) => {
    const client = clientFor(sandbox);
    assert.is((await client.findGroupByName('Retail'))?.id, 1);
    assert.is(await client.findGroupByName('Wholesale'), undefined);
    assert.ok(sandbox.log.some((entry) => entry.path.includes('name=Retail&')));
  }));

test.run();
