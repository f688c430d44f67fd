import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LIST_CONCURRENCY } from '../../src/bigcommerce/paging.js';
import { clientFor, seedGroups, withSandbox } from '../support/sandbox.js';

// Groups in the store -> requests the client must send: pages of 250; after a full first page one count,
// which lets the rest be read at once and tells whether a full last page ends the list. Never more than
// ceil(N/250) + 1.
const CASES: Array<[number, number]> = [
  [0, 1],
  [1, 1],
  [250, 2],
  [251, 3],
  [600, 4],
  [2000, 9],
];
const LIST_OR_COUNT = /\/customer_groups(\?page=\d+&limit=250|\/count)$/;

for (const endOfList of ['204', 'empty'] as const) {
  for (const [count, pages] of CASES) {
    test(`listGroups reads all ${count} groups in ${pages} request(s) when the end is ${endOfList}`, () =>
      withSandbox({ seed: seedGroups(count), endOfList, latencyMs: 5 }, async (sandbox) => {
        const client = clientFor(sandbox);
        const liveGroups = await client.listGroups();
        assert.is(liveGroups.length, count);
        assert.equal(
          liveGroups.map((group) => group.id),
          sandbox.groups().map((group) => group.id),
        );
        assert.is(new Set(liveGroups.map((group) => group.name)).size, count);
        assert.is(sandbox.log.length, pages);
        assert.ok(pages <= Math.ceil(count / 250) + 1);
        assert.ok(
          sandbox.log.every((entry) => LIST_OR_COUNT.test(entry.path)),
          'only list requests (limit=250) and the count',
        );
        assert.is(sandbox.log.filter((entry) => entry.path.endsWith('/count')).length, count >= 250 ? 1 : 0);
        assert.is(client.stats.requests.GET, pages);
        // Once the count is known the remaining pages overlap, within the client's list concurrency.
        if (count >= 750) assert.ok(sandbox.counters.maxInFlight > 1, `${sandbox.counters.maxInFlight} in flight`);
        assert.ok(sandbox.counters.maxInFlight <= LIST_CONCURRENCY);
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
