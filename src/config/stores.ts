// Several stores from one repository: the config names them, a command works on one picked by name.
// Each store reads its own token variable, so planning staging never needs production's token.
import { closestName } from '../text/suggest.js';
import { UsageError } from '../errors.js';
import type { Config } from '../model/index.js';

export const ENV_STORE = 'BCGROUPS_STORE';

/** The token variable of a store that names none: BIGCOMMERCE_ACCESS_TOKEN_STAGING for `staging`. */
export function defaultTokenEnvOf(storeName: string): string {
  return `BIGCOMMERCE_ACCESS_TOKEN_${storeName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** The store names of the config, in the order the file lists them; empty for a config of one store. */
export function storeNamesOf(config: Pick<Config, 'stores'>): string[] {
  return Object.keys(config.stores ?? {});
}

export interface StorePick {
  /** --store NAME, if given. */
  flag?: string | undefined;
  env: Record<string, string | undefined>;
}

/** The name picked by --store, else BCGROUPS_STORE; undefined when neither is set. */
export function readStorePick(pick: StorePick): { name: string; from: string } | undefined {
  if (pick.flag !== undefined) return { name: pick.flag, from: '--store' };
  const fromEnv = pick.env[ENV_STORE]?.trim();
  return fromEnv ? { name: fromEnv, from: ENV_STORE } : undefined;
}

/**
 * The config narrowed to the picked store (its hash, API URL and token variable in place of the top-level
 * ones); a config of one store is returned as it is. Throws a UsageError that lists the names.
 */
export function selectStore(config: Config, pick: StorePick): Config {
  const names = storeNamesOf(config);
  const picked = readStorePick(pick);
  if (names.length === 0) {
    if (!picked) return config;
    throw new UsageError(
      `${picked.from} ${picked.name} picks one of the config's stores, but the config names none. ` +
        `Remove ${picked.from}, or name stores in the config (stores: {${picked.name}: {storeHash: ...}}).`,
    );
  }
  const list = names.join(', ');
  if (!picked) {
    throw new UsageError(
      `The config names several stores (${list}): pick one with --store NAME or ` +
        `${ENV_STORE}=NAME${names.length > 1 ? ', or run `bcgroups plan --all-stores`' : ''}.`,
    );
  }
  return narrowTo(config, picked.name, picked.from);
}

/** The config of one named store; the name must be one of the config's stores. */
export function narrowTo(config: Config, name: string, from = '--store'): Config {
  // Own keys only: `--store constructor` must not find Object.prototype.constructor.
  const store = config.stores && Object.hasOwn(config.stores, name) ? config.stores[name] : undefined;
  if (!store) {
    const near = closestName(name, storeNamesOf(config));
    throw new UsageError(
      `${from} '${name}' is not a store of the config${near ? `; did you mean '${near}'?` : '.'} ` +
        `The stores are: ${storeNamesOf(config).join(', ')}.`,
    );
  }
  return {
    ...config,
    storeName: name,
    storeHash: store.storeHash,
    apiUrl: store.apiUrl ?? config.apiUrl,
    accessTokenEnv: store.accessTokenEnv ?? defaultTokenEnvOf(name),
  };
}
