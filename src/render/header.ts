// What a reviewer must know before reading a plan: which store it is for, and whether --force overrode
// the safety checks. Shared by text and markdown so both say it in the same words.
import type { SafetyRefusal } from '../model/index.js';
import { describeRefusal } from './refusal.js';

/** The store a plan is for; `apiUrl` only when it is not the default API. */
export interface PlanStore {
  hash: string;
  /** The store's name, when the config names several. */
  name?: string;
  apiUrl?: string;
  /** The config file the run read, as the user would name it; null when none; absent when not said. */
  configFile?: string | null;
}

/** "store abc123" or "store abc123 at http://127.0.0.1:8080". */
export function describeStore(store: PlanStore): string {
  return `store ${store.hash}${store.apiUrl ? ` at ${new URL(store.apiUrl).origin}` : ''}`;
}

/** " (config bcgroups.config.yaml)" or " (no config file)": which settings a plan was made with. */
export function describeConfigFile(store: PlanStore): string {
  if (store.configFile === undefined) return '';
  return store.configFile === null ? ' (no config file)' : ` (config ${store.configFile})`;
}

/** The plain warning of a forced plan, and the thresholds it overrode (none when none was exceeded). */
export function describeForced(overridden: readonly SafetyRefusal[]): { head: string; lines: string[] } {
  if (overridden.length === 0)
    return { head: 'Made with --force: safety checks off (no threshold was exceeded).', lines: [] };
  return {
    head: `Made with --force: ${overridden.length === 1 ? 'a safety threshold' : `${overridden.length} safety thresholds`} overridden:`,
    lines: overridden.map(describeRefusal),
  };
}

/** The store as renderers name it: the API origin only when it is not the default one. */
export function planStoreOf(storeHash: string, apiUrl: string, defaultApiUrl: string): PlanStore {
  return new URL(apiUrl).origin === new URL(defaultApiUrl).origin ? { hash: storeHash } : { hash: storeHash, apiUrl };
}
