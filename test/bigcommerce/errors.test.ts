import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createNetworkError } from '../../src/bigcommerce/errors.js';
import { createClient } from '../../src/bigcommerce/index.js';
import { readApiMessage, showServerText } from '../../src/bigcommerce/errors.js';
import { ApiError } from '../../src/errors.js';
import { createProbeClient } from '../support/probe.js';
import { clientFor, withSandbox } from '../support/sandbox.js';

async function catchApiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

test('readApiMessage reads V2 arrays, V3 objects, plain objects and text', () => {
  assert.is(
    readApiMessage('[{"status":404,"message":"The requested resource was not found."}]'),
    'The requested resource was not found.',
  );
  assert.is(
    readApiMessage('[{"status":413,"message":"Too big","details":{"max_limit":250}}]'),
    'Too big (max_limit: 250)',
  );
  assert.is(
    readApiMessage('{"status":422,"title":"Invalid","type":"x","errors":{"name":"is taken"}}'),
    'Invalid (name: is taken)',
  );
  assert.is(readApiMessage('[{"message":"a"},{"message":"b"}]'), 'a; b');
  assert.is(readApiMessage('<html>Bad gateway</html>'), '<html>Bad gateway</html>');
  assert.is(readApiMessage(''), undefined);
});

test('401 names the method, the path, the status and says the token was refused', () =>
  withSandbox({}, async (sandbox) => {
    const error = await catchApiError(clientFor(sandbox, { token: 'not-the-token' }).listGroups());
    assert.is(error.status, 401);
    assert.is(error.method, 'GET');
    assert.is(error.path, '/stores/sandbox/v2/customer_groups?page=1&limit=250');
    assert.is(
      error.message,
      'GET /stores/sandbox/v2/customer_groups?page=1&limit=250 failed with 401: ' +
        'You are not authorized to access this resource. ' +
        'The access token was refused (wrong or revoked): check the access token (BIGCOMMERCE_ACCESS_TOKEN ' +
        'by default), the variable named by accessTokenEnv.',
    );
    assert.not.match(error.message, '.;');
    assert.not.match(error.message, 'scope');
  }));

test('a 404 on the list or the count hints at the store hash; a 404 on one group does not', () =>
  withSandbox({ seed: [{ name: 'Retail' }] }, async (sandbox) => {
    const wrongStore = clientFor(sandbox, { storeHash: 'not-my-store' });
    const list = await catchApiError(wrongStore.listGroups());
    assert.is(list.status, 404);
    assert.match(
      list.message,
      new RegExp(
        'customer_groups\\?page=1&limit=250 failed with 404: The requested resource was not found\\. The store was ' +
          'not found: check the store hash \\(BIGCOMMERCE_STORE_HASH, storeHash or --store-hash\\)',
      ),
    );
    assert.match((await catchApiError(wrongStore.countGroups())).message, 'check the store hash');
    const oneGroup = await catchApiError(clientFor(sandbox).getGroup(99));
    assert.is(oneGroup.status, 404);
    assert.is(
      oneGroup.message,
      'GET /stores/sandbox/v2/customer_groups/99 failed with 404: The requested resource was not found.',
    );
  }));

test('an unreachable API names its host and never the token', async () => {
  const closed = createServer();
  await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
  const host = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((done) => closed.close(done));
  const error = await catchApiError(
    createClient({ apiUrl: `http://${host}`, storeHash: 'sandbox', token: 'tok-closed', retries: 0 }).listGroups(),
  );
  assert.is(
    error.message,
    `GET /stores/sandbox/v2/customer_groups?page=1&limit=250 failed: network error (ECONNREFUSED ${host})`,
  );
  assert.not.match(error.message, 'tok-closed');
});

test('a DNS failure names the host it could not resolve', () => {
  const failure = new TypeError('fetch failed', {
    cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.bigcommerce.com'), { code: 'ENOTFOUND' }),
  });
  const error = createNetworkError(
    'GET',
    '/stores/sandbox/v2/customer_groups?page=1&limit=250',
    failure,
    'tok-dns',
    'api.bigcommerce.com',
  );
  assert.is(
    error.message,
    'GET /stores/sandbox/v2/customer_groups?page=1&limit=250 failed: network error (ENOTFOUND api.bigcommerce.com)',
  );
  const echoed = createNetworkError(
    'GET',
    '/x',
    new TypeError('fetch failed', { cause: new Error('bad header tok-dns') }),
    'tok-dns',
    'api.bigcommerce.com',
  );
  assert.is(echoed.message, 'GET /x failed: network error reaching api.bigcommerce.com (bad header [redacted])');
});

