// Answers the spec allows or the API is known to give, read as they are meant (issue 18, item 11): a delete
// of what is already gone, a count whose total disagrees with its data, amounts that only look numeric,
// and ids past the safe integers, quoted as the server sent them.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';
import { parseGroupList, parseJson } from '../../src/bigcommerce/parse.js';
import { ApiError } from '../../src/errors.js';
import { answerJson, catchError, withLocalServer, wireGroup } from '../support/local-server.js';
import { clientFor, seedGroups, withSandbox } from '../support/sandbox.js';

test('a DELETE answered 404 on its first attempt is done: the group is already gone', () =>
  withSandbox({ seed: seedGroups(2) }, async (sandbox) => {
    const client = clientFor(sandbox);
    await client.deleteGroup(2);
    await client.deleteGroup(2);
    assert.equal(
      sandbox.log.map((entry) => entry.status),
      [204, 404],
    );
  }));

test('a 404 on anything but a DELETE is still a failure', () =>
  withSandbox({ seed: seedGroups(1) }, async (sandbox) => {
    const error = await catchError(clientFor(sandbox).updateGroup(9, { name: 'X' }));
    assert.instance(error, ApiError);
    assert.is((error as ApiError).status, 404);
  }));

test('a customer count trusts the data over a total of 0', () =>
  withLocalServer(
    (_request, response) =>
      answerJson(response, 200, {
        data: [{ id: 7, customer_group_id: 1 }],
        meta: { pagination: { total: 0, count: 1, per_page: 1, current_page: 1, total_pages: 0 } },
      }),
    async (server) => {
      const client = createClient({ apiUrl: server.origin, storeHash: 'abc', token: 'token', retryBaseMs: 1 });
      const { value } = await client.store.countCustomers([1]);
      assert.is(value.get(1), 1);
    },
  ));

test('amounts are decimal numbers only: hex, exponents, blanks and Infinity are refused', () => {
  const rule = (amount: string) =>
    JSON.stringify([{ ...wireGroup(1), discount_rules: [{ type: 'all', method: 'percent', amount }] }]);
  const amountOf = (text: string) => parseGroupList(parseJson(rule(text)))[0]?.discount_rules[0];
  assert.equal(amountOf('5.0000'), { type: 'all', method: 'percent', amount: 5 });
  assert.equal(amountOf('12'), { type: 'all', method: 'percent', amount: 12 });
  for (const amount of ['0x10', '0b11', '0o7', '1e2', ' 5 ', 'Infinity', '5.', '.5', '+5', '-5']) {
    assert.throws(() => parseGroupList(parseJson(rule(amount))), /expected a decimal number/, amount);
  }
});

test('an id past the safe integers is quoted as received, never after JSON rounded it', () => {
  for (const [text, shown] of [
    ['[{"id":9007199254740993,"name":"A"}]', '9007199254740993'],
    ['[{"id":123456789012345678901234567890,"name":"A"}]', '123456789012345678901234567890'],
    ['[{"id":-9007199254740993,"name":"A"}]', '-9007199254740993'],
  ] as const) {
    const error = catchSync(() => parseGroupList(parseJson(text)));
    assert.match(String(error), new RegExp(`\\[0\\]\\.id is "${shown}", expected a positive integer id`));
  }
  // Inside strings, and as fractions or exponents, digits stay as they were.
  assert.equal(parseJson('{"a":"9007199254740993","b":0.90071992547409931,"c":1e400,"d":[12345678901234567.5]}'), {
    a: '9007199254740993',
    b: JSON.parse('0.90071992547409931'),
    c: Number.POSITIVE_INFINITY,
    d: [JSON.parse('12345678901234567.5')],
  });
  assert.equal(parseJson('{"s":"\\"9007199254740993"}'), { s: '"9007199254740993' });
});

function catchSync(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

test.run();
