// What every request carries: the token header, JSON accept, a User-Agent naming bcgroups, and a JSON
// content type only when there is a body.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';
import { VERSION } from '../../src/version.js';

test('requests carry X-Auth-Token, Accept, User-Agent, and Content-Type only with a body', async () => {
  const seen: Array<{ method: string; headers: IncomingHttpHeaders }> = [];
  const server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', headers: request.headers });
    request.resume();
    request.on('end', () => {
      const group = {
        id: 3,
        name: 'Retail',
        is_default: false,
        is_group_for_guests: false,
        category_access: { type: 'all' },
        discount_rules: [],
      };
      response
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify(request.method === 'GET' ? [group] : group));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const client = createClient({
      apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      storeHash: 'abc',
      token: 'header-token',
    });
    await client.listGroups();
    await client.updateGroup(3, { name: 'Retail' });
    assert.equal(
      seen.map((entry) => entry.method),
      ['GET', 'PUT'],
    );
    for (const { headers } of seen) {
      assert.is(headers['x-auth-token'], 'header-token');
      assert.is(headers.accept, 'application/json');
      assert.is(headers['user-agent'], `bcgroups/${VERSION}`);
    }
    assert.is(seen[0]?.headers['content-type'], undefined);
    assert.is(seen[1]?.headers['content-type'], 'application/json');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test.run();
