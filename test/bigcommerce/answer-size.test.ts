// A runaway or hostile answer is refused before it is buffered whole, and not fetched again.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';
import { MAX_ANSWER_BYTES } from '../../src/bigcommerce/http.js';
import { ApiError } from '../../src/errors.js';

async function withHugeList(
  declareLength: boolean,
  use: (apiUrl: string, requests: () => number) => Promise<void>,
): Promise<void> {
  let requests = 0;
  const group = JSON.stringify({
    id: 1,
    name: 'x'.repeat(200),
    is_default: false,
    is_group_for_guests: false,
    category_access: { type: 'all' },
    discount_rules: [],
  });
  const count = Math.ceil(MAX_ANSWER_BYTES / group.length) + 10;
  const server = createServer((_request, response) => {
    requests += 1;
    const headers: Record<string, string | number> = { 'Content-Type': 'application/json' };
    if (declareLength) headers['Content-Length'] = 2 + count * (group.length + 1) - 1;
    response.writeHead(200, headers);
    // A valid JSON array, streamed: only its size is wrong.
    response.write('[');
    let sent = 0;
    const pump = () => {
      while (sent < count) {
        sent += 1;
        if (!response.write(sent === count ? `${group}]` : `${group},`)) return void response.once('drain', pump);
      }
      response.end();
    };
    response.on('error', () => undefined);
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, () => requests);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

for (const declareLength of [true, false]) {
  test(
    `an answer over ${MAX_ANSWER_BYTES / 1024 / 1024} MiB (${declareLength ? 'declared' : 'streamed'}) ` +
      'is refused once, not retried',
    () =>
      withHugeList(declareLength, async (apiUrl, requests) => {
        const client = createClient({ apiUrl, storeHash: 'huge', token: 'huge-token', retryBaseMs: 1 });
        const error = await client.listGroups().then(
          () => undefined,
          (caught: unknown) => caught,
        );
        assert.instance(error, ApiError);
        assert.match((error as ApiError).message, /GET .*customer_groups.* failed: the answer is larger than 32 MiB/);
        assert.is(requests(), 1);
      }),
  );
}

test.run();
