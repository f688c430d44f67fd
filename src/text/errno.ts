// What a failed file-system call means, read from its errno code once for every message that explains one;
// each message words the fault for its own path and what to do.

export type FsFault =
  | 'missing'
  | 'not_a_folder'
  | 'is_a_folder'
  | 'denied'
  | 'loop'
  | 'too_long'
  | 'read_only'
  | 'full';

const FAULTS: Readonly<Record<string, FsFault>> = {
  ENOENT: 'missing',
  ENOTDIR: 'not_a_folder',
  EISDIR: 'is_a_folder',
  EACCES: 'denied',
  EPERM: 'denied',
  ELOOP: 'loop',
  ENAMETOOLONG: 'too_long',
  EROFS: 'read_only',
  ENOSPC: 'full',
  EDQUOT: 'full',
};

/** The errno code of a failed call ("ENOENT"), if it has one. */
export function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** What the failure means for the path, or undefined for a code without words of its own. */
export function fsFaultOf(error: unknown): FsFault | undefined {
  const code = errnoOf(error);
  return code !== undefined && Object.hasOwn(FAULTS, code) ? FAULTS[code] : undefined;
}
