// The transport under the client: compressed answers are read as the API means them (and capped once
// decoded, so a small bomb is refused), and a run's requests share kept-alive connections.
import { gzipSync, deflateSync, brotliCompressSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';
import { MAX_ANSWER_BYTES } from '../../src/bigcommerce/http.js';
import { ApiError } from '../../src/errors.js';
import { catchError, wireGroup, withLocalServer } from '../support/local-server.js';

const ENCODINGS = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };

for (const [encoding, compress] of Object.entries(ENCODINGS)) {
  test(`a ${encoding} answer is decoded`, () =>
    withLocalServer(
      (request, response) => {
        assert.match(String(request.headers['accept-encoding']), /gzip/);
        response
          .writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': encoding })
          .end(compress(JSON.stringify([wireGroup(1, 'Retail'), wireGroup(2, 'Trade')])));
      },
      async ({ origin }) => {
        const client = createClient({ apiUrl: origin, storeHash: 'abc', token: 'tok-zip' });
        assert.equal(
          (await client.listGroups()).map((group) => group.name),
          ['Retail', 'Trade'],
        );
      },
    ));
}

test('a compressed answer larger than the cap once decoded is refused', () =>
  withLocalServer(
    (_request, response) => {
      const huge = `[${JSON.stringify(wireGroup(1, ' '.repeat(MAX_ANSWER_BYTES + 1024)))}]`;
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(gzipSync(huge));
    },
    async ({ origin }) => {
      const client = createClient({ apiUrl: origin, storeHash: 'abc', token: 'tok-zip', retryBaseMs: 1 });
      const error = await catchError(client.listGroups());
      assert.instance(error, ApiError);
      assert.match((error as ApiError).message, /failed: the answer is larger than 32 MiB/);
    },
  ));

test('requests one after another reuse one connection', async () => {
  const sockets = new Set<unknown>();
  await withLocalServer(
    (request, response) => {
      sockets.add(request.socket);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(wireGroup(1, 'Retail')));
    },
    async ({ origin }) => {
      const client = createClient({ apiUrl: origin, storeHash: 'abc', token: 'tok-alive' });
      for (let round = 0; round < 5; round += 1) await client.updateGroup(1, { name: 'Retail' });
    },
  );
  assert.is(sockets.size, 1);
});

test.run();
