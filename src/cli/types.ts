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

export type CommandOptions = Record<string, CommandOption>;

/** The value of each declared flag as parsed: a string flag gives text, a boolean flag true or false. */
export type FlagValues<O extends CommandOptions> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K]['type'] extends 'string' ? string : string | boolean;
};

/** Flags every command takes (see GLOBAL_OPTIONS). */
export type GlobalFlagValues = { config?: string; 'no-color'?: boolean; help?: boolean };

export interface CommandContext<O extends CommandOptions = CommandOptions> {
  values: FlagValues<O> & GlobalFlagValues;
  positionals: string[];
  io: Io;
}

export interface Command<O extends CommandOptions = CommandOptions> {
  name: string;
  summary: string;
  /** Positional arguments as shown in usage, e.g. "[PLANFILE]". */
  positionals?: string;
  maxPositionals?: number;
  /** Declared once: --help, the parser and the types of `ctx.values` all read this. */
  options: O;
  /** Never talks to a store, so its errors do not reassure that nothing was sent. */
  offline?: boolean;
  /** Returns the exit code; cli/main.ts is the only place that sets it on the process. */
  run(ctx: CommandContext<O>): Promise<number>;
}

/** A command whose `run` sees its own flags typed, from the one declaration of its options. */
export function defineCommand<const O extends CommandOptions>(command: Command<O>): Command<O> {
  return command;
}
