#!/usr/bin/env node
// Argument parsing and dispatch; the only place that turns errors into exit codes.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GLOBAL_OPTIONS, parseCommandArgs, suggestFlag } from './args.js';
import { renderCommandHelp, renderMainHelp } from './help.js';
import { commands } from './commands/index.js';
import type { Command } from './types.js';
import {
  BcgroupsError,
  PlanError,
  RefusedPlanError,
  StalePlanError,
  UsageError,
  ValidationError,
  EXIT,
} from '../errors.js';
import { processIo, withoutColor, type Io, type Output } from './io.js';
import { findSecrets, redactSecrets } from '../text/redact.js';
import { escapeControlKeepLines } from '../render/escape.js';
import { formatProblem } from '../render/problem.js';
import { writeAnnotations } from './annotations.js';
import { closestName } from '../text/suggest.js';
import { VERSION } from '../version.js';

export { formatProblem };
export { EXIT } from '../errors.js';

interface Invocation {
  /** What bcgroups alone was asked for, or the command to run with its words. */
  action: 'help' | 'version' | 'usage' | Command;
  args: string[];
}

export async function runCli(argv: string[], rawIo: Io): Promise<number> {
  const io = withRedactedOutput(rawIo);
  try {
    const invocation = readInvocation(argv);
    if (invocation.action === 'usage' || invocation.action === 'help') {
      io.stdout.write(renderMainHelp());
      return invocation.action === 'usage' ? EXIT.error : EXIT.ok;
    }
    if (invocation.action === 'version') {
      io.stdout.write(`bcgroups ${VERSION}\n`);
      return EXIT.ok;
    }
    const command = invocation.action;
    const parsed = parseCommandArgs(command, invocation.args);
    if (parsed.values.help) {
      io.stdout.write(renderCommandHelp(command));
      return EXIT.ok;
    }
    const runIo = parsed.values['no-color'] ? withoutColor(io) : io;
    return await command
      .run({ ...parsed, io: runIo })
      .catch((error: unknown) => reportError(error, runIo, command.offline === true));
  } catch (error) {
    return reportError(error, io);
  }
}

/**
 * Whatever a command prints (a config file that throws, a server's echo, a problem quoting a file, in any
 * format) may hold a token: each write to stdout or stderr loses the values of the token variables, whole
 * and in parts.
 */
function withRedactedOutput(io: Io): Io {
  const tokenEnvNames = io.tokenEnvNames ?? new Set<string>();
  const redacted = (output: Output): Output => ({
    write: (text) => output.write(redactSecrets(text, findSecrets(io.env, tokenEnvNames))),
    isTTY: output.isTTY,
  });
  return { ...io, tokenEnvNames, stdout: redacted(io.stdout), stderr: redacted(io.stderr) };
}

/**
 * Global flags may come before the command (`bcgroups --config x.json plan`); they are handed on to the
 * command's own parser, where they are also accepted after its name.
 */
function readInvocation(argv: string[]): Invocation {
  const global: string[] = [];
  let index = 0;
  for (; index < argv.length; index++) {
    const word = argv[index] ?? '';
    if (!word.startsWith('-')) break;
    if (word === '--help' || word === '-h') return { action: 'help', args: [] };
    if (word === '--version' || word === '-V' || word === '-v') return { action: 'version', args: [] };
    if (word === '--no-color' || word.startsWith('--config=')) {
      global.push(word);
    } else if (word === '--config') {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('-'))
        throw new UsageError('--config needs a value: bcgroups --config FILE <command>.');
      global.push(word, value);
      index++;
    } else {
      const near = suggestFlag(word, { ...GLOBAL_OPTIONS, version: { type: 'boolean', description: '' } });
      throw new UsageError(
        `Unknown flag '${word}' before the command.${near} A command's own flags go after its name, e.g. 'bcgroups plan --prune'.`,
      );
    }
  }
  const name = argv[index];
  if (name === undefined) return { action: 'usage', args: [] };
  const rest = argv.slice(index + 1);
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { action: 'help', args: [] };
    return { action: findCommand(topic), args: ['--help'] };
  }
  return { action: findCommand(name), args: [...global, ...rest] };
}

function findCommand(name: string): Command {
  const command = commands.find((c) => c.name === name);
  if (command) return command;
  const near = closestName(
    name,
    commands.map((c) => c.name),
  );
  throw new UsageError(
    `Unknown command '${name}'.${near ? ` Did you mean '${near}'?` : ''} Run 'bcgroups --help' for the list of commands.`,
  );
}

function reportError(error: unknown, io: Io, offline = false): number {
  if (error instanceof ValidationError || (error instanceof PlanError && error.problems.length > 0)) {
    const problems = error instanceof ValidationError ? error.problems : (error as PlanError).problems;
    writeAnnotations(io, problems);
    io.stderr.write(
      `${problems.map(formatProblem).join('\n')}\n\n${error.message}.${offline ? '' : ' Nothing was sent to the store.'}\n`,
    );
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

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** The installed command's run; the process's Io itself may fail (a deleted working folder). */
async function runFromProcess(argv: string[]): Promise<number> {
  let io: Io;
  try {
    io = processIo();
  } catch (error) {
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.error;
  }
  return runCli(argv, io);
}

if (isMain()) {
  process.exitCode = await runFromProcess(process.argv.slice(2));
}
