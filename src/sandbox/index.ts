// A BigCommerce-compatible customer groups store on 127.0.0.1, for the demo, the tests and the benchmarks.
import { ConfigError } from '../errors.js';
import type { AddressInfo } from 'node:net';
import { SANDBOX_DEFAULTS, SEED_OPTIONS, type RawGroup, type ResolvedOptions, type SandboxOptions } from './options.js';
import { ReferenceStore } from './references.js';
import { CatalogStore } from './catalog.js';
import { ChannelStore } from './channels.js';
import { adoptSeededHolders } from './storefront-sync.js';
import { findStoreSeedProblems } from './seed.js';
import { createSandboxServer } from './server.js';
import { createCounters, type LogEntry, type SandboxCounters, type ServerState } from './state.js';
import { GroupStore } from './store.js';

export type { HolderMode, RawGroup, RawRule, SandboxOptions, Scope, SeedGroup } from './options.js';
export type { SeedCatalog, SeedCategory, SeedCustomer, SeedPriceList, SeedProduct } from './catalog.js';
export type { SeedFile } from './seed.js';
export type { ReferenceStore, SeedPromotion, SeedTaxZone } from './references.js';
export { MAX_CONCURRENT_CUSTOMER_PUTS, MAX_CUSTOMERS_PER_PUT } from './customer-writes.js';
export type { CatalogStore } from './catalog.js';
export type {
  ChannelCustomerSettings,
  ChannelStore,
  SeedAssignment,
  SeedChannel,
  StoredAssignment,
  StoredChannel,
} from './channels.js';
export type { LogEntry, SandboxCounters } from './state.js';
export { SANDBOX_DEFAULTS, SCOPES } from './options.js';
export { loadSeedFile, findSeedProblems, findStoreSeedProblems, seedFileOptions } from './seed.js';

export interface Sandbox {
  /** http://127.0.0.1:PORT, what ClientOptions.apiUrl takes. */
  apiUrl: string;
  storeHash: string;
  token: string;
  /** The stored groups as the API would return them. */
  groups(): RawGroup[];
  /** The seeded catalog and customers (customers move to group 0 when their group is deleted). */
  readonly catalog: CatalogStore;
  /** Channels, their customer settings (and which other settings a PUT touched), price list assignments. */
  readonly channels: ChannelStore;
  /** The seeded promotions and tax zones, as the API answers them. */
  readonly references: ReferenceStore;
  /** Changes faults, modes or limits while running. */
  setOptions(partial: Partial<SandboxOptions>): void;
  readonly counters: SandboxCounters;
  readonly log: LogEntry[];
  resetCounters(): void;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { seed = [], catalog, customers, channels, assignments, promotions, taxZones, ...rest } = options;
  const problems = findStoreSeedProblems({
    groups: seed,
    catalog,
    customers,
    channels,
    price_list_assignments: assignments,
    promotions,
    tax_zones: taxZones,
  });
  if (problems.length > 0) throw new ConfigError(`The sandbox seed is not valid:\n  ${problems.join('\n  ')}`);
  const state: ServerState = {
    options: resolve(SANDBOX_DEFAULTS, rest),
    store: undefined as unknown as GroupStore,
    catalog: new CatalogStore(catalog, customers),
    channels: new ChannelStore(channels, assignments),
    references: new ReferenceStore(promotions, taxZones),
    counters: createCounters(),
    log: [],
    inFlightByEndpoint: new Map(),
  };
  state.store = new GroupStore(() => state.options);
  state.store.seed(seed);
  adoptSeededHolders({ ...state, onNonConforming: () => undefined });
  const server = createSandboxServer(state);
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new ConfigError(
              `Cannot listen on ${state.options.host}:${state.options.port} (${error.code}): pass another --port, or 0 for any free one.`,
            )
          : error,
      ),
    );
    server.listen(state.options.port, state.options.host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://${state.options.host}:${port}`,
    storeHash: state.options.storeHash,
    token: state.options.token,
    groups: () => structuredClone(state.store.all()),
    catalog: state.catalog,
    channels: state.channels,
    references: state.references,
    setOptions: (partial) => {
      state.options = resolve(state.options, partial);
    },
    get counters() {
      return state.counters;
    },
    get log() {
      return state.log;
    },
    resetCounters() {
      state.counters = createCounters();
      state.log.length = 0;
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function resolve(base: ResolvedOptions, partial: Partial<SandboxOptions>): ResolvedOptions {
  const defined = Object.fromEntries(
    Object.entries(partial).filter(
      ([key, value]) => value !== undefined && !(SEED_OPTIONS as readonly string[]).includes(key),
    ),
  );
  return { ...base, ...defined } as ResolvedOptions;
}
