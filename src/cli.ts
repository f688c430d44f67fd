#!/usr/bin/env node
// Argument parsing and dispatch; the only place that turns errors into exit codes.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commands } from './commands/index.js';
import type { Command, CommandOption } from './commands/types.js';
import { BcgroupsError, PlanError, RefusedPlanError, StalePlanError, UsageError, ValidationError } from './errors.js';
import { EXIT } from './exit.js';
import { processIo, type Io } from './io.js';
import { escapeControlKeepLines } from './render/escape.js';
import { formatProblem } from './render/problem.js';

export { formatProblem };
import { VERSION } from './version.js';

export { EXIT } from './exit.js';

/** Options every command takes. */
const GLOBAL_OPTIONS: Record<string, CommandOption> = {
  config: { type: 'string', valueName: 'FILE', description: 'config file (default: searched from the current directory)' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
};

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(renderMainHelp());
    return name === undefined ? EXIT.error : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`bcgroups ${VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`Unknown command '${name}'. Run 'bcgroups --help' for the list of commands.\n`);
    return EXIT.error;
  }
  try {
    const options = { ...GLOBAL_OPTIONS, ...command.options };
    const parsed = parseCommandArgs(command, options, rest);
    if (parsed.values.help) {
      io.stdout.write(renderCommandHelp(command));
      return EXIT.ok;
    }
    return await command.run({ values: parsed.values, positionals: parsed.positionals, io });
  } catch (error) {
    return reportError(error, io);
  }
}

function parseCommandArgs(command: Command, options: Record<string, CommandOption>, args: string[]) {
  const config: ParseArgsConfig['options'] = {};
  for (const [key, option] of Object.entries(options)) {
    config[key] = option.short ? { type: option.type, short: option.short } : { type: option.type };
  }
  try {
    const parsed = parseArgs({ args, options: config, allowPositionals: true, strict: true });
    if (parsed.positionals.length > (command.maxPositionals ?? 0)) {
      throw new UsageError(`Unexpected argument '${parsed.positionals.at(-1)}'.`);
    }
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    const message = describeParseError(command, error);
    throw new UsageError(`${message}\nRun 'bcgroups ${command.name} --help' for its flags.`);
  }
}

/** Node's parseArgs texts speak of positionals and '--' quoting; users need the flag and what is wrong with it. */
function describeParseError(command: Command, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'(-[^'\s]*)'/.exec(message)?.[1];
    return flag ? `Unknown flag '${flag}' for 'bcgroups ${command.name}'.` : `Unknown flag for 'bcgroups ${command.name}'.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--[\w-]+/.exec(message)?.[0] ?? 'This flag';
    if (message.includes('does not take an argument')) return `${flag} takes no value.`;
    // "--out -p.json": the value may be meant, but starts with a dash.
    if (message.includes('ambiguous')) return `${flag} needs a value; to give one that starts with a dash, write ${flag}=-VALUE.`;
    return `${flag} needs a value.`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1];
    return `'bcgroups ${command.name}' takes no argument${argument === undefined ? '' : ` (found '${argument}')`}.`;
  }
  return message;
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof ValidationError || (error instanceof PlanError && error.problems.length > 0)) {
    const problems = error instanceof ValidationError ? error.problems : (error as PlanError).problems;
    io.stderr.write(`${problems.map(formatProblem).join('\n')}\n\n${error.message}. Nothing was sent to the store.\n`);
    return EXIT.error;
  }
  // Both messages are whole paragraphs that say what to run next; no "Error:" in front.
  if (error instanceof StalePlanError || error instanceof RefusedPlanError) {
    io.stderr.write(`${escapeControlKeepLines(error.message)}\n`);
    return error instanceof StalePlanError ? EXIT.stale : EXIT.refused;
  }
  if (error instanceof BcgroupsError) {
    io.stderr.write(`Error: ${escapeControlKeepLines(error.message)}\n`);
    return EXIT.error;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`Unexpected error (please report it): ${escapeControlKeepLines(message)}\n`);
  return EXIT.error;
}

function renderOptions(options: Record<string, CommandOption>): string {
  const rows = Object.entries(options).map(([key, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${key}${option.type === 'string' ? ` ${option.valueName ?? 'VALUE'}` : ''}`;
    const fallback = option.default === undefined ? '' : ` (default: ${String(option.default)})`;
    return [flag, `${option.description}${fallback}`] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`).join('\n');
}

export function renderCommandHelp(command: Command): string {
  const usage = `bcgroups ${command.name}${command.positionals ? ` ${command.positionals}` : ''} [flags]`;
  return `${command.summary}\n\nUsage: ${usage}\n\nFlags:\n${renderOptions({ ...command.options, ...GLOBAL_OPTIONS })}\n`;
}

export function renderMainHelp(): string {
  const width = Math.max(0, ...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return [
    `bcgroups ${VERSION}: customer groups of a BigCommerce store, managed as code.`,
    '',
    'Usage: bcgroups <command> [flags]',
    '',
    'Commands:',
    list,
    '',
    'Global flags:',
    renderOptions(GLOBAL_OPTIONS),
    '',
    "Run 'bcgroups <command> --help' for a command's flags and their defaults.",
    'Exit codes: 0 ok, 1 error, 2 changes or drift found, 3 refused by a safety check, 4 apply failed, 5 stale plan.',
    '',
  ].join('\n');
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  process.exitCode = await runCli(process.argv.slice(2), processIo());
}
