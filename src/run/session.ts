// What plan, apply, drift and import share: config, then the desired state (offline, so bad files never
// reach the network), then a client for the store.
import { readToken, requireStoreHash } from '../config/index.js';
import { createClient, type BigCommerceClient } from '../bigcommerce/index.js';
import type { Config } from '../model/index.js';
import { loadDesiredFor, resolveStoreConfig } from '../cli/options.js';
import type { CommandContext } from '../cli/types.js';

export interface Store {
  client: BigCommerceClient;
  storeHash: string;
  /** Where the token goes ("https://api.bigcommerce.com"), for prompts that name the store. */
  origin: string;
}

export function openStore(ctx: CommandContext, config: Config): Store {
  const storeHash = requireStoreHash(config);
  const client = createClient({
    apiUrl: config.apiUrl,
    storeHash,
    token: readToken(config, ctx.io.env),
    tokenEnv: config.accessTokenEnv,
    timeoutMs: config.request.timeoutMs,
    retries: config.request.retries,
    reserveShare: config.request.reserveShare,
    maxPages: config.request.maxPages,
    maxWaitMs: config.request.maxWaitMs,
  });
  return { client, storeHash, origin: new URL(config.apiUrl).origin };
}

/** Config, desired state and store, in the order that keeps bad input offline. */
export async function openSession(ctx: CommandContext, overrides: Parameters<typeof resolveStoreConfig>[1] = {}) {
  const config = await resolveStoreConfig(ctx, overrides);
  const desired = await loadDesiredFor(ctx, config);
  const store = openStore(ctx, config);
  return { config, desired, ...store };
}
