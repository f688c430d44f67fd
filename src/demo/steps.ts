// A demo is a list of CLI runs, each printed with the exit code it is expected to end with.
import { runCli } from '../cli/main.js';
import type { Io } from '../cli/io.js';

export interface Step {
  title: string;
  argv: string[];
  expect: number;
  before?: () => Promise<void>;
}

/** Runs every step against `stepIo`, printing to `io`; returns how many exited otherwise than expected. */
export async function runSteps(io: Io, stepIo: Io, steps: readonly Step[], first = 1): Promise<number> {
  let failures = 0;
  for (const [index, step] of steps.entries()) {
    await step.before?.();
    io.stdout.write(`\n━━ ${index + first}. ${step.title}\n$ bcgroups ${step.argv.join(' ')}\n\n`);
    const code = await runCli(step.argv, stepIo);
    const ok = code === step.expect;
    if (!ok) failures += 1;
    io.stdout.write(`\n(exit ${code}${ok ? '' : `, expected ${step.expect}`})\n`);
  }
  return failures;
}
