// A sandbox per test, a client for it, raw requests past the client, seeds and a seeded random source.
import type { ClientOptions } from '../../src/bigcommerce/index.js';
import { startSandbox, type Sandbox, type SandboxOptions, type SeedGroup } from '../../src/sandbox/index.js';
import { createProbeClient, type ProbeClient } from './probe.js';

export async function withSandbox<T>(options: SandboxOptions, use: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox(options);
  try {
    return await use(sandbox);
  } finally {
    await sandbox.close();
  }
}

/** Options for a client that backs off as shipped (benchmarks), not with the tests' quick retries. */
export const SHIPPED_BACKOFF: Partial<ClientOptions> = { retryBaseMs: undefined };

/** A client for the sandbox with fast retries, so fault tests stay quick. */
export function clientFor(sandbox: Sandbox, options: Partial<ClientOptions> = {}): ProbeClient {
  return createProbeClient({
    apiUrl: sandbox.apiUrl,
    storeHash: sandbox.storeHash,
    token: sandbox.token,
    retryBaseMs: 2,
    ...options,
  });
}

/** A raw request to the sandbox, for checking its answers without the client in between. */
export async function callSandbox(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  api: 'v2' | 'v3' = 'v2',
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${sandbox.apiUrl}/stores/${sandbox.storeHash}/${api}${path}`, {
    method,
    headers: {
      'X-Auth-Token': sandbox.token,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

export function seedGroups(count: number, prefix = 'Group'): SeedGroup[] {
  return Array.from({ length: count }, (_, index) => ({ name: `${prefix} ${String(index + 1).padStart(4, '0')}` }));
}

/** A deterministic random source (mulberry32), so fault tests draw the same faults every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function totalRequests(sandbox: Sandbox): number {
  return Object.values(sandbox.counters.requests).reduce((sum, n) => sum + n, 0);
}

/** A raw GET of a V3 path of the sandbox ("/catalog/products?id:in=1"). */
export function getV3(sandbox: Sandbox, path: string, headers: Record<string, string> = {}) {
  return callSandbox(sandbox, 'GET', path, undefined, headers, 'v3');
}

/** A small catalog in two trees, with products and price lists, for the V3 tests. */
export const SMALL_CATALOG = {
  categories: [
    { category_id: 18, name: 'Tools' },
    { category_id: 19, name: 'Power Tools', parent_id: 18 },
    { category_id: 23, name: 'Garden' },
    { category_id: 40, name: 'Tools', tree_id: 2 },
  ],
  products: [
    { id: 77, name: 'Claw Hammer', sku: 'HAM-16' },
    { id: 112, name: 'Cordless Drill', sku: 'DRL-18V' },
    { id: 113, name: 'Gift Card' },
  ],
  price_lists: [
    { id: 2, name: 'Wholesale 2026' },
    { id: 3, name: 'Trade', active: false },
  ],
};

/** The GETs the sandbox saw, by kind of read: what a plan's "Read requests" line must agree with. */
export function countReadsByKind(
  sandbox: Sandbox,
): Record<'groups' | 'categories' | 'products' | 'price_lists' | 'customers', number> {
  const paths = sandbox.log.filter((entry) => entry.method === 'GET').map((entry) => entry.path);
  const count = (pattern: RegExp) => paths.filter((path) => pattern.test(path)).length;
  return {
    groups: count(/\/v2\/customer_groups/),
    categories: count(/\/v3\/catalog\/trees\/categories/),
    products: count(/\/v3\/catalog\/products/),
    // Assignments and channel settings are what names a deleted group, not price lists or customer counts.
    price_lists: count(/\/v3\/pricelists(?!\/assignments)/),
    customers: count(/\/v3\/customers(?!\/settings)/),
  };
}
