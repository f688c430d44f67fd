// Turning a command's words into flag values: Node's parseArgs, plus `--no-FLAG` for flags a config can
// turn on, and messages that name the flag (with a did-you-mean) instead of parseArgs' own texts.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';
import { closestName } from '../text/suggest.js';
import type { Command, CommandContext, CommandOption, CommandOptions } from './types.js';

/** Options every command takes, before or after the command's name. */
export const GLOBAL_OPTIONS: Record<string, CommandOption> = {
  config: {
    type: 'string',
    valueName: 'FILE',
    description: 'config file (default: searched from the current directory)',
  },
  'no-color': { type: 'boolean', description: 'no colour, even on a terminal (as NO_COLOR or FORCE_COLOR=0)' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
};

export function optionsOf<O extends CommandOptions>(command: Command<O>): Record<string, CommandOption> {
  return { ...GLOBAL_OPTIONS, ...command.options };
}

export function parseCommandArgs<O extends CommandOptions>(
  command: Command<O>,
  args: string[],
): Pick<CommandContext<O>, 'values' | 'positionals'> {
  const options = optionsOf(command);
  const config: ParseArgsConfig['options'] = {};
  for (const [key, option] of Object.entries(options)) {
    config[key] = option.short ? { type: option.type, short: option.short } : { type: option.type };
    if (option.negatable) config[`no-${key}`] = { type: 'boolean' };
  }
  try {
    const parsed = parseArgs({ args, options: config, allowPositionals: true, strict: true, tokens: true });
    if (parsed.positionals.length > (command.maxPositionals ?? 0)) {
      throw new UsageError(`Unexpected argument '${parsed.positionals.at(-1)}'.`);
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    // Node 20's parseArgs has no negation: the last of --flag and --no-flag wins, as on any command line.
    for (const token of parsed.tokens) {
      if (token.kind !== 'option') continue;
      const negated =
        token.name.startsWith('no-') && options[token.name.slice(3)]?.negatable ? token.name.slice(3) : undefined;
      if (negated) values[negated] = false;
      else if (options[token.name]?.negatable) values[token.name] = true;
    }
    for (const key of Object.keys(values))
      if (key.startsWith('no-') && options[key.slice(3)]?.negatable) delete values[key];
    return { values: values as CommandContext<O>['values'], positionals: parsed.positionals };
  } catch (error) {
    const message = describeParseError(command, options, error);
    throw new UsageError(`${message}\nRun 'bcgroups ${command.name} --help' for its flags.`);
  }
}

/** Every flag a command accepts, as typed: --name, --no-name, -x. */
export function flagsOf(options: Record<string, CommandOption>): string[] {
  return Object.entries(options).flatMap(([key, option]) => [
    `--${key}`,
    ...(option.negatable ? [`--no-${key}`] : []),
    ...(option.short ? [`-${option.short}`] : []),
  ]);
}

/** "Did you mean '--prune'?" with a trailing space, or nothing. */
export function suggestFlag(flag: string, options: Record<string, CommandOption>): string {
  const near = closestName(
    flag,
    flagsOf(options).filter((candidate) => candidate.startsWith('--')),
  );
  return near ? ` Did you mean '${near}'?` : '';
}

/** Node's parseArgs texts speak of positionals and '--' quoting; users need the flag and what is wrong with it. */
function describeParseError<O extends CommandOptions>(
  command: Command<O>,
  options: Record<string, CommandOption>,
  error: unknown,
): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'(-[^'\s]*)'/.exec(message)?.[1];
    return flag
      ? `Unknown flag '${flag}' for 'bcgroups ${command.name}'.${suggestFlag(flag, options)}`
      : `Unknown flag for 'bcgroups ${command.name}'.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--[\w-]+/.exec(message)?.[0] ?? 'This flag';
    if (message.includes('does not take an argument')) return `${flag} takes no value.`;
    // "--out -p.json": the value may be meant, but starts with a dash.
    if (message.includes('ambiguous'))
      return `${flag} needs a value; to give one that starts with a dash, write ${flag}=-VALUE.`;
    return `${flag} needs a value.`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1];
    return `'bcgroups ${command.name}' takes no argument${argument === undefined ? '' : ` (found '${argument}')`}.`;
  }
  return message;
}
