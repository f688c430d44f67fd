// Requests per second through the client against the sandbox on this machine, sequential and at
// concurrency 16. Exported for the benchmark suite; runnable alone: node --import tsx test/bench/client.ts
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { startSandbox } from '../../src/sandbox/index.js';
import { clientFor, SHIPPED_BACKOFF } from '../support/sandbox.js';

export interface ClientBench {
  requests: number;
  sequentialRps: number;
  concurrentRps: number;
  concurrency: number;
  /** Paced run under the quota of a Standard plan scaled to 150 per 3 s: 429s seen (should be 0). */
  pacedRateLimited: number;
  pacedRps: number;
}

export async function benchClient(
  options: { requests?: number; concurrency?: number; pacedRequests?: number } = {},
): Promise<ClientBench> {
  const requests = options.requests ?? 2000;
  const concurrency = options.concurrency ?? 16;
  const seed = Array.from({ length: 50 }, (_, i) => ({
    name: `Bench ${i + 1}`,
    discount_rules: [{ type: 'all', method: 'percent', amount: i % 20 }],
  }));
  const sandbox = await startSandbox({ seed, quota: 1_000_000 });
  try {
    const client = clientFor(sandbox, SHIPPED_BACKOFF);
    // A mix like a plan + apply: mostly reads, some writes.
    const call = (i: number) =>
      i % 4 === 3 ? client.updateGroup((i % 50) + 1, { is_default: false }) : client.getGroup((i % 50) + 1);
    for (let i = 0; i < 100; i++) await call(i);
    let started = performance.now();
    for (let i = 0; i < requests; i++) await call(i);
    const sequentialRps = requests / ((performance.now() - started) / 1000);
    const limit = pLimit(concurrency);
    started = performance.now();
    await Promise.all(Array.from({ length: requests }, (_, i) => limit(() => call(i))));
    const concurrentRps = requests / ((performance.now() - started) / 1000);

    const pacedRequests = options.pacedRequests ?? 300;
    sandbox.setOptions({ quota: 150, windowMs: 3000 });
    sandbox.resetCounters();
    const paced = clientFor(sandbox, SHIPPED_BACKOFF);
    started = performance.now();
    await Promise.all(Array.from({ length: pacedRequests }, (_, i) => limit(() => paced.getGroup((i % 50) + 1))));
    const pacedRps = pacedRequests / ((performance.now() - started) / 1000);
    return {
      requests,
      sequentialRps,
      concurrentRps,
      concurrency,
      pacedRateLimited: sandbox.counters.rateLimited,
      pacedRps,
    };
  } finally {
    await sandbox.close();
  }
}

function isMain(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const result = await benchClient();
  console.log(
    `client vs sandbox: ${result.sequentialRps.toFixed(0)} req/s sequential, ${result.concurrentRps.toFixed(0)} ` +
      `req/s at concurrency ${result.concurrency}; ` +
      `paced under 150/3s: ${result.pacedRps.toFixed(1)} req/s, ${result.pacedRateLimited} 429s`,
  );
}
