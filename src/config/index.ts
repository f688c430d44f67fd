// Settings: flags > environment > config file > defaults, checked at every source.
export { DEFAULT_CONFIG, DEFAULT_SAFETY } from './defaults.js';
export { loadConfig, readToken, requireStoreHash } from './load.js';
export type { ConfigOverrides, LoadConfigOptions } from './load.js';
export {
  defaultTokenEnvOf,
  ENV_STORE,
  narrowTo,
  readStorePick,
  selectStore,
  storeNamesOf,
  type StorePick,
} from './stores.js';
