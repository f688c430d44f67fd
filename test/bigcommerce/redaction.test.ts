// The token is redacted before any server text is cut, so a cut through it cannot leak a part; server
// text is bounded however long it is; and the token is found in the forms a server may echo it in.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';
import { ApiError } from '../../src/errors.js';
import { answerJson, catchError, wireGroup, withLocalServer } from '../support/local-server.js';

const TOKEN = 'Tok5ecretXYZ0123456789abcdef';
/** Longer than any message needs to be, shorter than a page of server text. */
const MAX_MESSAGE = 1200;

/** Every run of 6 characters of the token that shows up in `text`. */
function leakedParts(text: string, token: string): string[] {
  const parts = new Set<string>();
  for (let start = 0; start + 6 <= token.length; start++) {
    const part = token.slice(start, start + 6);
    if (text.toLowerCase().includes(part.toLowerCase())) parts.add(part);
  }
  return [...parts];
}

/** What the client throws when every request of `call` gets `status` with `body`. */
function failureOf(
  status: number,
  body: string,
  headers: Record<string, string> = {},
  token = TOKEN,
): Promise<ApiError> {
  return withLocalServer(
    (_request, response) => answerJson(response, status, body, headers),
    async (server) => {
      const client = createClient({ apiUrl: server.origin, storeHash: 'abc', token, retries: 0 });
      const error = await catchError(client.listGroups());
      assert.instance(error, ApiError, String(error));
      return error as ApiError;
    },
  );
}

function assertClean(error: ApiError, token = TOKEN): void {
  const shown = [error.message, error.apiMessage ?? '', JSON.stringify({ ...error })].join('\n');
  assert.equal(leakedParts(shown, token), [], shown.slice(0, 400));
  assert.ok(error.message.length <= MAX_MESSAGE, `message of ${error.message.length} characters`);
}

// For each place the client quotes server text, the token straddles where a cut would fall.
const STRADDLING = [60, 70, 75, 80, 290, 295, 300, 495, 500].map((at) =>
  `${'x'.repeat(at - 5)}${TOKEN} and more text`.padEnd(4000, '.'),
);

test('a token echoed in an error body is redacted before the text is cut, as text and as JSON', async () => {
  for (const text of STRADDLING) {
    assertClean(await failureOf(500, text));
    assertClean(await failureOf(422, JSON.stringify([{ status: 422, message: text }])));
    assertClean(await failureOf(422, JSON.stringify({ title: text, errors: { name: text } })));
  }
});

test('a token in an answer that is not JSON or has wrong types is redacted before the problem is quoted', async () => {
  for (const text of STRADDLING) {
    assertClean(await failureOf(200, text));
    assertClean(await failureOf(200, JSON.stringify([{ ...wireGroup(1), is_default: text.slice(0, 80) }])));
  }
});

test('a multi-megabyte message from the server is cut to a bounded length', async () => {
  const huge = 'A'.repeat(3_000_000);
  for (const body of [
    huge,
    JSON.stringify([{ status: 422, message: huge }]),
    JSON.stringify({ title: 'Invalid', errors: { name: huge } }),
  ]) {
    const error = await failureOf(422, body);
    assertClean(error);
    assert.match(error.message, /more characters/);
  }
});

test('the token is found JSON-escaped, URL-encoded and in another case', async () => {
  const escaped = [...TOKEN].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  assertClean(await failureOf(422, `[{"status":422,"message":"bad ${escaped}"}]`));
  assertClean(await failureOf(500, `saw ${TOKEN.toUpperCase()} and ${TOKEN.toLowerCase()}`));
  const oddToken = 'tok/5ecret+XYZ=0123456789"q';
  const encoded = `${encodeURIComponent(oddToken)} ${JSON.stringify(oddToken)}`;
  assertClean(await failureOf(500, `echo ${encoded}`, {}, oddToken), oddToken);
  assertClean(await failureOf(422, JSON.stringify([{ message: `echo ${oddToken}` }]), {}, oddToken), oddToken);
});

/** The token as a server may echo it encoded; each with the runs of it that must not be shown. */
function encodedForms(token: string): [string, string][] {
  const bytes = Buffer.from(token);
  const basic = Buffer.from(`user:${token}`).toString('base64');
  return [
    ['base64', bytes.toString('base64')],
    ['base64 without padding', bytes.toString('base64').replace(/=+$/, '')],
    ['base64url', bytes.toString('base64url')],
    ['hex', bytes.toString('hex')],
    ['HEX', bytes.toString('hex').toUpperCase()],
    ['URL-encoded twice', encodeURIComponent(encodeURIComponent(token))],
    // Basic auth: the token's bytes start at another offset of base64's 3-byte groups.
    ['base64 of user:token', basic],
  ];
}

/** Every run of 12 characters of `form` (about 9 bytes of the token) that shows up in `text`. */
function leakedRuns(text: string, form: string): string[] {
  const runs = new Set<string>();
  for (let start = 8; start + 12 <= form.length - 4; start++) {
    const run = form.slice(start, start + 12);
    if (text.includes(run)) runs.add(run);
  }
  return [...runs];
}

test('the token is found in base64, base64url, hex and URL-encoded forms, whole and cut through', async () => {
  for (const token of [TOKEN, 'tok/5ecret+XYZ=0123456789"q']) {
    for (const [name, form] of encodedForms(token)) {
      for (const at of [0, 70, 295, 500]) {
        const text = `${'x'.repeat(Math.max(0, at - 5))}${form} and more text`.padEnd(2000, '.');
        for (const error of [
          await failureOf(500, text, {}, token),
          await failureOf(422, JSON.stringify([{ status: 422, message: text }]), {}, token),
        ]) {
          const shown = [error.message, error.apiMessage ?? '', JSON.stringify({ ...error })].join('\n');
          assert.equal(leakedRuns(shown, form), [], `${name} at ${at}: ${shown.slice(0, 300)}`);
        }
      }
    }
  }
});

test('a token in a redirect target (whose host is lowercased) is redacted', async () => {
  assertClean(await failureOf(302, '', { Location: `http://${TOKEN}.example/x` }));
});

test('a group name that carries the token reaches no plan: it is redacted at the boundary', () =>
  withLocalServer(
    (_request, response) => answerJson(response, 200, [wireGroup(1, `Retail ${TOKEN}`)]),
    async (server) => {
      const groups = await createClient({ apiUrl: server.origin, storeHash: 'abc', token: TOKEN }).listGroups();
      assert.is(groups[0]?.name, 'Retail [redacted]');
    },
  ));

test.run();
