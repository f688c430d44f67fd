// What plan, apply, drift and import share: the config of one store, its desired state (offline, so bad
// files never reach the network), then a client for the store.
import { createClient, type BigCommerceClient } from '../bigcommerce/index.js';
import { readToken, requireStoreHash, storeNamesOf } from '../config/index.js';
import { loadDesired, selectDesired, type DesiredState } from '../desired/index.js';
import type { Config } from '../model/index.js';
import { VERSION } from '../version.js';

/** Where a run reads files and variables from; the CLI passes its Io's, tests and the demo their own. */
export interface RunPlace {
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface Store {
  client: BigCommerceClient;
  storeHash: string;
  /** Where the token goes ("https://api.bigcommerce.com"), for prompts that name the store. */
  origin: string;
}

export function openStore(config: Config, env: RunPlace['env']): Store {
  const storeHash = requireStoreHash(config);
  const client = createClient({
    apiUrl: config.apiUrl,
    storeHash,
    token: readToken(config, env),
    tokenEnv: config.accessTokenEnv,
    timeoutMs: config.request.timeoutMs,
    retries: config.request.retries,
    reserveShare: config.request.reserveShare,
    maxPages: config.request.maxPages,
    maxWaitMs: config.request.maxWaitMs,
    maxRequestMs: config.request.maxRequestMs,
    userAgent: `bcgroups/${VERSION}`,
  });
  return { client, storeHash, origin: new URL(config.apiUrl).origin };
}

/**
 * The desired state under config.groupsDir, relative to the run's cwd (messages keep it relative); with a
 * store picked, that store's groups and pins.
 */
export async function loadDesiredFor(config: Config, cwd: string): Promise<DesiredState> {
  const state = await loadDesired(config.groupsDir, { cwd, storeNames: storeNamesOf(config), ignore: config.ignore });
  return config.storeName === undefined ? state : selectDesired(state, config.storeName);
}

/** `plan --all-stores`: groups/ loaded and validated once, then each store's share of it by name. */
export async function loadDesiredOfStores(config: Config, cwd: string): Promise<(storeName: string) => DesiredState> {
  const state = await loadDesired(config.groupsDir, { cwd, storeNames: storeNamesOf(config), ignore: config.ignore });
  return (storeName) => selectDesired(state, storeName);
}
