import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RawGroup } from '../../src/sandbox/index.js';
import { callSandbox, withSandbox } from '../support/sandbox.js';

const FIVE_OFF = [{ type: 'all', method: 'percent', amount: 5 }];
const TEN_OFF = [{ type: 'all', method: 'price', amount: 10 }];

test('207 on a POST with rules: the group is saved without its rules', () =>
  withSandbox({ partialRate: 1 }, async (sandbox) => {
    const answer = await callSandbox(sandbox, 'POST', '/customer_groups', { name: 'Trade', discount_rules: FIVE_OFF });
    assert.is(answer.status, 207);
    assert.equal(
      sandbox.groups().map((g) => [g.name, g.discount_rules]),
      [['Trade', []]],
    );
  }));

test('207 on a PUT with rules keeps the previous rules and the other fields are saved; a retry converges', () =>
  withSandbox({ seed: [{ name: 'Trade', discount_rules: FIVE_OFF }], partialRate: 1 }, async (sandbox) => {
    const answer = await callSandbox(sandbox, 'PUT', '/customer_groups/1', {
      name: 'Trade 2',
      discount_rules: TEN_OFF,
    });
    assert.is(answer.status, 207);
    const [kept] = sandbox.groups();
    assert.is(kept?.name, 'Trade 2');
    assert.equal(kept?.discount_rules, [{ type: 'all', method: 'percent', amount: '5.0000' }]);
    sandbox.setOptions({ partialRate: 0 });
    const retried = await callSandbox(sandbox, 'PUT', '/customer_groups/1', {
      name: 'Trade 2',
      discount_rules: TEN_OFF,
    });
    assert.is(retried.status, 200);
    assert.equal((retried.body as RawGroup).discount_rules, [{ type: 'all', method: 'price', amount: '10.0000' }]);
  }));

test('writes without discount_rules are never answered 207', () =>
  withSandbox({ seed: [{ name: 'Trade' }], partialRate: 1 }, async (sandbox) => {
    assert.is((await callSandbox(sandbox, 'POST', '/customer_groups', { name: 'Plain' })).status, 200);
    assert.is((await callSandbox(sandbox, 'PUT', '/customer_groups/1', { name: 'Renamed' })).status, 200);
    assert.is(sandbox.counters.faults, 0);
  }));

test('a refused write with rules stays refused, not 207', () =>
  withSandbox({ partialRate: 1 }, async (sandbox) => {
    const answer = await callSandbox(sandbox, 'POST', '/customer_groups', {
      name: 'Bad',
      discount_rules: [{ type: 'all', method: 'percent' }],
    });
    assert.is(answer.status, 422);
    assert.is(sandbox.groups().length, 0);
  }));

test('a 429 over the quota carries X-Retry-After: the reset in whole seconds, rounded up', () =>
  withSandbox({ quota: 1, windowMs: 2_500 }, async (sandbox) => {
    const first = await callSandbox(sandbox, 'GET', '/customer_groups/count');
    assert.is(first.headers.get('x-retry-after'), null, 'only a 429 says when to retry');
    const limited = await callSandbox(sandbox, 'GET', '/customer_groups/count');
    assert.is(limited.status, 429);
    const resetMs = Number(limited.headers.get('x-rate-limit-time-reset-ms'));
    assert.is(limited.headers.get('x-retry-after'), String(Math.ceil(resetMs / 1000)));
    assert.ok(Number(limited.headers.get('x-retry-after')) >= 1);
  }));

test.run();
