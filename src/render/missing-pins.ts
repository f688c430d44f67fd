// What drift says when files pin groups by id that the store no longer has: no plan can be made, but
// the report is still drift, in each format drift speaks.
import type { Problem } from '../errors.js';
import { formatProblem } from './problem.js';
import { codeSpan } from './markdown-escape.js';
import { stringifyJson } from '../text/hidden.js';

const LEAD =
  'Groups that the files below pin by id no longer exist in the store (deleted by hand?). Remove the pin to create the group again, or delete the file; then plan.';

export function renderMissingPinsAs(format: 'text' | 'json' | 'markdown', problems: readonly Problem[]): string {
  if (format === 'json') return stringifyJson({ format_version: 1, kind: 'missing_pins', problems });
  const lines = problems.map(formatProblem);
  if (format === 'markdown')
    return `## bcgroups drift\n\n> [!WARNING]\n> ${LEAD}\n\n${lines.map((line) => `- ${codeSpan(line.split('\n')[0] ?? '')}`).join('\n')}\n`;
  return `${LEAD}\n${lines.join('\n')}\n`;
}
