// Where a command writes and what it may read of its environment. Commands never touch `process`
// directly, so tests and the demo run them in-process and read exactly what a user would see.

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
}

export function processIo(): Io {
  return {
    stdout: { write: (text) => void process.stdout.write(text), isTTY: Boolean(process.stdout.isTTY) },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: Boolean(process.stderr.isTTY) },
    env: process.env,
    cwd: process.cwd(),
    confirm: process.stdin.isTTY ? askOnTerminal : undefined,
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
export function memoryIo(options: Partial<Omit<Io, 'stdout' | 'stderr'>> & { tty?: boolean } = {}): Io & { out: () => string; err: () => string } {
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

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(io: Io, stream: Output = io.stdout): boolean {
  return stream.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}
