// The sandbox under abuse (issue 18, item 22): its log stays bounded, strangers cannot spend the store's
// quota, and a URL that cannot be read is the client's fault (400), never the server's (500).
import { connect } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_LOG_ENTRIES, MAX_LOGGED_BODY_CHARS, recordRequest } from '../../src/sandbox/request-log.js';
import type { LogEntry } from '../../src/sandbox/index.js';
import { callSandbox, seedGroups, withSandbox } from '../support/sandbox.js';

test('the log keeps the newest entries only, and never a large body', () => {
  const log: LogEntry[] = [];
  for (let n = 0; n < MAX_LOG_ENTRIES * 2; n++) recordRequest(log, { method: 'GET', path: `/${n}`, status: 200 });
  assert.ok(log.length <= MAX_LOG_ENTRIES * 1.1, `${log.length} entries`);
  assert.is(log.at(-1)?.path, `/${MAX_LOG_ENTRIES * 2 - 1}`);
  recordRequest(log, { method: 'PUT', path: '/big', status: 400, body: { name: 'x'.repeat(MAX_LOGGED_BODY_CHARS) } });
  assert.equal(log.at(-1), { method: 'PUT', path: '/big', status: 400, bodyChars: MAX_LOGGED_BODY_CHARS + 11 });
});

test('a refused large body is not kept in the log', () =>
  withSandbox({ seed: seedGroups(1) }, async (sandbox) => {
    const answer = await callSandbox(sandbox, 'PUT', '/customer_groups/1', { name: 'A', notes: 'x'.repeat(900_000) });
    assert.is(answer.status, 400);
    assert.is(sandbox.log.at(-1)?.body, undefined);
    assert.ok((sandbox.log.at(-1)?.bodyChars ?? 0) > 900_000);
  }));

test('requests without the token are refused without spending the quota', () =>
  withSandbox({ seed: seedGroups(1), quota: 3 }, async (sandbox) => {
    for (let n = 0; n < 5; n++)
      assert.is(
        (await callSandbox(sandbox, 'GET', '/customer_groups', undefined, { 'X-Auth-Token': 'x' })).status,
        401,
      );
    for (let n = 0; n < 3; n++) assert.is((await callSandbox(sandbox, 'GET', '/customer_groups')).status, 200);
    assert.is((await callSandbox(sandbox, 'GET', '/customer_groups')).status, 429);
  }));

test('a URL that cannot be read is answered 400', () =>
  withSandbox({}, async (sandbox) => {
    for (const target of ['//', '//[']) {
      const head = await rawRequest(sandbox.apiUrl, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      assert.match(head, /^HTTP\/1\.1 400 /, target);
    }
    assert.is(sandbox.counters.endpoints['GET (unreadable URL)'], 2);
  }));

function rawRequest(apiUrl: string, text: string): Promise<string> {
  const { hostname, port } = new URL(apiUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

test.run();
