// Why a file could not be written or read, in words that name the path and what to do instead of an errno.

/** "the folder plans does not exist" and the like, for `--out FILE` and $GITHUB_STEP_SUMMARY alike. */
export function describeWriteFault(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `cannot write ${file}: its folder does not exist (create the folder first, or choose another path)`;
    case 'ENOTDIR':
      return `cannot write ${file}: part of the path is a file, not a folder (choose another path)`;
    case 'EISDIR':
      return `cannot write ${file}: it is a folder (give a file name, e.g. ${file.replace(/\/+$/, '')}/plan.json)`;
    case 'EACCES':
    case 'EPERM':
      return `cannot write ${file}: permission denied (choose a writable path, or fix the permissions)`;
    case 'EROFS':
      return `cannot write ${file}: the file system is read-only (choose a writable path)`;
    case 'ENAMETOOLONG':
      return `cannot write ${file}: the path is too long for the file system (choose a shorter path)`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `cannot write ${file}: the disk is full (free space, or choose another disk)`;
    default: {
      const reason = code ?? (error instanceof Error ? error.message : String(error));
      return `cannot write ${file} (${reason}); choose another path`;
    }
  }
}

/** "plan.json does not exist" and the like, for a saved plan given to `apply FILE`. */
export function describeReadFault(error: unknown, file: string, what: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${file} does not exist (check the path)`;
    case 'EISDIR':
      return `${file} is a folder, not ${what}`;
    case 'ENOTDIR':
      return `cannot read ${file}: part of the path is a file, not a folder (check the path)`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read ${file}: permission denied (give your user read access)`;
    default: {
      const reason = code ?? (error instanceof Error ? error.message : String(error));
      return `cannot read ${file} (${reason})`;
    }
  }
}
