// What plan, apply, drift and import share: config, then the desired state (offline, so bad files never
// reach the network), then a client for the store.
import { readToken, requireStoreHash } from '../config.js';
import { createClient, type BigCommerceClient } from '../bigcommerce/index.js';
import type { Config } from '../model.js';
import { loadDesiredFor, resolveConfig } from './options.js';
import type { CommandContext } from './types.js';
import { count as countOf } from '../words.js';

export interface Store {
  client: BigCommerceClient;
  storeHash: string;
}

export function openStore(ctx: CommandContext, config: Config): Store {
  const storeHash = requireStoreHash(config);
  const client = createClient({
    apiUrl: config.apiUrl,
    storeHash,
    token: readToken(config, ctx.io.env),
    timeoutMs: config.request.timeoutMs,
    retries: config.request.retries,
    reserveShare: config.request.reserveShare,
  });
  return { client, storeHash };
}

/** Config, desired state and store, in the order that keeps bad input offline. */
export async function openSession(ctx: CommandContext, overrides: Parameters<typeof resolveConfig>[1] = {}) {
  const config = await resolveConfig(ctx, overrides);
  const desired = await loadDesiredFor(ctx, config);
  const store = openStore(ctx, config);
  return { config, desired, ...store };
}

/** A closing line for people: how much the run asked of the API. */
export function describeRequests(client: BigCommerceClient): string {
  const { requests, retries, rateLimited, waitedMs } = client.stats;
  const total = Object.values(requests).reduce((sum, n) => sum + n, 0);
  const parts = Object.entries(requests)
    .filter(([, n]) => n > 0)
    .map(([method, n]) => `${n} ${method}`);
  const extra = [retries ? `${retries} retried` : '', rateLimited ? `${rateLimited} rate-limited (waited ${Math.round(waitedMs)} ms)` : '']
    .filter(Boolean)
    .join(', ');
  return `${countOf(total, 'API request')}${parts.length ? ` (${parts.join(', ')})` : ''}${extra ? `; ${extra}` : ''}`;
}
