// On GitHub Actions, problems are also workflow annotations; the runner reads them from stderr as well as
// stdout, and stderr keeps a JSON or markdown stdout clean.
import path from 'node:path';
import type { Problem } from '../errors.js';
import type { Io } from './io.js';
import { formatAnnotation } from '../render/problem.js';

export function writeAnnotations(io: Io, problems: Problem[]): void {
  if (io.env.GITHUB_ACTIONS !== 'true' || problems.length === 0) return;
  // Annotations name files from the repository's root, which a run from a subfolder does not share.
  const root = io.env.GITHUB_WORKSPACE ?? io.cwd;
  const lines = problems.map((problem) =>
    formatAnnotation(problem, toPosix(path.relative(root, path.resolve(io.cwd, problem.file)))),
  );
  io.stderr.write(`${lines.join('\n')}\n`);
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
