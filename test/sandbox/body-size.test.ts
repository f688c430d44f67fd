// The sandbox refuses request bodies over MAX_BODY_BYTES with 413, as a real API does, whether the size
// is declared up front or only found while the body streams in; nothing of it is stored.
import { request } from 'node:http';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_BODY_BYTES } from '../../src/sandbox/server.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { callSandbox, withSandbox } from '../support/sandbox.js';

function hugeBody(): string {
  return JSON.stringify({ name: 'Huge', padding: 'x'.repeat(MAX_BODY_BYTES) });
}

/** A chunked POST with no Content-Length, so the server can only count; resolves with the status. */
function streamPost(sandbox: Sandbox, body: string): Promise<number> {
  const url = new URL(`${sandbox.apiUrl}/stores/${sandbox.storeHash}/v2/customer_groups`);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: { 'X-Auth-Token': sandbox.token, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    // The server may close before the whole body is sent: that is the point, not a failure.
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      ['EPIPE', 'ECONNRESET'].includes(error.code ?? '') ? undefined : reject(error),
    );
    for (let offset = 0; offset < body.length; offset += 64 * 1024)
      outgoing.write(body.slice(offset, offset + 64 * 1024));
    outgoing.end();
  });
}

test('a body declared over the limit is answered 413 and not stored', () =>
  withSandbox({}, async (sandbox) => {
    const answer = await callSandbox(sandbox, 'POST', '/customer_groups', hugeBody());
    assert.is(answer.status, 413);
    assert.equal(answer.body, [{ status: 413, message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` }]);
    assert.equal(sandbox.groups(), []);
  }));

test('a streamed body that grows over the limit is answered 413; a body under it still works', () =>
  withSandbox({}, async (sandbox) => {
    assert.is(await streamPost(sandbox, hugeBody()), 413);
    assert.equal(sandbox.groups(), []);
    assert.is((await callSandbox(sandbox, 'POST', '/customer_groups', { name: 'Small' })).status, 200);
    assert.equal(
      sandbox.groups().map((group) => group.name),
      ['Small'],
    );
  }));

test.run();
