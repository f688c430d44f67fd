import { inspect } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';
import { isLoopback } from '../../src/bigcommerce/api-url.js';
import { ConfigError } from '../../src/errors.js';
import { clientFor, withSandbox } from '../support/sandbox.js';

const TOKEN = 'tok-5ecret-XYZ-0123456789';

test('plain http to a non-loopback host is refused before any request', () => {
  for (const apiUrl of [
    'http://api.bigcommerce.com',
    'http://10.0.0.5:8080',
    'http://128.0.0.1',
    'ftp://127.0.0.1',
    'not a url',
  ]) {
    assert.throws(
      () => createClient({ apiUrl, storeHash: 'abc', token: TOKEN }),
      (error: unknown) => error instanceof ConfigError && !String(error).includes(TOKEN),
    );
  }
  for (const apiUrl of [
    'https://api.bigcommerce.com',
    'http://127.0.0.1:1',
    'http://127.8.9.10',
    'http://localhost:3000',
    'http://[::1]:9',
  ]) {
    createClient({ apiUrl, storeHash: 'abc', token: TOKEN });
  }
  assert.ok(isLoopback('[::1]'));
  assert.not.ok(isLoopback('127.0.0.1.example.com'));
});

/** Everything a user or a log could ever see of an error. */
function exposedText(error: unknown): string {
  const fields = error && typeof error === 'object' ? JSON.stringify({ ...error }) : '';
  return [String(error), (error as Error)?.stack ?? '', inspect(error, { depth: 5 }), fields].join('\n');
}

async function collectFailure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return exposedText(error);
  }
  throw new Error('expected a failure');
}

test('the token appears in no error, stack, stats or inspection, on every error path', () =>
  withSandbox(
    {
      token: TOKEN,
      seed: [{ name: 'Retail' }, { name: 'Other', discount_rules: [{ type: 'all', method: 'percent', amount: 9 }] }],
      latencyMs: 0,
    },
    async (sandbox) => {
      const client = clientFor(sandbox, { retries: 1 });
      const wrongToken = clientFor(sandbox, { token: `${TOKEN}-wrong`, retries: 0 });
      const outputs: string[] = [];
      outputs.push(await collectFailure(() => wrongToken.listGroups()));
      outputs.push(await collectFailure(() => client.getGroup(404)));
      outputs.push(await collectFailure(() => client.createGroup({ name: 'Retail' })));
      outputs.push(
        await collectFailure(() =>
          client.updateGroup(1, {
            discount_rules: [
              { type: 'price_list', price_list_id: 1 },
              { type: 'all', method: 'fixed', amount: '1.0000' },
            ],
          }),
        ),
      );
      sandbox.setOptions({ faultRate: 1 });
      outputs.push(await collectFailure(() => client.deleteGroup(1)));
      outputs.push(await collectFailure(() => client.createGroup({ name: 'X' })));
      sandbox.setOptions({ faultRate: 0, resetRate: 0.5, random: () => 0.1 });
      outputs.push(await collectFailure(() => client.countGroups()));
      sandbox.setOptions({ resetRate: 0, latencyMs: 100 });
      outputs.push(await collectFailure(() => clientFor(sandbox, { retries: 0, timeoutMs: 10 }).countGroups()));
      sandbox.setOptions({ latencyMs: 0 });
      let draws = 0;
      sandbox.setOptions({ resetRate: 0.5, random: () => (draws++ < 2 ? 0.1 : 0.9) });
      outputs.push(await collectFailure(() => client.createGroup({ name: 'Other' })));
      await sandbox.close();
      outputs.push(await collectFailure(() => client.countGroups()));
      outputs.push(
        inspect(client, { depth: 10, showHidden: true }),
        JSON.stringify(client.stats),
        JSON.stringify(client.rateLimit),
      );
      assert.is(outputs.length, 13);
      for (const output of outputs) assert.not.ok(output.includes(TOKEN), `token leaked in: ${output.slice(0, 200)}`);
      assert.ok(outputs[0]?.includes('401'));
      assert.ok(outputs[9]?.includes('ECONNREFUSED'));
    },
  ));

test.run();
