import type { Command } from './types.js';

/** Every command, in the order --help lists them (the lifecycle order). */
export const commands: Command[] = [];
