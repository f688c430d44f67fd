// The folder import writes to, checked before the store is read: a missing one is made, anything that is
// not a folder is said in words, never an errno from a write half-way through.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { BcgroupsError } from '../errors.js';
import { fsFaultOf } from '../text/errno.js';
import { describeReadFault } from '../text/file-fault.js';

export async function checkImportFolder(dir: string, cwd: string): Promise<void> {
  const refuse = (why: string) =>
    new BcgroupsError(
      `Cannot import into ${dir}: ${why}. Give --dir (or groupsDir) the folder for the group files; a missing one is created. Nothing was read from the store.`,
    );
  const info = await stat(path.resolve(cwd, dir)).catch((error: unknown) => {
    if (fsFaultOf(error) === 'missing') return undefined;
    throw refuse(describeReadFault(error, dir, 'a folder'));
  });
  if (info && !info.isDirectory()) throw refuse('it is a file, not a folder');
}
