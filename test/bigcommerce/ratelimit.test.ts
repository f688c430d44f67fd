import pLimit from 'p-limit';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { callSandbox, clientFor, seedGroups, seededRandom, withSandbox } from '../support/sandbox.js';

test('sequential requests under a tiny quota are paced and never see a 429', () =>
  withSandbox({ seed: seedGroups(2), quota: 10, windowMs: 150 }, async (sandbox) => {
    const client = clientFor(sandbox);
    for (let i = 0; i < 30; i++) await client.getGroup(1);
    assert.is(sandbox.counters.rateLimited, 0);
    assert.is(client.stats.rateLimited, 0);
    assert.ok(client.stats.waitedMs > 0, 'the client waited for windows to reset');
    assert.equal(client.rateLimit?.quota, 10);
  }));

test('16 concurrent calls share one pace and leave the reserve untouched', () =>
  withSandbox({ seed: seedGroups(2), quota: 40, windowMs: 150, latencyMs: 2 }, async (sandbox) => {
    const client = clientFor(sandbox, { reserveShare: 0.2 });
    const limit = pLimit(16);
    await Promise.all(Array.from({ length: 96 }, () => limit(() => client.getGroup(2))));
    assert.is(sandbox.counters.rateLimited, 0);
    assert.ok(sandbox.counters.maxInFlight > 1, 'requests really ran concurrently');
    assert.is(client.stats.requests.GET, 96);
  }));

test('a 429 from another app using the quota is waited out and retried', () =>
  withSandbox({ seed: seedGroups(1), quota: 5, windowMs: 200 }, async (sandbox) => {
    // Another app eats the whole window before our client's first request.
    for (let i = 0; i < 5; i++) await callSandbox(sandbox, 'GET', '/customer_groups/count');
    const client = clientFor(sandbox, { reserveShare: 0 });
    assert.is((await client.getGroup(1)).id, 1);
    assert.is(client.stats.rateLimited, 1);
    assert.ok(client.stats.waitedMs >= 1);
    assert.is(sandbox.log.filter((entry) => entry.status === 429).length, 1);
  }));

test('a 429 without headers is backed off with jitter and retried, a POST included', () =>
  withSandbox({ rateLimit429WithoutHeaders: 0.5, random: seededRandom(7) }, async (sandbox) => {
    const client = clientFor(sandbox);
    for (let i = 0; i < 10; i++) await client.createGroup({ name: `Group ${i}` });
    assert.ok(client.stats.rateLimited > 0, 'some 429s were drawn');
    assert.is(client.stats.rateLimited, sandbox.counters.rateLimited);
    assert.is(sandbox.groups().length, 10);
  }));

test('every sandbox answer carries the rate-limit headers the client reads', () =>
  withSandbox({ quota: 7, windowMs: 1000 }, async (sandbox) => {
    const client = clientFor(sandbox);
    await client.countGroups();
    assert.is(client.rateLimit?.left, 6);
    assert.is(client.rateLimit?.windowMs, 1000);
    assert.ok((client.rateLimit?.resetMs ?? -1) >= 0 && (client.rateLimit?.resetMs ?? 2000) <= 1000);
  }));

test.run();
