import type { Problem } from '../errors.js';
import { escapeControl } from './escape.js';
import { stringifyJson } from '../text/hidden.js';

/** `file:line:col  field  message`, with a hint line where one helps: how every problem is shown. */
export function formatProblem(problem: Problem): string {
  const where = problem.folder
    ? escapeControl(problem.file)
    : `${escapeControl(problem.file)}:${problem.line}:${problem.col}`;
  const field = escapeControl(problem.field) || (problem.folder ? '(folder)' : '(file)');
  return `${where}  ${field}  ${escapeControl(problem.message)}${problem.hint ? `\n    hint: ${escapeControl(problem.hint)}` : ''}`;
}

/**
 * A problem as a GitHub workflow command, so it shows on the file in a pull request's diff. `file` is
 * relative to the repository. Escaping follows the runner: %, CR and LF everywhere, and : and , in properties.
 */
export function formatAnnotation(problem: Problem, file: string): string {
  const properties = [
    `file=${escapeProperty(file)}`,
    ...(problem.folder ? [] : [`line=${problem.line}`, `col=${problem.col}`]),
  ];
  if (problem.field) properties.push(`title=${escapeProperty(problem.field)}`);
  const message = problem.hint ? `${problem.message}\nhint: ${problem.hint}` : problem.message;
  return `::error ${properties.join(',')}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface ValidationReport {
  /** Known when the files could be read; absent when the config or a file stopped the read. */
  dir?: string;
  groups?: number;
  files?: number;
  /** The config's ignore and protect patterns; absent when the config could not be read. */
  ownership?: { ignore: readonly string[]; protect: readonly string[] };
  problems: Problem[];
}

/** `validate --format json`: format_version 1, `valid`, and every problem with file, line, col, field, message, hint. */
export function renderProblemsJson(report: ValidationReport): string {
  const document = {
    format_version: 1,
    valid: report.problems.length === 0,
    ...(report.dir === undefined ? {} : { dir: report.dir, groups: report.groups ?? 0, files: report.files ?? 0 }),
    ...(report.ownership ? { ignore: report.ownership.ignore, protect: report.ownership.protect } : {}),
    problems: report.problems.map((problem) => ({
      file: problem.file,
      line: problem.line,
      col: problem.col,
      field: problem.field,
      message: problem.message,
      hint: problem.hint ?? null,
    })),
  };
  return stringifyJson(document);
}
