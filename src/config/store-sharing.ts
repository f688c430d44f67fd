// Two store names must never lead to one token variable or one store: a command on one name would send
// that store's token to the other's API, or write one store under two names.
import type { Problem } from '../errors.js';
import type { Position } from '../model/index.js';
import type { Prefer } from '../schema/errors.js';
import { joinPointer } from '../schema/pointer.js';
import { DEFAULT_CONFIG } from './defaults.js';
import { defaultTokenEnvOf } from './stores.js';
import { isMapping } from '../text/mapping.js';

const VARIABLE = /^[A-Z_][A-Z0-9_]*$/;

type Locate = (pointer: string, prefer: Prefer) => Position;

interface StoreEntry {
  name: string;
  tokenEnv: string;
  explicitTokenEnv: boolean;
  target?: string;
}

/** A problem at the second of two stores that share a token variable, and at the second of two that are one store. */
export function findSharedStores(config: Record<string, unknown>, at: Locate, file: string): Problem[] {
  const entries = readStoreEntries(config);
  const problems: Problem[] = [];
  const byToken = new Map<string, StoreEntry>();
  const byTarget = new Map<string, StoreEntry>();
  for (const entry of entries) {
    const tokenTwin = byToken.get(entry.tokenEnv);
    if (tokenTwin) {
      const store = joinPointer('/stores', entry.name);
      const pointer = entry.explicitTokenEnv ? `${store}/accessTokenEnv` : store;
      problems.push({
        file,
        ...at(pointer, entry.explicitTokenEnv ? 'value' : 'key'),
        field: `stores.${entry.name}${entry.explicitTokenEnv ? '.accessTokenEnv' : ''}`,
        message:
          `stores '${tokenTwin.name}' and '${entry.name}' both read their token from ` +
          `${entry.tokenEnv}${describeDefaults(tokenTwin, entry)}, ` +
          `so one store's token would go to the other store's API`,
        hint: `set stores.${entry.name}.accessTokenEnv to a variable of its own`,
      });
    } else byToken.set(entry.tokenEnv, entry);
    if (entry.target === undefined) continue;
    const storeTwin = byTarget.get(entry.target);
    if (storeTwin) {
      problems.push({
        file,
        ...at(`${joinPointer('/stores', entry.name)}/storeHash`, 'value'),
        field: `stores.${entry.name}.storeHash`,
        message: `stores '${storeTwin.name}' and '${entry.name}' are the same store (one storeHash at one apiUrl)`,
        hint: `keep one name for the store, or point stores.${entry.name} at its own storeHash`,
      });
    } else byTarget.set(entry.target, entry);
  }
  return problems;
}

/** Says which of the two names reach the variable by default (the name upper-cased, - and _ alike). */
function describeDefaults(first: StoreEntry, second: StoreEntry): string {
  const defaulted = [first, second].filter((entry) => !entry.explicitTokenEnv).map((entry) => `'${entry.name}'`);
  if (defaulted.length === 0) return '';
  return (
    ` (${defaulted.join(' and ')} by default, as BIGCOMMERCE_ACCESS_TOKEN_<NAME> ` +
    'upper-cases the name and reads - as _)'
  );
}

/** Stores whose settings have the right types; the schema reports the rest. */
function readStoreEntries(config: Record<string, unknown>): StoreEntry[] {
  const stores = config.stores;
  if (!isMapping(stores)) return [];
  const topApiUrl = typeof config.apiUrl === 'string' ? config.apiUrl : DEFAULT_CONFIG.apiUrl;
  return Object.entries(stores).flatMap(([name, store]) => {
    if (!isMapping(store)) return [];
    // A value that is no variable name is reported by the schema, and may be a pasted token: never echo it.
    if (
      store.accessTokenEnv !== undefined &&
      !(typeof store.accessTokenEnv === 'string' && VARIABLE.test(store.accessTokenEnv))
    )
      return [];
    const explicit = typeof store.accessTokenEnv === 'string';
    const apiUrl = typeof store.apiUrl === 'string' ? store.apiUrl : topApiUrl;
    const entry: StoreEntry = {
      name,
      tokenEnv: explicit ? (store.accessTokenEnv as string) : defaultTokenEnvOf(name),
      explicitTokenEnv: explicit,
    };
    if (typeof store.storeHash === 'string')
      entry.target = `${store.storeHash.toLowerCase()} ${normalizeApiUrl(apiUrl)}`;
    return [entry];
  });
}

/**
 * One API written in different ways as one string: URL parsing drops a default port (`:443`), reads
 * `127.1` as 127.0.0.1 and lower-cases the host; a trailing dot of the host and trailing slashes go too.
 */
export function normalizeApiUrl(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    return apiUrl.replace(/\/+$/, '').toLowerCase();
  }
  const host = url.hostname.replace(/\.+$/, '');
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}${url.pathname.replace(/\/+$/, '')}`;
}
