// A token that cannot be sent as a header is a token problem, said at once and before any request,
// naming the variable it came from and never echoing it; not four retries ending in "network error".
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';
import { ConfigError } from '../../src/errors.js';
import { openProject, RETAIL } from '../support/cli.js';
import { answerJson, catchError, withLocalServer } from '../support/local-server.js';

const MALFORMED: Record<string, [string, RegExp]> = {
  'an inner newline': ['tokAAAA1111\nBBBB2222', /line break/],
  'an inner carriage return': ['tokAAAA1111\rBBBB2222', /line break/],
  'an inner space': ['tokAAAA1111 BBBB2222', /space/],
  'a tab': ['tokAAAA1111\tBBBB2222', /control character/],
  'a NUL': ['tokAAAA1111\0BBBB2222', /control character/],
  'a line separator': ['tokAAAA1111\u2028BBBB2222', /line break/],
  'a character outside Latin-1': ['tokAAAA1111\u0100BBBB2222', /outside printable ASCII \(U\+0100\)/],
  'an emoji': ['tokAAAA1111\u{1F511}BBBB2222', /outside printable ASCII/],
  'a Latin-1 letter': ['tokAAAA1111\u00e9BBBB2222', /outside printable ASCII/],
  'only spaces': ['   \n ', /empty/],
  nothing: ['', /empty/],
};

for (const [what, [token, reason]] of Object.entries(MALFORMED)) {
  test(`a token with ${what} is refused when the client is created, naming the variable`, () =>
    withLocalServer(
      (_request, response) => answerJson(response, 200, []),
      async (server) => {
        const error = await catchError(
          (async () =>
            createClient({ apiUrl: server.origin, storeHash: 'abc', token, tokenEnv: 'SHOP_TOKEN' }).listGroups())(),
        );
        assert.instance(error, ConfigError, String(error));
        const { message } = error as ConfigError;
        assert.match(message, 'SHOP_TOKEN');
        assert.match(message, reason);
        assert.not.match(message, 'AAAA1111');
        assert.not.match(message, 'BBBB2222');
        assert.equal(server.requests, []);
      },
    ));
}

test('surrounding whitespace (a trailing newline from a file) is trimmed, not refused', () =>
  withLocalServer(
    (request, response) => answerJson(response, request.headers['x-auth-token'] === 'tokAAAA1111' ? 200 : 401, []),
    async (server) => {
      assert.equal(
        await createClient({ apiUrl: server.origin, storeHash: 'abc', token: '  tokAAAA1111\n' }).listGroups(),
        [],
      );
    },
  ));

test('plan with a token holding a line break exits 1 naming the variable, with no request', async () => {
  const project = await openProject({ 'retail.yaml': RETAIL });
  try {
    project.env.BIGCOMMERCE_ACCESS_TOKEN = `${project.sandbox.token}\nsecond-line-XYZ`;
    const { code, out, err } = await project.run('plan');
    assert.is(code, 1);
    assert.match(err, /BIGCOMMERCE_ACCESS_TOKEN.*line break/);
    assert.not.match(out + err, 'second-line-XYZ');
    assert.not.match(out + err, /network error|Unexpected/);
    assert.is(project.sandbox.log.length, 0);
  } finally {
    await project.close();
  }
});

test.run();