test('404, 409 and 422 carry the API message of the V2 array', () =>
  withSandbox({ seed: [{ name: 'Retail' }] }, async (sandbox) => {
    const client = clientFor(sandbox);
    const missing = await catchApiError(client.getGroup(99));
    assert.is(missing.status, 404);
    assert.is(missing.apiMessage, 'The requested resource was not found.');
    const duplicate = await catchApiError(client.createGroup({ name: 'Retail' }));
    assert.is(duplicate.status, 409);
    assert.match(duplicate.message, /POST \/stores\/sandbox\/v2\/customer_groups failed with 409: .*already exists/);
    const badRules = await catchApiError(
      client.updateGroup(1, {
        discount_rules: [
          { type: 'price_list', price_list_id: 1 },
          { type: 'all', method: 'percent', amount: '5.0000' },
        ],
      }),
    );
    assert.is(badRules.status, 422);
    assert.match(badRules.apiMessage ?? '', /price_list/);
    assert.is(sandbox.counters.nonConforming, 0, 'the bodies were well-formed; only the combination is refused');
  }));

/** A real local server that answers every request with the given body, for answers the sandbox never gives. */
async function withOddServer(status: number, body: string, use: (apiUrl: string) => Promise<void>) {
  const server = createServer((_request, response) =>
    response.writeHead(status, { 'Content-Type': 'application/json' }).end(body),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
}

const BAD_ANSWERS: Array<[string, string, RegExp]> = [
  ['not JSON', 'oops', /not JSON/],
  ['an object instead of a list', '{"id":1}', /expected a JSON array/],
  [
    'a wrong amount',
    '[{"id":1,"name":"A","discount_rules":[{"type":"all","method":"percent","amount":"five"}]}]',
    /\[0\]\.discount_rules\[0\]\.amount is "five"/,
  ],
  ['a wrong id', '[{"id":"x1","name":"A"}]', /\[0\]\.id is "x1", expected a positive integer id/],
  ['a zero id', '[{"id":0,"name":"A"}]', /\[0\]\.id is 0, expected a positive integer id/],
  ['a negative id', '[{"id":-3,"name":"A"}]', /\[0\]\.id is -3, expected a positive integer id/],
  [
    'an id past the safe integers',
    '[{"id":9007199254740993,"name":"A"}]',
    /\[0\]\.id is "9007199254740993", expected a positive integer id/,
  ],
  [
    'a zero category id',
    '[{"id":1,"name":"A","category_access":{"type":"specific","categories":[0]}}]',
    /\[0\]\.category_access\.categories\[0\] is 0/,
  ],
  [
    'a zero product id',
    '[{"id":1,"name":"A","discount_rules":[{"type":"product","method":"percent","amount":1,"product_id":"0"}]}]',
    /product_id is "0", expected a positive integer id/,
  ],
  ['a wrong flag', '[{"id":1,"name":"A","is_default":"yes"}]', /\[0\]\.is_default is "yes"/],
  [
    'an unknown access type',
    '[{"id":1,"name":"A","category_access":{"type":"some"}}]',
    /category_access\.type is "some"/,
  ],
];

for (const [what, body, pattern] of BAD_ANSWERS) {
  test(`an answer with ${what} is refused with a clear ApiError`, () =>
    withOddServer(200, body, async (apiUrl) => {
      const error = await catchApiError(createClient({ apiUrl, storeHash: 's', token: 'tok-odd' }).listGroups());
      assert.is(error.status, 200);
      assert.match(
        error.message,
        /GET \/stores\/s\/v2\/customer_groups\?page=1&limit=250 answered 200 with an unexpected body/,
      );
      assert.match(error.message, pattern);
    }));
}

test('a V3 error object from the server is shown', () =>
  withOddServer(403, '{"status":403,"title":"Missing scope","type":"about:blank","errors":{}}', async (apiUrl) => {
    const error = await catchApiError(createProbeClient({ apiUrl, storeHash: 's', token: 'tok-odd' }).countGroups());
    assert.is(error.status, 403);
    assert.match(
      error.message,
      'failed with 403: Missing scope. The API account lacks an OAuth scope: ' +
        'give it store_v2_customers (modify); read-only commands need at least store_v2_customers_read_only.',
    );
    assert.not.match(error.message, 'token was refused');
  }));

test("a server's text quoting a customer's email shows no email", () => {
  const shown = showServerText('Customer jane.doe+vip@shop.example (id 12) is not in group 4', 'token-abc-123-xyz');
  assert.is(shown, 'Customer [email] (id 12) is not in group 4');
});

test.run();
