// What `bcgroups --help`, `bcgroups help COMMAND` and `bcgroups COMMAND --help` print.
import { VERSION } from '../version.js';
import { GLOBAL_OPTIONS } from './args.js';
import { commands } from './commands/index.js';
import type { Command, CommandOption } from './types.js';

/** Flags only `bcgroups` itself takes, before any command. */
export const MAIN_OPTIONS: Record<string, CommandOption> = {
  version: { type: 'boolean', short: 'V', description: 'print the version (-v works too)' },
};

function renderOptions(options: Record<string, CommandOption>): string {
  const rows = Object.entries(options).map(([key, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${key}${option.type === 'string' ? ` ${option.valueName ?? 'VALUE'}` : ''}`;
    const fallback = option.default === undefined ? '' : ` (default: ${String(option.default)})`;
    return [flag, `${option.description}${fallback}`] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`).join('\n');
}

/** Said in the help of every command that talks to a store, so nobody has to guess where the token goes. */
export const TOKEN_HELP =
  'Token: read from BIGCOMMERCE_ACCESS_TOKEN (or the variable accessTokenEnv names); a store named in the config reads BIGCOMMERCE_ACCESS_TOKEN_<NAME>. Never from a file or a flag.';

export function renderCommandHelp(command: Command): string {
  const usage = `bcgroups ${command.name}${command.positionals ? ` ${command.positionals}` : ''} [flags]`;
  const token = !command.offline && 'store' in command.options ? `\n${TOKEN_HELP}\n` : '';
  return `${command.summary}\n\nUsage: ${usage}\n${token}\nFlags:\n${renderOptions({ ...command.options, ...GLOBAL_OPTIONS })}\n`;
}

export function renderMainHelp(): string {
  const width = Math.max(0, ...commands.map((c) => c.name.length), 'help'.length);
  const list = [
    ...commands.map((c) => [c.name, c.summary] as const),
    ['help', "Show a command's flags and their defaults: bcgroups help COMMAND."] as const,
  ]
    .map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`)
    .join('\n');
  return [
    `bcgroups ${VERSION}: customer groups of a BigCommerce store, managed as code.`,
    '',
    'Usage: bcgroups [global flags] <command> [flags]',
    '',
    'Commands:',
    list,
    '',
    'Global flags (before or after the command):',
    renderOptions(GLOBAL_OPTIONS),
    '',
    'Flags of bcgroups alone:',
    renderOptions(MAIN_OPTIONS),
    '',
    "Run 'bcgroups help <command>' (or 'bcgroups <command> --help') for a command's flags and their defaults.",
    'Through npx, put every flag after the command (npx --no bcgroups plan --config ci.yaml): npx takes flags before it.',
    'Colour: only on a terminal; FORCE_COLOR=1 forces it, NO_COLOR, FORCE_COLOR=0 or --no-color turn it off.',
    'Exit codes: 0 ok, 1 error, 2 changes or drift found, 3 refused by a safety check, 4 apply failed, 5 stale plan.',
    '',
  ].join('\n');
}
