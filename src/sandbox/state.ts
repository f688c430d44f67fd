// What the sandbox's server keeps while it runs: its stores, counters and request log. Routes read it;
// the server alone writes the counters and the log.
import type { CatalogStore } from './catalog.js';
import type { ChannelStore } from './channels.js';
import type { ResolvedOptions } from './options.js';
import type { ReferenceStore } from './references.js';
import type { GroupStore } from './store.js';

export interface SandboxCounters {
  requests: Record<string, number>;
  /** Requests per endpoint, "GET /v3/pricelists/assignments", ids in the path as {id}, so tests count reads. */
  endpoints: Record<string, number>;
  /** PUT /v3/pricelists/{id}/assignments in flight; the spec allows 25 at once and answers 429 beyond. */
  upsertsInFlight: number;
  /** The most requests of one endpoint in flight at once. */
  maxInFlightByEndpoint: Record<string, number>;
  inFlight: number;
  maxInFlight: number;
  rateLimited: number;
  faults: number;
  /** Bodies that broke the request schema, came without a JSON content type, or were over MAX_BODY_BYTES. */
  nonConforming: number;
}

export interface LogEntry {
  method: string;
  path: string;
  status: number;
  body?: unknown;
  /** The length of a body too large to keep in the log. */
  bodyChars?: number;
}

export function createCounters(): SandboxCounters {
  return {
    requests: {},
    endpoints: {},
    upsertsInFlight: 0,
    maxInFlightByEndpoint: {},
    inFlight: 0,
    maxInFlight: 0,
    rateLimited: 0,
    faults: 0,
    nonConforming: 0,
  };
}

export interface ServerState {
  options: ResolvedOptions;
  store: GroupStore;
  catalog: CatalogStore;
  channels: ChannelStore;
  references: ReferenceStore;
  counters: SandboxCounters;
  log: LogEntry[];
  /** Requests of each endpoint now in flight; a route may refuse one over the endpoint's documented cap. */
  inFlightByEndpoint: Map<string, number>;
}
