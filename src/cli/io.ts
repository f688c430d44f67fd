// Where a command writes and what it may read of its environment. Commands never touch `process`
// directly, so tests and the demo run them in-process and read exactly what a user would see.
import { UsageError } from '../errors.js';

export interface Output {
  write(text: string): void;
  /** True on an interactive terminal: colour, live progress and prompts only then. */
  readonly isTTY: boolean;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Asks a yes/no question on an interactive terminal; undefined when there is none. */
  confirm?: (question: string) => Promise<boolean>;
  /** Variables that hold a token (accessTokenEnv, once the config names it): stderr never shows their values. */
  tokenEnvNames?: Set<string>;
}

/** The folder the run was started in; one deleted under the shell has none, and that is said in words. */
export function readWorkingFolder(): string {
  try {
    return process.cwd();
  } catch {
    throw new UsageError(
      'The current folder no longer exists (it was deleted or moved after the shell entered it): cd into the project folder and run bcgroups again.',
    );
  }
}

export function processIo(): Io {
  return {
    stdout: streamOutput(process.stdout),
    stderr: streamOutput(process.stderr),
    env: process.env,
    cwd: readWorkingFolder(),
    confirm: process.stdin.isTTY ? askOnTerminal : undefined,
  };
}

/**
 * A reader that went away (`bcgroups plan | head -1`) closes the pipe: later writes are dropped quietly
 * instead of raising EPIPE, and the run finishes with its own exit code (an apply never stops half-way).
 */
function streamOutput(stream: NodeJS.WriteStream): Output {
  let closed = false;
  stream.on('error', () => {
    closed = true;
  });
  return {
    write: (text) => {
      if (!closed && !stream.destroyed) stream.write(text);
    },
    isTTY: Boolean(stream.isTTY),
  };
}

async function askOnTerminal(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} Only 'yes' will be accepted: `);
    return answer.trim() === 'yes';
  } finally {
    rl.close();
  }
}

/** An Io that collects everything written, for tests and the demo. */
export function memoryIo(
  options: Partial<Omit<Io, 'stdout' | 'stderr'>> & { tty?: boolean } = {},
): Io & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (text) => void out.push(text), isTTY: options.tty ?? false },
    stderr: { write: (text) => void err.push(text), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    confirm: options.confirm,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/**
 * Colour on a terminal unless NO_COLOR is set (https://no-color.org) or TERM is dumb. FORCE_COLOR wins over
 * both, either way, as in Node itself: 0 or false turns colour off even on a terminal, any other value on.
 */
export function useColor(io: Io, stream: Output = io.stdout): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

/** The same Io with colour off whatever the environment says: what `--no-color` means. */
export function withoutColor(io: Io): Io {
  return { ...io, env: { ...io.env, FORCE_COLOR: '0' } };
}
