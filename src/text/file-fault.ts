// Why a file could not be written or read, in words that name the path and what to do instead of an errno.
import { errnoOf, fsFaultOf } from '../text/errno.js';

/** "the folder plans does not exist" and the like, for `--out FILE` and $GITHUB_STEP_SUMMARY alike. */
export function describeWriteFault(error: unknown, file: string): string {
  switch (fsFaultOf(error)) {
    case 'missing':
      return `cannot write ${file}: its folder does not exist (create the folder first, or choose another path)`;
    case 'not_a_folder':
      return `cannot write ${file}: part of the path is a file, not a folder (choose another path)`;
    case 'is_a_folder':
      return `cannot write ${file}: it is a folder (give a file name, e.g. ${file.replace(/\/+$/, '')}/plan.json)`;
    case 'denied':
      return `cannot write ${file}: permission denied (choose a writable path, or fix the permissions)`;
    case 'read_only':
      return `cannot write ${file}: the file system is read-only (choose a writable path)`;
    case 'too_long':
      return `cannot write ${file}: the path is too long for the file system (choose a shorter path)`;
    case 'full':
      return `cannot write ${file}: the disk is full (free space, or choose another disk)`;
    default: {
      const reason = errnoOf(error) ?? (error instanceof Error ? error.message : String(error));
      return `cannot write ${file} (${reason}); choose another path`;
    }
  }
}

/** "plan.json does not exist" and the like, for a saved plan given to `apply FILE`. */
export function describeReadFault(error: unknown, file: string, what: string): string {
  switch (fsFaultOf(error)) {
    case 'missing':
      return `${file} does not exist (check the path)`;
    case 'is_a_folder':
      return `${file} is a folder, not ${what}`;
    case 'not_a_folder':
      return `cannot read ${file}: part of the path is a file, not a folder (check the path)`;
    case 'denied':
      return `cannot read ${file}: permission denied (give your user read access)`;
    default: {
      const reason = errnoOf(error) ?? (error instanceof Error ? error.message : String(error));
      return `cannot read ${file} (${reason})`;
    }
  }
}
