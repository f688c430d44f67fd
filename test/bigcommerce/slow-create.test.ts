// A POST that times out may still land later. The client must look the name up again after a pause
// before it sends a second POST, so a slow store never ends up with the group twice.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';

interface SlowStore {
  apiUrl: string;
  posts: number;
  groups: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Saves a POSTed group only after `commitMs`, and answers it later still: the client has given up by then. */
async function startSlowStore(commitMs: number): Promise<SlowStore> {
  const store: SlowStore = { apiUrl: '', posts: 0, groups: [], close: async () => undefined };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      if (request.method === 'POST') {
        store.posts += 1;
        const group = {
          id: store.posts,
          is_default: false,
          is_group_for_guests: false,
          category_access: { type: 'all' },
          discount_rules: [],
          ...JSON.parse(text),
        };
        setTimeout(() => store.groups.push(group), commitMs);
        setTimeout(
          () => response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(group)),
          commitMs * 2,
        );
        return;
      }
      const name = new URL(request.url ?? '/', 'http://x').searchParams.get('name');
      const found = store.groups.filter((group) => name === null || group.name === name);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(found));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  store.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return store;
}

test('a timed-out create that lands late is found on a second look, and never POSTed twice', async () => {
  const store = await startSlowStore(150);
  try {
    const client = createClient({
      apiUrl: store.apiUrl,
      storeHash: 'slow',
      token: 'slow-token',
      timeoutMs: 60,
      retryBaseMs: 400,
    });
    const group = await client.createGroup({ name: 'Late' });
    assert.is(group.name, 'Late');
    assert.is(store.posts, 1);
    assert.is(store.groups.length, 1);
  } finally {
    await store.close();
  }
});

test.run();
