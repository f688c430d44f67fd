import { appendFile } from 'node:fs/promises';
import type { Io } from './io.js';
import { describeWriteFault } from '../text/file-fault.js';

/**
 * On GitHub Actions, plan, apply and drift add their markdown to the job's summary page themselves. The
 * summary is a courtesy: failing to write it is a warning and never changes the run's exit code. The
 * markdown is rendered only there: a plan of thousands of changes takes a while to render.
 */
export async function appendStepSummary(io: Io, render: () => string): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    await appendFile(file, `${render().trimEnd()}\n\n`, 'utf8');
  } catch (error) {
    io.stderr.write(`Warning: no step summary: ${describeWriteFault(error, file)}. The run itself is not affected.\n`);
  }
}
