import { appendFile, stat } from 'node:fs/promises';
import type { Io } from './io.js';
import { describeWriteFault } from '../text/file-fault.js';

/** Where a shortened plan sends the reader: the markdown on stdout is a comment, the summary is the fuller copy. */
export const COMMENT_FULL_AT = 'the run summary, and the saved plan file (the bcgroups-plan artifact in the workflows)';
export const SUMMARY_FULL_AT =
  'the saved plan file (plan --out; the bcgroups-plan artifact in the workflows) and `bcgroups plan --format json`';

/** GitHub drops a step's summary past 1 MiB, so a summary that big would show the reviewer nothing at all. */
export const STEP_SUMMARY_BYTES = 1024 * 1024;

/**
 * On GitHub Actions, plan, apply and drift add their markdown to the job's summary page themselves, shortened
 * to what the step has left of GitHub's limit (`render` gets that many bytes). The summary is a courtesy:
 * failing to write it is a warning and never changes the run's exit code.
 */
export async function appendStepSummary(io: Io, render: (maxBytes: number) => string): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    // Earlier output of the same step counts against the same limit; 2 bytes for the blank line after.
    const used = (await stat(file).catch(() => undefined))?.size ?? 0;
    const markdown = render(Math.max(0, STEP_SUMMARY_BYTES - used - 2));
    await appendFile(file, `${markdown.trimEnd()}\n\n`, 'utf8');
  } catch (error) {
    io.stderr.write(`Warning: no step summary: ${describeWriteFault(error, file)}. The run itself is not affected.\n`);
  }
}
