import { appendFile } from 'node:fs/promises';
import type { Io } from '../io.js';

/** On GitHub Actions, plan, apply and drift add their markdown to the job's summary page themselves. */
export async function appendStepSummary(io: Io, markdown: string): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  await appendFile(file, `${markdown.trimEnd()}\n\n`, 'utf8');
}
