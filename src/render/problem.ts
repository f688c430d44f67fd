import type { Problem } from '../errors.js';
import { escapeControl } from './escape.js';

/** `file:line:col  field  message`, with a hint line where one helps: how every problem is shown. */
export function formatProblem(problem: Problem): string {
  const where = `${escapeControl(problem.file)}:${problem.line}:${problem.col}`;
  const field = escapeControl(problem.field) || '(file)';
  return `${where}  ${field}  ${escapeControl(problem.message)}${problem.hint ? `\n    hint: ${escapeControl(problem.hint)}` : ''}`;
}
