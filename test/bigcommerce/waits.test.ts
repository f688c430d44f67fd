// No wait is longer than request.maxWaitMs: a 429 asking for more, or rate-limit headers whose window
// ends later than that, fail at once naming the status, the wait asked for and the cap. Header values
// that are negative, not numbers or huge never make a timer overflow (Node fires those at once, in a loop).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient, type ClientOptions } from '../../src/bigcommerce/index.js';
import { DEFAULT_CONFIG } from '../../src/config/index.js';
import { ApiError } from '../../src/errors.js';
import { answerJson, withLocalServer } from '../support/local-server.js';

/** Ends any run that is still waiting by then: a bound on a hang, far above what the cases take. */
const HANG_MS = 20_000;

/** The value or the error of `promise`, or an error of its own when it is still waiting after HANG_MS. */
function settleOrHang(promise: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise(
    (resolve) => (timer = setTimeout(() => resolve(new Error('still waiting: the client hangs')), HANG_MS)),
  );
  const settled = promise.then(
    (value) => value,
    (error: unknown) => error,
  );
  return Promise.race([settled, hang]).finally(() => clearTimeout(timer));
}

/**
 * Answers with `status` and `headers`; when the client lists more than once (`lists`), only the first
 * answer has `status` and later ones are 200 with an empty list (and the same headers).
 */
function run(status: number, headers: Record<string, string>, options: Partial<ClientOptions> = {}, lists = 1) {
  let first = true;
  return withLocalServer(
    (_request, response) => {
      const answer = first || lists === 1 ? status : 200;
      first = false;
      answerJson(response, answer, answer < 300 ? [] : [{ status, message: 'Slow down' }], headers);
    },
    async (server) => {
      const client = createClient({
        apiUrl: server.origin,
        storeHash: 'abc',
        token: 'tok-waits-0123456789',
        retryBaseMs: 1,
        ...options,
      });
      const listAll = async () => {
        let groups: unknown;
        for (let count = 0; count < lists; count++) groups = await client.listGroups();
        return groups;
      };
      return { outcome: await settleOrHang(listAll()), requests: server.requests.length };
    },
  );
}

test('request.maxWaitMs defaults to 60 seconds', () => {
  assert.is(DEFAULT_CONFIG.request.maxWaitMs, 60_000);
});

test('a 429 asking to wait longer than the cap fails at once with the status, the wait and the cap', async () => {
  for (const [headers, asked] of [
    [{ 'X-Retry-After': '999999' }, '999999 s'],
    [{ 'X-Retry-After': '86400' }, '86400 s'],
    [{ 'X-Rate-Limit-Time-Reset-Ms': String(2 ** 31 + 5) }, '2147483653 ms'],
    [{ 'X-Retry-After': '1e20' }, 's'],
  ] as const) {
    const { outcome, requests } = await run(429, headers);
    assert.instance(outcome, ApiError, String(outcome));
    const message = String(outcome);
    assert.match(message, 'answered 429 asking to wait');
    assert.match(message, asked);
    assert.match(message, 'more than request.maxWaitMs (60000 ms)');
    assert.is((outcome as ApiError).status, 429);
    assert.is(requests, 1, 'not retried');
  }
});

const CAP_CONFIG_VALUE_429 =
  'the cap is the config value: a 429 asking 2 s against a 1 s cap fails, against a 5 s cap it is waited out';
test(CAP_CONFIG_VALUE_429, async () => {
  const refused = await run(429, { 'X-Retry-After': '2' }, { maxWaitMs: 1000 });
  assert.match(String(refused.outcome), 'more than request.maxWaitMs (1000 ms)');
  const waited = await run(429, { 'X-Rate-Limit-Time-Reset-Ms': '20' }, { maxWaitMs: 5000 }, 2);
  assert.not.instance(waited.outcome, Error, String(waited.outcome));
});

test('negative, empty, non-numeric and infinite reset headers fall back to backoff, never a broken timer', async () => {
  for (const value of ['-5', '', 'soon', 'Infinity', 'NaN', '-1e30']) {
    const { outcome, requests } = await run(
      429,
      { 'X-Retry-After': value, 'X-Rate-Limit-Time-Reset-Ms': value },
      { retries: 0 },
    );
    assert.instance(outcome, ApiError, `${value}: ${String(outcome)}`);
    assert.match(String(outcome), 'failed with 429', value);
    assert.is(requests, 11, `${value}: the rate-limited limit of 10 retries, then the failure`);
  }
});

test('rate-limit headers whose window ends days ahead fail the next request instead of pacing for days', async () => {
  const headers = {
    'X-Rate-Limit-Requests-Left': '0',
    'X-Rate-Limit-Requests-Quota': '100',
    'X-Rate-Limit-Time-Reset-Ms': String(3 * 86_400_000),
    'X-Rate-Limit-Time-Window-Ms': '30000',
  };
  const { outcome, requests } = await run(200, headers, {}, 2);
  assert.instance(outcome, ApiError, String(outcome));
  assert.match(
    String(outcome),
    /not sent: the rate-limit headers say the quota resets in \d+ ms, more than request\.maxWaitMs \(60000 ms\)/,
  );
  assert.is(requests, 1);
});

test('a quota of 0 with nothing in flight does not poll forever: one request is sent to learn the window', async () => {
  const headers = {
    'X-Rate-Limit-Requests-Left': '0',
    'X-Rate-Limit-Requests-Quota': '0',
    'X-Rate-Limit-Time-Reset-Ms': '5',
    'X-Rate-Limit-Time-Window-Ms': '5',
  };
  const { outcome, requests } = await run(200, headers, {}, 2);
  assert.not.instance(outcome, Error, String(outcome));
  assert.is(requests, 2);
});

test.run();
