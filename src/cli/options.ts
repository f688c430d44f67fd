// Flags several commands share, and the one way a command turns its flags into a Config.
import { DEFAULT_CONFIG, loadConfig, selectStore, type ConfigOverrides, type StorePick } from '../config/index.js';
import type { DesiredState } from '../desired/index.js';
import { UsageError } from '../errors.js';
import type { Config } from '../model/index.js';
import { FORMATS, type Format } from '../render/index.js';
import { count, folderLabel } from '../text/words.js';
import type { Io } from './io.js';
import type { CommandContext, CommandOption } from './types.js';

export const DIR_OPTION = {
  type: 'string',
  valueName: 'DIR',
  default: DEFAULT_CONFIG.groupsDir,
  description: 'folder of group files (or groupsDir in the config)',
} as const satisfies CommandOption;

export const FORMAT_OPTION = {
  type: 'string',
  valueName: 'FORMAT',
  default: 'text',
  description: 'text, json or markdown',
} as const satisfies CommandOption;

export const PRUNE_OPTION = {
  type: 'boolean',
  negatable: true,
  default: DEFAULT_CONFIG.prune,
  description: 'delete live groups that no file describes (or prune: true in the config; --no-prune turns it off)',
} as const satisfies CommandOption;

export const FORCE_OPTION = {
  type: 'boolean',
  default: false,
  description: 'override the safety thresholds for this run',
} as const satisfies CommandOption;

/** Which store to talk to, for the commands that do; flags win over the environment and the config. */
export const STORE_OPTIONS = {
  store: {
    type: 'string',
    valueName: 'NAME',
    description: 'which of the stores named in the config (or BCGROUPS_STORE)',
  },
  'store-hash': {
    type: 'string',
    valueName: 'HASH',
    description: 'store hash (or BIGCOMMERCE_STORE_HASH, or storeHash in the config)',
  },
  'api-url': {
    type: 'string',
    valueName: 'URL',
    default: DEFAULT_CONFIG.apiUrl,
    description: 'API base URL (or BIGCOMMERCE_API_URL, or apiUrl in the config)',
  },
} as const satisfies Record<string, CommandOption>;

/** The reads of the store around the groups, for plan, apply and drift; each skips one kind of read. */
export const READ_OPTIONS = {
  'no-catalog': {
    type: 'boolean',
    default: false,
    description: 'do not read category, product and price list names (or catalog: false in the config)',
  },
  'no-customers': {
    type: 'boolean',
    default: false,
    description:
      'do not count the customers of changed groups; deletes then need --force (or customers: false in the config)',
  },
} as const satisfies Record<string, CommandOption>;

/** The flags these helpers read, whichever of them a command declares. */
type SharedFlags = Partial<Record<string, string | boolean>>;
export type Ctx = { values: SharedFlags; io: Io };

/** The --format flag, one of `allowed`. */
export function readFormat(ctx: Ctx, allowed: readonly Format[] = FORMATS): Format {
  const format = stringFlag(ctx, 'format') ?? 'text';
  if (!(allowed as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${allowed.join(', ')}; got '${format}'.`);
  return format as Format;
}

/** --prune or --no-prune, when given, over the config's prune. */
export function pruneOverride(ctx: Ctx): ConfigOverrides {
  const prune = ctx.values.prune;
  return typeof prune === 'boolean' ? { prune } : {};
}

/** A whole-number flag; its range is checked with the config's schema like any other setting. */
export function integerFlag(ctx: Ctx, name: string): number | undefined {
  const raw = stringFlag(ctx, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number; got '${raw}'.`);
  return Number(raw);
}

/** Loads the config the way every command does: cwd and env of the Io, --config, --dir, --store-hash, --api-url. */
export async function resolveConfig(ctx: Ctx, overrides: ConfigOverrides = {}): Promise<Config> {
  const configFile = stringFlag(ctx, 'config');
  return loadConfig({
    cwd: ctx.io.cwd,
    env: ctx.io.env,
    ...(configFile === undefined ? {} : { configFile }),
    overrides: { ...resolveOverrides(ctx), ...overrides },
    ...(ctx.io.tokenEnvNames ? { tokenEnvNames: ctx.io.tokenEnvNames } : {}),
  });
}

/** The settings the shared flags give: --dir, --store-hash, --api-url, --no-catalog, --no-customers. */
export function resolveOverrides(ctx: Ctx): ConfigOverrides {
  const flags: ConfigOverrides = {};
  const dir = stringFlag(ctx, 'dir');
  const storeHash = stringFlag(ctx, 'store-hash');
  const apiUrl = stringFlag(ctx, 'api-url');
  if (dir !== undefined) flags.groupsDir = dir;
  if (storeHash !== undefined) flags.storeHash = storeHash;
  if (apiUrl !== undefined) flags.apiUrl = apiUrl;
  if (ctx.values['no-catalog'] === true) flags.catalog = false;
  if (ctx.values['no-customers'] === true) flags.customers = false;
  return flags;
}

export const MARKDOWN_LIMIT_OPTION = {
  type: 'string',
  valueName: 'BYTES',
  description: 'with --format markdown: at most BYTES, cut between whole changes with a note (a PR comment)',
} as const satisfies CommandOption;

/** --markdown-limit BYTES: only markdown is shortened, so with another format it is a usage error. */
export function readMarkdownLimit(ctx: Ctx, format: Format): number | undefined {
  const limit = integerFlag(ctx, 'markdown-limit');
  if (limit === undefined) return undefined;
  if (format !== 'markdown') throw new UsageError('--markdown-limit shortens markdown: use it with --format markdown.');
  if (limit < 2048) throw new UsageError(`--markdown-limit must be at least 2048 bytes; got ${limit}.`);
  return limit;
}

/** --store, else BCGROUPS_STORE: which store of the config a run picks. */
export function storePick(ctx: Ctx): StorePick {
  return { flag: stringFlag(ctx, 'store'), env: ctx.io.env };
}

/** The config of the one store a command works on: --store, else BCGROUPS_STORE, else the only one. */
export async function resolveStoreConfig(ctx: Ctx, overrides: ConfigOverrides = {}): Promise<Config> {
  return selectStore(await resolveConfig(ctx, overrides), storePick(ctx));
}

/** An empty folder is allowed (a store can be taken over group by group), but it is said plainly. */
export function noteEmptyFolder(
  ctx: Pick<CommandContext, 'io'>,
  config: Pick<Config, 'groupsDir' | 'prune'>,
  desired: DesiredState,
  liveGroups: number,
): void {
  if (desired.files.length > 0) return;
  const consequence = config.prune
    ? `with prune on, all ${count(liveGroups, 'live group')} would be deleted`
    : `every live group is unmanaged (${count(liveGroups, 'group')}); run \`bcgroups import\` to write a file for each`;
  ctx.io.stderr.write(`Note: no group files in ${folderLabel(config.groupsDir)}: ${consequence}.\n`);
}

/** The value of a string flag; an empty value is a usage error rather than a silent default. */
export function stringFlag(ctx: Ctx, name: string): string | undefined {
  const value = ctx.values[name];
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (value.trim() === '') throw new UsageError(`--${name} needs a value.`);
  return value;
}
