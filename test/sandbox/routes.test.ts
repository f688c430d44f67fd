import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { callSandbox, seedGroups, withSandbox } from '../support/sandbox.js';

test('the list pages by 50 by default, sorted by id, and answers 204 past the end', () =>
  withSandbox({ seed: seedGroups(60) }, async (sandbox) => {
    const first = await callSandbox(sandbox, 'GET', '/customer_groups');
    assert.is((first.body as unknown[]).length, 50);
    const second = await callSandbox(sandbox, 'GET', '/customer_groups?page=2');
    assert.equal(
      (second.body as Array<{ id: number }>).map((g) => g.id),
      Array.from({ length: 10 }, (_, i) => 51 + i),
    );
    const past = await callSandbox(sandbox, 'GET', '/customer_groups?page=3');
    assert.is(past.status, 204);
    assert.is(past.body, undefined);
  }));

test('end of list as an empty array when asked to', () =>
  withSandbox({ endOfList: 'empty' }, async (sandbox) => {
    const answer = await callSandbox(sandbox, 'GET', '/customer_groups');
    assert.is(answer.status, 200);
    assert.equal(answer.body, []);
  }));

test('a limit above 250 is 413 with details.max_limit; a bad page is 400', () =>
  withSandbox({}, async (sandbox) => {
    const tooBig = await callSandbox(sandbox, 'GET', '/customer_groups?limit=251');
    assert.is(tooBig.status, 413);
    assert.is((tooBig.body as Array<{ details: { max_limit: number } }>)[0]?.details.max_limit, 250);
    assert.is((await callSandbox(sandbox, 'GET', '/customer_groups?page=0')).status, 400);
  }));

test('filters: name, name:like, is_default, is_group_for_guests', () =>
  withSandbox(
    {
      seed: [
        { name: 'Retail', is_default: true },
        { name: 'Retail Plus' },
        { name: 'Guests', is_group_for_guests: true },
      ],
    },
    async (sandbox) => {
      const names = async (query: string) =>
        ((await callSandbox(sandbox, 'GET', `/customer_groups?${query}`)).body as Array<{ name: string }>).map(
          (g) => g.name,
        );
      assert.equal(await names('name=Retail'), ['Retail']);
      assert.equal(await names('name:like=retail'), ['Retail', 'Retail Plus']);
      assert.equal(await names('is_default=true'), ['Retail']);
      assert.equal(await names('is_group_for_guests=1'), ['Guests']);
      assert.equal(await names('is_default=false&is_group_for_guests=false'), ['Retail Plus']);
    },
  ));

test('count, get, delete, and 404 V2 arrays for unknown ids and routes', () =>
  withSandbox({ seed: seedGroups(2) }, async (sandbox) => {
    assert.equal((await callSandbox(sandbox, 'GET', '/customer_groups/count')).body, { count: 2 });
    assert.is(((await callSandbox(sandbox, 'GET', '/customer_groups/2')).body as { name: string }).name, 'Group 0002');
    assert.is((await callSandbox(sandbox, 'DELETE', '/customer_groups/2')).status, 204);
    const missing = await callSandbox(sandbox, 'GET', '/customer_groups/2');
    assert.is(missing.status, 404);
    assert.equal(missing.body, [{ status: 404, message: 'The requested resource was not found.' }]);
    assert.is((await callSandbox(sandbox, 'PUT', '/customer_groups/9', { name: 'X' })).status, 404);
    assert.is((await callSandbox(sandbox, 'GET', '/customers')).status, 404);
  }));

test('bulk delete was removed: 405 and nothing deleted', () =>
  withSandbox({ seed: seedGroups(2) }, async (sandbox) => {
    const answer = await callSandbox(sandbox, 'DELETE', '/customer_groups');
    assert.is(answer.status, 405);
    assert.is(sandbox.groups().length, 2);
  }));

test('401 without the right X-Auth-Token, and the store hash must match', async () => {
  await withSandbox({ token: 'right' }, async (sandbox) => {
    const answer = await callSandbox(sandbox, 'GET', '/customer_groups', undefined, { 'X-Auth-Token': 'wrong' });
    assert.is(answer.status, 401);
    assert.is((answer.body as Array<{ status: number }>)[0]?.status, 401);
    const otherStore = await fetch(`${sandbox.apiUrl}/stores/other/v2/customer_groups`, {
      headers: { 'X-Auth-Token': 'right' },
    });
    assert.is(otherStore.status, 404);
  });
});

test('rate-limit headers on every answer, 429 over the quota, fresh quota in the next window', () =>
  withSandbox({ quota: 3, windowMs: 100 }, async (sandbox) => {
    const lefts: string[] = [];
    for (let i = 0; i < 3; i++)
      lefts.push(
        (await callSandbox(sandbox, 'GET', '/customer_groups/count')).headers.get('x-rate-limit-requests-left') ?? '',
      );
    assert.equal(lefts, ['2', '1', '0']);
    const limited = await callSandbox(sandbox, 'GET', '/customer_groups/count');
    assert.is(limited.status, 429);
    assert.is(limited.headers.get('x-rate-limit-requests-quota'), '3');
    assert.ok(Number(limited.headers.get('x-rate-limit-time-reset-ms')) <= 100);
    assert.is(limited.headers.get('x-rate-limit-time-window-ms'), '100');
    assert.is(sandbox.counters.rateLimited, 1);
    await new Promise((done) => setTimeout(done, 110));
    assert.is((await callSandbox(sandbox, 'GET', '/customer_groups/count')).status, 200);
  }));

test('counters and the log can be reset', () =>
  withSandbox({}, async (sandbox) => {
    await callSandbox(sandbox, 'GET', '/customer_groups/count');
    assert.is(sandbox.counters.requests.GET, 1);
    assert.is(sandbox.log.length, 1);
    sandbox.resetCounters();
    assert.equal(sandbox.counters.requests, {});
    assert.is(sandbox.log.length, 0);
  }));

test.run();
