// What drift says when the store changed so that no plan can be made: files pin groups by id the store no
// longer has, or the store holds a group under a name a file had before. Still drift, in each format.
import type { Problem } from '../errors.js';
import { formatProblem } from './problem.js';
import { codeSpan } from './markdown-escape.js';
import { stringifyJson } from '../text/hidden.js';

const LEADS: Record<NonNullable<Problem['code']>, string> = {
  'pin-missing':
    'Groups that the files below pin by id no longer exist in the store (deleted by hand?). Remove the pin to create the group again, or delete the file; then plan.',
  'name-taken':
    'A group in the store has the name that a file below gives the group it pins by id, but it is another group ' +
    '(renamed or made by hand?), and the store keeps names unique. Rename or delete that group in the store, or ' +
    'change the file; then plan.',
  'renamed-clash':
    'The store has a group named like one a file below used to be called (its renamed_from), besides the group ' +
    'itself (made by hand?), so bcgroups cannot tell which one the file describes. Delete or rename the extra ' +
    'group in the store, or drop that old name from renamed_from; then plan.',
};

export function renderMissingPinsAs(format: 'text' | 'json' | 'markdown', problems: readonly Problem[]): string {
  const codes = [...new Set(problems.map((problem) => problem.code ?? 'pin-missing'))];
  if (format === 'json') {
    const kind = codes.length === 1 && codes[0] === 'pin-missing' ? 'missing_pins' : 'unplannable_drift';
    return stringifyJson({ format_version: 1, kind, problems });
  }
  const leads = codes.map((code) => LEADS[code]);
  const lines = problems.map(formatProblem);
  if (format === 'markdown')
    return `## bcgroups drift\n\n> [!WARNING]\n${leads.map((lead) => `> ${lead}`).join('\n>\n')}\n\n${lines.map((line) => `- ${codeSpan(line.split('\n')[0] ?? '')}`).join('\n')}\n`;
  return `${leads.join('\n')}\n${lines.join('\n')}\n`;
}
