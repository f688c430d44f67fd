// Flags several commands share, and the one way a command turns its flags into a Config.
import { loadConfig, type ConfigOverrides } from '../config.js';
import { loadDesired, type DesiredState } from '../desired/index.js';
import { UsageError } from '../errors.js';
import type { Config } from '../model.js';
import type { CommandContext, CommandOption } from './types.js';

export const DIR_OPTION: CommandOption = {
  type: 'string',
  valueName: 'DIR',
  default: 'groups',
  description: 'folder of group files (or groupsDir in the config)',
};

/** Loads the config the way every command does: cwd and env of the Io, --config, --dir. */
export async function resolveConfig(ctx: CommandContext, overrides: ConfigOverrides = {}): Promise<Config> {
  const dir = stringFlag(ctx, 'dir');
  const configFile = stringFlag(ctx, 'config');
  return loadConfig({
    cwd: ctx.io.cwd,
    env: ctx.io.env,
    ...(configFile === undefined ? {} : { configFile }),
    overrides: { ...(dir === undefined ? {} : { groupsDir: dir }), ...overrides },
  });
}

/** The desired state under config.groupsDir, relative to the command's cwd (messages keep it relative). */
export function loadDesiredFor(ctx: CommandContext, config: Config): Promise<DesiredState> {
  return loadDesired(config.groupsDir, { cwd: ctx.io.cwd });
}

/** The value of a string flag; an empty value is a usage error rather than a silent default. */
export function stringFlag(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.values[name];
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (value.trim() === '') throw new UsageError(`--${name} needs a value.`);
  return value;
}
