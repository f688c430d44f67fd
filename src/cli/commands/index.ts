import { applyCommand } from './apply.js';
import { driftCommand } from './drift.js';
import { importCommand } from './import.js';
import { initCommand } from './init.js';
import { planCommand } from './plan.js';
import { sandboxCommand } from './sandbox.js';
import { showCommand } from './show.js';
import type { Command } from '../types.js';
import { validateCommand } from './validate.js';

/** Every command, in the order --help lists them (the lifecycle order). */
export const commands: Command[] = [
  initCommand,
  validateCommand,
  planCommand,
  applyCommand,
  showCommand,
  driftCommand,
  importCommand,
  sandboxCommand,
];
