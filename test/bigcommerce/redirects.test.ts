// A redirect is never followed: following it would send the token (and a write's body) to whatever
// origin the server names. Each 3xx is an error naming the status and the origin, not the URL's query.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';
import { ApiError } from '../../src/errors.js';
import { answerJson, catchError, wireGroup, withLocalServer, type LocalServer } from '../support/local-server.js';

const TOKEN = 'tok-redirect-9f8e7d6c5b4a';

/** The elsewhere server: answers like the API would, so a followed redirect succeeds. */
function withElsewhere<T>(use: (elsewhere: LocalServer) => Promise<T>): Promise<T> {
  return withLocalServer(
    (request, response) =>
      answerJson(
        response,
        request.method === 'POST' ? 201 : 200,
        request.method === 'GET' ? [wireGroup(1)] : wireGroup(1),
      ),
    use,
  );
}

for (const status of [301, 302, 303, 307, 308]) {
  test(`a ${status} is an error naming the status and the target origin; the target is never contacted`, () =>
    withElsewhere((elsewhere) =>
      withLocalServer(
        (_request, response) =>
          response
            .writeHead(status, {
              Location: `${elsewhere.origin}/stores/abc/v2/customer_groups?sig=QUERY-SECRET&t=${TOKEN}`,
            })
            .end(),
        async (api) => {
          const client = createClient({ apiUrl: api.origin, storeHash: 'abc', token: TOKEN, retryBaseMs: 1 });
          const calls: Array<[string, () => Promise<unknown>]> = [
            ['GET', () => client.listGroups()],
            ['PUT', () => client.updateGroup(1, { name: 'Retail' })],
            ['POST', () => client.createGroup({ name: 'Retail' })],
            ['DELETE', () => client.deleteGroup(1)],
          ];
          for (const [method, call] of calls) {
            const error = await catchError(call());
            assert.instance(error, ApiError, `${method}: ${String(error)}`);
            const { message } = error as ApiError;
            assert.is((error as ApiError).status, status);
            assert.match(message, `${method} /stores/abc/v2/customer_groups`);
            assert.match(message, `answered ${status}, a redirect to ${elsewhere.origin}`);
            assert.not.match(message, 'QUERY-SECRET');
            assert.not.match(message, TOKEN);
          }
          assert.equal(elsewhere.requests, [], 'the redirect target was contacted');
          assert.is(api.requests.length, 4, 'one request per call: a redirect is not retried');
        },
      ),
    ));
}

/** By group id: another scheme and host, the same origin, and no Location at all. */
const LOCATIONS: Record<number, string | undefined> = {
  1: 'https://evil.example:8443/steal?x=1',
  2: '/elsewhere?x=1',
  3: undefined,
};

test('a redirect to another scheme, a relative one and one without a location are refused too', () =>
  withLocalServer(
    (_request, response, url) => {
      const location = LOCATIONS[Number(url.pathname.split('/').at(-1))];
      response.writeHead(302, location ? { Location: location } : {}).end();
    },
    async (api) => {
      const client = createClient({ apiUrl: api.origin, storeHash: 'abc', token: TOKEN });
      const messages = await Promise.all([1, 2, 3].map(async (id) => String(await catchError(client.deleteGroup(id)))));
      assert.match(messages[0] ?? '', 'a redirect to https://evil.example:8443;');
      assert.match(messages[1] ?? '', `a redirect to ${api.origin};`);
      assert.match(messages[2] ?? '', 'a redirect without a location;');
      for (const message of messages) assert.match(message, `bcgroups never follows redirects`);
    },
  ));

test.run();
