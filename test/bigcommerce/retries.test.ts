import pLimit from 'p-limit';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiError } from '../../src/errors.js';
import { clientFor, seedGroups, seededRandom, withSandbox } from '../support/sandbox.js';

test('GET, PUT and DELETE ride out 500s with bounded retries', () =>
  withSandbox({ seed: seedGroups(20), faultRate: 0.3, random: seededRandom(1) }, async (sandbox) => {
    const client = clientFor(sandbox, { retries: 8 });
    assert.is((await client.listGroups()).length, 20);
    for (let id = 1; id <= 10; id++) await client.updateGroup(id, { is_default: false, name: `Renamed ${id}` });
    for (let id = 11; id <= 20; id++) await client.deleteGroup(id);
    sandbox.setOptions({ faultRate: 0 });
    assert.equal(
      sandbox.groups().map((group) => group.name),
      Array.from({ length: 10 }, (_, i) => `Renamed ${i + 1}`),
    );
    assert.ok(sandbox.counters.faults > 0);
    assert.is(client.stats.retries, sandbox.counters.faults);
  }));

test('retries are bounded: a store that always fails ends in an ApiError with the status', () =>
  withSandbox({ seed: seedGroups(1), faultRate: 1 }, async (sandbox) => {
    const client = clientFor(sandbox, { retries: 3 });
    try {
      await client.getGroup(1);
      assert.unreachable('should fail');
    } catch (error) {
      assert.instance(error, ApiError);
      assert.is((error as ApiError).status, 500);
    }
    assert.is(sandbox.counters.requests.GET, 4);
    assert.is(client.stats.retries, 3);
  }));

test('reset connections before and after the work are retried for GET, PUT and DELETE', () =>
  withSandbox({ seed: seedGroups(12), resetRate: 0.3, random: seededRandom(3) }, async (sandbox) => {
    const client = clientFor(sandbox, { retries: 8 });
    const limit = pLimit(4);
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        limit(() =>
          client.updateGroup(i + 1, { discount_rules: [{ type: 'all', method: 'percent', amount: '2.5000' }] }),
        ),
      ),
    );
    await Promise.all(Array.from({ length: 6 }, (_, i) => limit(() => client.deleteGroup(i + 7))));
    sandbox.setOptions({ resetRate: 0 });
    assert.ok(sandbox.counters.faults > 0, 'some resets were drawn');
    const stored = sandbox.groups();
    assert.is(stored.length, 6);
    assert.ok(stored.every((group) => group.discount_rules[0]?.type === 'all'));
  }));

test('a 207 on PUT is retried until the write is whole', () =>
  withSandbox({ seed: seedGroups(1), partialRate: 0.6, random: seededRandom(11) }, async (sandbox) => {
    const client = clientFor(sandbox, { retries: 10 });
    for (let i = 0; i < 5; i++)
      await client.updateGroup(1, { discount_rules: [{ type: 'all', method: 'price', amount: `${i}.0000` }] });
    assert.ok(sandbox.log.some((entry) => entry.status === 207));
    assert.ok(client.stats.retries > 0);
    assert.equal(sandbox.groups()[0]?.discount_rules, [{ type: 'all', method: 'price', amount: '4.0000' }]);
  }));

test('a request slower than the timeout fails with a timeout error after its retries', () =>
  withSandbox({ seed: seedGroups(1), latencyMs: 200 }, async (sandbox) => {
    const client = clientFor(sandbox, { timeoutMs: 30, retries: 1 });
    try {
      await client.getGroup(1);
      assert.unreachable('should time out');
    } catch (error) {
      assert.instance(error, ApiError);
      assert.match(
        (error as ApiError).message,
        /GET \/stores\/sandbox\/v2\/customer_groups\/1 failed: the request timed out/,
      );
    }
    assert.is(client.stats.requests.GET, 2);
  }));

test.run();
