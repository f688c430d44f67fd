// Where settings come from: flags > environment > config file (found by cosmiconfig) > defaults.
// The access token never comes from a file, only from the environment variable named by accessTokenEnv.
import path from 'node:path';
import { toFieldPath } from '../schema/pointer.js';
import { describeSchemaErrors, showKind } from '../schema/errors.js';
import { compileConfigSchema, findConfigProblems, rewordConfigError } from './problems.js';
import { ConfigError, UsageError, ValidationError } from '../errors.js';
import type { Config } from '../model/index.js';
import { DEFAULT_CONFIG } from './defaults.js';
import { readConfigFile, type ConfigFile } from './read.js';
import { recordTokenEnvNames, recordTokenEnvNamesOfFiles } from './token-names.js';

export const ENV_STORE_HASH = 'BIGCOMMERCE_STORE_HASH';
export const ENV_API_URL = 'BIGCOMMERCE_API_URL';

export type ConfigOverrides = Partial<
  Pick<Config, 'storeHash' | 'apiUrl' | 'groupsDir' | 'concurrency' | 'prune' | 'catalog' | 'customers'>
>;

export interface LoadConfigOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** --config FILE: use this file instead of searching. */
  configFile?: string;
  /** Where to search instead of from cwd up (a baseline checkout searches itself only). */
  searchDirs?: readonly string[];
  /** Values from flags; undefined entries are ignored. */
  overrides?: ConfigOverrides;
  /** Gets the file's accessTokenEnv as soon as it is read, even when the file is otherwise wrong, so no message shows that variable's value. */
  tokenEnvNames?: Set<string>;
}

type FileConfig = Partial<Omit<Config, 'safety' | 'request' | 'configFile'>> &
  Partial<Pick<Config, 'safety' | 'request'>>;

/** The flag that sets a setting, for messages about a bad flag value. */
const FLAG_OF: Record<string, string> = {
  storeHash: '--store-hash',
  apiUrl: '--api-url',
  groupsDir: '--dir',
  concurrency: '--concurrency',
  prune: '--prune',
};

export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  const found = await readConfigFile(options.cwd, options.configFile, options.searchDirs).catch((error: unknown) => {
    if (options.tokenEnvNames) recordTokenEnvNamesOfFiles(options.cwd, options.configFile, options.tokenEnvNames);
    throw error;
  });
  if (options.tokenEnvNames) recordTokenEnvNames(found?.config, options.tokenEnvNames);
  const label = found ? path.relative(options.cwd, found.filepath) || found.filepath : '';
  const fromFile = found ? checkConfigFile(found, label) : {};
  const fromEnv = dropUndefined({
    storeHash: nonEmpty(options.env[ENV_STORE_HASH]),
    apiUrl: nonEmpty(options.env[ENV_API_URL]),
  });
  checkSource(fromEnv, 'environment', (field) => (field === 'storeHash' ? ENV_STORE_HASH : ENV_API_URL));
  const fromFlags = dropUndefined({ ...options.overrides });
  checkSource(fromFlags, 'flags', (field) => FLAG_OF[field] ?? field);
  const { $schema: _schema, ...fileSettings } = fromFile as FileConfig & { $schema?: string };
  if (fileSettings.stores)
    refuseSingleStoreHash(
      fromEnv.storeHash === undefined ? undefined : ENV_STORE_HASH,
      fromFlags.storeHash === undefined ? undefined : '--store-hash',
      fileSettings.stores,
    );
  return {
    ...DEFAULT_CONFIG,
    ...fileSettings,
    ...fromEnv,
    ...fromFlags,
    safety: { ...DEFAULT_CONFIG.safety, ...fromFile.safety },
    request: { ...DEFAULT_CONFIG.request, ...fromFile.request },
    ...(found ? { configFile: found.filepath } : {}),
  };
}

/** Collects every problem of the file (with its line where the file has lines) before failing. */
function checkConfigFile(found: ConfigFile, file: string): FileConfig {
  const problems = findConfigProblems(found.config, { file, ...found, defaultTokenEnv: DEFAULT_CONFIG.accessTokenEnv });
  if (problems.length > 0) throw new ValidationError(problems, 'the config file');
  return found.config as FileConfig;
}

/** A hash from the environment or a flag says one store; with several named it would be a guess which. */
function refuseSingleStoreHash(
  fromEnv: string | undefined,
  fromFlag: string | undefined,
  stores: Record<string, unknown>,
): void {
  const source = fromFlag ?? fromEnv;
  if (!source) return;
  const names = Object.keys(stores).join(', ');
  const fix = fromFlag ? 'drop --store-hash' : `unset ${ENV_STORE_HASH}`;
  const message = `${source} names one store, but the config names stores (${names}), each with its own storeHash: ${fix} and pick a store with --store NAME.`;
  throw fromFlag ? new UsageError(message) : new ConfigError(message);
}

function checkSource(settings: object, source: string, nameOf: (field: string) => string): void {
  const validate = compileConfigSchema();
  if (validate(settings)) return;
  const where = {
    file: source,
    value: settings,
    locate: () => ({ line: 1, col: 1 }),
    nameOf: (pointer: string) => nameOf(toFieldPath(pointer)),
    show: showKind,
  };
  const lines = describeSchemaErrors(validate.errors ?? [], where, rewordConfigError).map(
    (problem) => `  - ${problem.field || '(config)'}: ${problem.message}`,
  );
  throw new ConfigError(`Invalid settings in ${source}:\n${lines.join('\n')}`);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function dropUndefined<T extends object>(settings: T): Partial<T> {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The access token, read only from the environment variable the config names. */
export function readToken(config: Config, env: Record<string, string | undefined>): string {
  const token = env[config.accessTokenEnv]?.trim();
  if (!token) {
    throw new ConfigError(
      `set ${config.accessTokenEnv} to an API token of ${config.storeName ? `store ${config.storeName}` : 'the store'} with the scope store_v2_customers (read-only commands need store_v2_customers_read_only). The token is read only from the environment.`,
    );
  }
  return token;
}

export function requireStoreHash(config: Config): string {
  if (!config.storeHash) {
    throw new ConfigError(
      `No store hash: pass --store-hash HASH, set ${ENV_STORE_HASH}, or set storeHash in the config file (bcgroups.config.json, .bcgroupsrc or the "bcgroups" key of package.json). It is the part after /stores/ in the API path.`,
    );
  }
  return config.storeHash;
}
