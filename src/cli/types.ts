import type { Io } from './io.js';

export interface CommandOption {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in --help; the value used when neither flag nor config gives one. */
  default?: string | boolean;
  /** Placeholder for a string value in --help ("DIR", "N"). */
  valueName?: string;
  /** A boolean the config can turn on also takes `--no-NAME`, so one run can turn it off. */
  negatable?: boolean;
  description: string;
}

export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  io: Io;
}

export interface Command {
  name: string;
  summary: string;
  /** Positional arguments as shown in usage, e.g. "[PLANFILE]". */
  positionals?: string;
  maxPositionals?: number;
  options: Record<string, CommandOption>;
  /** Never talks to a store, so its errors do not reassure that nothing was sent. */
  offline?: boolean;
  /** Returns the exit code; cli/main.ts is the only place that sets it on the process. */
  run(ctx: CommandContext): Promise<number>;
}
