import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiError } from '../../src/errors.js';
import type { GroupBody } from '../../src/model/index.js';
import { clientFor, seededRandom, withSandbox } from '../support/sandbox.js';

const WHOLESALE: GroupBody = {
  name: 'Wholesale',
  category_access: { type: 'specific', categories: [4, 2] },
  discount_rules: [
    { type: 'all', method: 'percent', amount: '5.0000' },
    { type: 'category', method: 'price', amount: '1.5000', category_id: 2 },
  ],
};

const posts = (log: Array<{ method: string }>) => log.filter((entry) => entry.method === 'POST').length;

test('a create answered 500 after saving is found by name and returned, not sent again', () =>
  withSandbox({ ambiguousCreateRate: 1 }, async (sandbox) => {
    const client = clientFor(sandbox);
    const group = await client.createGroup(WHOLESALE);
    assert.is(group.name, 'Wholesale');
    assert.equal(group.category_access, { type: 'specific', categories: [2, 4] });
    assert.is(sandbox.groups().length, 1);
    assert.is(posts(sandbox.log), 1);
  }));

test('a create refused with 500 before saving is sent again after the name lookup finds nothing', () =>
  withSandbox({ faultRate: 0.5, random: seededRandom(5) }, async (sandbox) => {
    const client = clientFor(sandbox, { retries: 10 });
    for (let i = 0; i < 8; i++) await client.createGroup({ ...WHOLESALE, name: `Wholesale ${i}` });
    sandbox.setOptions({ faultRate: 0 });
    assert.is(sandbox.groups().length, 8);
    assert.ok(posts(sandbox.log) > 8, 'some POSTs were repeated');
    assert.ok(client.stats.retries > 0);
  }));

test('connection resets before or after saving never make a second group', () =>
  withSandbox({ resetRate: 0.5, random: seededRandom(9) }, async (sandbox) => {
    const client = clientFor(sandbox, { retries: 10 });
    for (let i = 0; i < 8; i++) await client.createGroup({ ...WHOLESALE, name: `Reset ${i}` });
    sandbox.setOptions({ resetRate: 0 });
    assert.is(sandbox.groups().length, 8);
    assert.ok(sandbox.counters.faults > 0);
  }));

/** Draws the given values first, then `rest` forever: one chosen fault, then none. */
function drawsThen(first: number[], rest: number): () => number {
  const queue = [...first];
  return () => queue.shift() ?? rest;
}

test('a 207 on create (saved, discounts not) is finished with one PUT of the same body, never a second POST', () =>
  withSandbox({ partialRate: 0.5, random: drawsThen([0.1], 0.9) }, async (sandbox) => {
    const client = clientFor(sandbox);
    const group = await client.createGroup(WHOLESALE);
    assert.is(group.id, 1);
    assert.is(sandbox.groups().length, 1);
    assert.is(posts(sandbox.log), 1);
    const puts = sandbox.log.filter((entry) => entry.method === 'PUT');
    assert.is(puts.length, 1);
    assert.equal(puts[0]?.body, WHOLESALE);
  }));

test('after an ambiguous failure, a same-named group with other fields is an error, not a success', () =>
  withSandbox(
    {
      seed: [{ name: 'Wholesale', discount_rules: [{ type: 'all', method: 'percent', amount: 50 }] }],
      // The first request (the POST) has its connection reset before any work; nothing else is.
      resetRate: 0.5,
      random: drawsThen([0.1, 0.1], 0.9),
    },
    async (sandbox) => {
      try {
        await clientFor(sandbox).createGroup(WHOLESALE);
        assert.unreachable('should refuse');
      } catch (error) {
        assert.instance(error, ApiError);
        assert.match(
          (error as ApiError).message,
          /a group named 'Wholesale' \(id 1\) now exists with different category_access, discount_rules/,
        );
      }
      assert.is(sandbox.groups().length, 1);
      assert.is(posts(sandbox.log), 0, 'the reset POST never reached the log');
    },
  ));

test('a name-only create does not adopt a same-named group that has rules', () =>
  withSandbox(
    { seed: [{ name: 'Retail', is_default: true }], resetRate: 0.5, random: drawsThen([0.1, 0.1], 0.9) },
    async (sandbox) => {
      try {
        await clientFor(sandbox).createGroup({ name: 'Retail' });
        assert.unreachable('should refuse');
      } catch (error) {
        assert.match((error as ApiError).message, /now exists with different is_default/);
      }
    },
  ));

test('when the store cannot even be asked whether the create happened, the POST is not repeated', () =>
  withSandbox({ faultRate: 1 }, async (sandbox) => {
    const client = clientFor(sandbox, { retries: 2 });
    try {
      await client.createGroup({ name: 'Never' });
      assert.unreachable('should fail');
    } catch (error) {
      assert.instance(error, ApiError);
      assert.is((error as ApiError).status, 500);
    }
    assert.is(posts(sandbox.log), 1);
  }));

test('a create whose POST keeps failing before saving gives up after its retries', () => {
  // Draws alternate: each POST is answered 500 before saving, each name lookup passes.
  let draws = 0;
  return withSandbox({ faultRate: 0.5, random: () => (draws++ % 2 === 0 ? 0.1 : 0.9) }, async (sandbox) => {
    const client = clientFor(sandbox, { retries: 2 });
    try {
      await client.createGroup({ name: 'Never' });
      assert.unreachable('should fail');
    } catch (error) {
      assert.instance(error, ApiError);
      assert.match((error as ApiError).message, /POST \/stores\/sandbox\/v2\/customer_groups kept failing \(500\)/);
    }
    assert.is(posts(sandbox.log), 3);
    assert.is(sandbox.groups().length, 0);
  });
});

test.run();
