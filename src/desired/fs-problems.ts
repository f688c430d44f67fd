// What a failed file-system call means for a path of groups/, said so a person knows what to do.
import type { Problem } from '../errors.js';
import { errnoOf, fsFaultOf } from '../text/errno.js';

export function pathProblem(file: string, message: string, hint: string, what: 'file' | 'folder' = 'file'): Problem {
  return { file, line: 1, col: 1, field: '', message, hint, ...(what === 'folder' ? { folder: true as const } : {}) };
}

/** A problem for an error of stat, readdir, open or read on `file`; never the raw stack. */
export function fsErrorProblem(file: string, error: unknown, what: 'file' | 'folder' = 'file'): Problem {
  switch (fsFaultOf(error)) {
    case 'missing':
      return pathProblem(
        file,
        `${what} not found, or a symlink that points to nothing`,
        'point the symlink at an existing file or folder, or remove it',
        what,
      );
    case 'denied':
      return pathProblem(
        file,
        `permission denied reading this ${what}`,
        `give your user read access (chmod u+r${what === 'folder' ? 'x' : ''}) or move it out of the groups folder`,
        what,
      );
    case 'loop':
      return pathProblem(
        file,
        'symlink loop: the links point at each other without reaching a file',
        'point the symlink at a real file or folder, or remove it',
        what,
      );
    case 'too_long':
      return pathProblem(
        file,
        'path is too long for the file system',
        'use shorter folder or file names, or a groups folder closer to the root',
        what,
      );
    case 'not_a_folder':
      return pathProblem(
        file,
        'a part of this path is a file, not a folder',
        'check the path: every part but the last must be a folder',
        what,
      );
    default:
      return pathProblem(
        file,
        `cannot read this ${what} (${errnoOf(error) ?? String(error)})`,
        'check that the path exists and is readable',
        what,
      );
  }
}
