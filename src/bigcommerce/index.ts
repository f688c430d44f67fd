// The BigCommerce client: every client is built on createTransport(), so every one gets the URL check.
import { ConfigError } from '../errors.js';
import { VERSION } from '../version.js';
import { BigCommerceClient } from './groups.js';
import { assertSafeApiUrl } from './api-url.js';
import { Transport } from './http.js';
import { checkToken } from './token.js';

export { BigCommerceClient } from './groups.js';
export type { StoreReads } from './store-reads.js';
export type { StorefrontWrites } from './storefront-writes.js';
export {
  CUSTOMERS_READ_SCOPE,
  CUSTOMERS_WRITE_SCOPE,
  MAX_MOVE_BATCH,
  MAX_MOVE_CONCURRENCY,
  type MoveBatch,
  type MoveOptions,
} from './customer-moves.js';
export { MARKETING_READ_SCOPE, MARKETING_SCOPE_HINT, type PromotionRefs } from './promotions.js';
export { INFORMATION_READ_SCOPE, INFORMATION_SCOPE_HINT, type TaxZoneRefs } from './tax-zones.js';
export type { StoreRead } from './v3.js';

export interface ClientOptions {
  /** https://api.bigcommerce.com, or http://127.0.0.1:PORT for the sandbox. */
  apiUrl: string;
  storeHash: string;
  token: string;
  /** Where the token came from, for messages about it (the variable named by accessTokenEnv). */
  tokenEnv?: string;
  timeoutMs?: number;
  retries?: number;
  /** Share of the rate-limit quota left to other apps of the store (0..1). */
  reserveShare?: number;
  userAgent?: string;
  /** First backoff step; tests make it tiny. */
  retryBaseMs?: number;
  /** The most pages one list may take before it counts as a list that never ends. */
  maxPages?: number;
  /** The longest single wait; a server asking for more fails the request at once. */
  maxWaitMs?: number;
  /** The longest one request may take in all, its retries and waits included. */
  maxRequestMs?: number;
}

/**
 * What a caller leaves out. The run passes the config's request settings; these equal the defaults of
 * schemas/config.schema.json (a test says so), so the client never reads config/ to learn them.
 */
export const CLIENT_DEFAULTS = {
  timeoutMs: 30_000,
  retries: 4,
  reserveShare: 0.2,
  maxWaitMs: 60_000,
  maxPages: 1000,
  maxRequestMs: 300_000,
  retryBaseMs: 500,
} as const;

const MAX_TIMER_MS = 2 ** 31 - 1;

export function createClient(options: ClientOptions): BigCommerceClient {
  return new BigCommerceClient(createTransport(options));
}

/** The checked connection to one store's API (V2 groups, V3 catalog and customers) that a client sends through. */
export function createTransport(options: ClientOptions): Transport {
  const url = assertSafeApiUrl(options.apiUrl);
  const token = checkToken(options.token, options.tokenEnv ?? 'the token option');
  if (!/^[A-Za-z0-9_-]+$/.test(options.storeHash))
    throw new ConfigError(`The store hash '${options.storeHash}' is not valid (letters, digits, - and _ only).`);
  const reserveShare = options.reserveShare ?? CLIENT_DEFAULTS.reserveShare;
  if (!(reserveShare >= 0 && reserveShare < 1))
    throw new ConfigError(`reserveShare must be at least 0 and below 1, got ${reserveShare}.`);
  const maxWaitMs = options.maxWaitMs ?? CLIENT_DEFAULTS.maxWaitMs;
  // Node fires a longer timer at once, which would turn every wait into a busy loop.
  if (!(maxWaitMs >= 0 && maxWaitMs <= MAX_TIMER_MS))
    throw new ConfigError(`maxWaitMs must be from 0 to ${MAX_TIMER_MS}, got ${maxWaitMs}.`);
  const maxRequestMs = options.maxRequestMs ?? CLIENT_DEFAULTS.maxRequestMs;
  if (!(maxRequestMs >= 1 && maxRequestMs <= MAX_TIMER_MS))
    throw new ConfigError(`maxRequestMs must be from 1 to ${MAX_TIMER_MS}, got ${maxRequestMs}.`);
  return new Transport({
    // The store's root: group paths start with /v2, catalog and customers paths with /v3.
    baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}/stores/${options.storeHash}`,
    token,
    tokenEnv: options.tokenEnv,
    timeoutMs: options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs,
    retries: options.retries ?? CLIENT_DEFAULTS.retries,
    reserveShare,
    userAgent: options.userAgent ?? `bcgroups/${VERSION}`,
    retryBaseMs: options.retryBaseMs ?? CLIENT_DEFAULTS.retryBaseMs,
    maxPages: options.maxPages ?? CLIENT_DEFAULTS.maxPages,
    maxWaitMs,
    maxRequestMs,
  });
}
