// Running against a store: results, progress, the client's stats, the groups API and the config.
import type { GroupBody, LiveGroup } from './groups.js';
import type { ChangeAction } from './plan.js';
import type { StorefrontAction } from './storefronts.js';

export type Outcome = 'applied' | 'failed' | 'skipped' | 'not_converged';

/** How far a run is, after each finished change. */
export interface ApplyProgress {
  done: number;
  total: number;
  failed: number;
}

export interface ChangeResult {
  key: string;
  action: ChangeAction | StorefrontAction;
  name: string;
  id?: number;
  outcome: Outcome;
  status?: number;
  error?: string;
  /** A merge: the customers it found in the group and how each batch of their move ended. */
  moved?: MergeMoves;
}

/** What a merge did before its delete: never who, only how many, batch by batch. */
export interface MergeMoves {
  /** Customers found in the group when the merge started. */
  customers: number;
  batches: Array<{ size: number; outcome: 'moved' | 'unconfirmed' | 'failed'; status?: number }>;
  /** Customers still in the group after the moves; the group is deleted only at 0. */
  remaining: number;
}

/** How far one merge's moves are, after each batch. */
export interface MergeProgress {
  name: string;
  done: number;
  total: number;
}

export interface ClientStats {
  requests: Record<'GET' | 'POST' | 'PUT' | 'DELETE', number>;
  retries: number;
  rateLimited: number;
  /** Wall time spent waiting (for the quota, a 429's reset, a retry's backoff); shared waits count once. */
  waitedMs: number;
  /** When the current wait ends (ms since the epoch); in the past when nothing waits. */
  waitingUntil: number;
  bytesSent: number;
}

export interface RateLimitState {
  left: number;
  quota: number;
  resetMs: number;
  windowMs: number;
  /** Date.now() when these were read. */
  at: number;
}

/** The store as the planner and applier see it; implemented over HTTP in src/bigcommerce/. */
export interface GroupsApi {
  listGroups(): Promise<LiveGroup[]>;
  createGroup(body: GroupBody): Promise<LiveGroup>;
  updateGroup(id: number, body: GroupBody): Promise<LiveGroup>;
  deleteGroup(id: number): Promise<void>;
  readonly stats: ClientStats;
  readonly rateLimit: RateLimitState | undefined;
}

export interface SafetyConfig {
  maxDeletes: number;
  maxDeletePercent: number;
  maxUpdatePercent: number;
  /** Both percent checks count a smaller store as this many groups, so a few changes never read as most of it. */
  minGroupsForPercent: number;
  /** Most customers the deleted groups may hold together (0: deleting any group with members needs --force). */
  maxDeletedCustomers: number;
}

export interface RequestConfig {
  timeoutMs: number;
  retries: number;
  /** Share of the rate-limit quota left to other apps of the store (0..1). */
  reserveShare: number;
  /** The most pages one list may take; a longer one is a server that never ends. */
  maxPages: number;
  /** The longest single wait for a rate limit; a server asking for more is refused at once. */
  maxWaitMs: number;
  /** The longest one request may take in all, its retries and waits included. */
  maxRequestMs: number;
}

/** One of several stores in the config (`stores: {production: {...}}`). */
export interface StoreSettings {
  storeHash: string;
  /** Default: the config's apiUrl. */
  apiUrl?: string;
  /** Default: BIGCOMMERCE_ACCESS_TOKEN_<NAME>, never another store's variable. */
  accessTokenEnv?: string;
}

export interface Config {
  storeHash?: string;
  apiUrl: string;
  accessTokenEnv: string;
  groupsDir: string;
  concurrency: number;
  prune: boolean;
  /** Read category, product and price list names (false: --no-catalog). */
  catalog: boolean;
  /** Count the customers of each group a change touches (false: --no-customers). */
  customers: boolean;
  /** Name patterns of live groups another writer owns: left out of every plan, drift and import. */
  ignore: string[];
  /** Name patterns of live groups that apply never deletes or renames, --force included. */
  protect: string[];
  safety: SafetyConfig;
  request: RequestConfig;
  /** The stores a config names; absent for a config of one store. */
  stores?: Record<string, StoreSettings>;
  /** The store picked from `stores` (--store or BCGROUPS_STORE); storeHash, apiUrl and accessTokenEnv are then its own. */
  storeName?: string;
  /** The file the config came from, if any. */
  configFile?: string;
}
