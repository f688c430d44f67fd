// Answers no real API gives, written byte by byte: each ends as an ApiError with a clear message, never
// a stack trace, a hang or an unexpected error.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';
import { ApiError } from '../../src/errors.js';
import { catchError } from '../support/local-server.js';

const GROUP = JSON.stringify({
  id: 1,
  name: 'Retail',
  is_default: false,
  is_group_for_guests: false,
  category_access: { type: 'all' },
  discount_rules: [],
});

/** A response of the status line, headers and body as given, then the socket closed. */
function http(status: string, headers: string[], body = ''): string {
  return [`HTTP/1.1 ${status}`, ...headers, 'Connection: close', '', body].join('\r\n');
}

const deep = (levels: number, inner: string) => `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;

const CASES: Record<string, { raw: string; message: RegExp }> = {
  '204 where a group is expected': {
    raw: http('204 No Content', []),
    message: /answered 204 with an unexpected body: the body is empty, expected JSON/,
  },
  'a body that is not JSON': {
    raw: http('200 OK', ['Content-Type: application/json', 'Content-Length: 16'], '<html>oops</html'),
    message: /answered 200 with an unexpected body: the body is not JSON: "<html>oops<\/html"/,
  },
  'JSON null': {
    raw: http('200 OK', ['Content-Length: 4'], 'null'),
    message: /unexpected body: group is null, expected an object/,
  },
  'a Content-Length longer than the body': {
    raw: http('200 OK', ['Content-Length: 5000'], GROUP),
    message: /failed: network error: the answer was shorter or longer than its Content-Length/,
  },
  'a Content-Length shorter than the body': {
    raw: http('200 OK', ['Content-Length: 20'], GROUP),
    message: /unexpected body: the body is not JSON/,
  },
  'only a 100 Continue, then a closed socket': {
    raw: 'HTTP/1.1 100 Continue\r\n\r\n',
    message: /failed: network error: the connection closed before the answer was complete/,
  },
  'a 103 Early Hints, then no final answer': {
    raw: 'HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n',
    message: /failed: network error: the connection closed before the answer was complete/,
  },
  'a status line that is not HTTP': {
    raw: 'hello there\r\n\r\n',
    message: /failed: network error: the answer is not valid HTTP \(HPE_/,
  },
  'broken chunked encoding': {
    raw: http('200 OK', ['Transfer-Encoding: chunked'], 'zz\r\nnot a chunk\r\n'),
    message: /failed: network error: the answer is not valid HTTP \(HPE_/,
  },
  'JSON nested a million deep': {
    raw: http('200 OK', [], deep(1_000_000, '')),
    message: /unexpected body: the body is nested deeper than 64 levels/,
  },
  'an error body nested a million deep': {
    raw: http('422 Unprocessable Entity', [], `{"title":"Invalid","errors":{"name":${deep(1_000_000, '')}}}`),
    message: /failed with 422: \{"title":"Invalid","errors":\{"name":\[\[\[.*more characters/,
  },
  'deep JSON with an escape in it': {
    raw: http('200 OK', [], deep(200_000, '"a\\nb"')),
    message: /unexpected body: the body is nested deeper than 64 levels/,
  },
};

/** A TCP server that writes `raw` to every connection once the request has arrived. */
async function withRawServer<T>(
  raw: string,
  use: (origin: string, connections: () => number) => Promise<T>,
): Promise<T> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end(raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, () => connections);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}

for (const [what, { raw, message }] of Object.entries(CASES)) {
  test(`${what}: an ApiError with a clear message`, () =>
    withRawServer(raw, async (origin) => {
      const client = createClient({
        apiUrl: origin,
        storeHash: 'abc',
        token: 'tok-hostile-0123456789',
        retries: 1,
        retryBaseMs: 1,
      });
      const error = await catchError(client.updateGroup(1, { name: 'Retail' }));
      assert.instance(error, ApiError, String(error));
      assert.match((error as ApiError).message, /^PUT \/stores\/abc\/v2\/customer_groups\/1 /);
      assert.match((error as ApiError).message, message);
      assert.not.match((error as ApiError).message, /\n\s+at /);
      assert.ok((error as ApiError).message.length < 1200);
    }));
}

test('a 103 Early Hints before the real answer is passed over', () =>
  withRawServer(
    `HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n${http('200 OK', [`Content-Length: ${GROUP.length}`], GROUP)}`,
    async (origin) => {
      const client = createClient({ apiUrl: origin, storeHash: 'abc', token: 'tok-hostile-0123456789' });
      assert.is((await client.updateGroup(1, { name: 'Retail' })).name, 'Retail');
    },
  ));

test.run();
