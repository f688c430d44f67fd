// The saved plan file on disk: what `plan --out` writes and `apply PLANFILE` reads. What the file means,
// and whether it may run, is the business of the rest of planfile/.
import { lstat, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BcgroupsError } from '../errors.js';
import type { SavedPlan } from '../model/index.js';
import { parseSavedPlan } from './file.js';
import { type BoundedRead, MAX_FILE_BYTES, readBounded } from '../text/bounded-read.js';
import { describeReadFault, describeWriteFault } from '../text/file-fault.js';
import { stringifyJson } from '../text/hidden.js';

/** `file` relative to `cwd`, the folder the run was started in; read at most to the size limit of any file. */
export async function readSavedPlan(cwd: string, file: string): Promise<SavedPlan> {
  const refuse = (why: string) =>
    new BcgroupsError(
      `Cannot read the plan file: ${why}. Give the path of a file written by \`bcgroups plan --out FILE\`. Nothing was sent to the store.`,
    );
  let read: BoundedRead;
  try {
    read = readBounded(path.resolve(cwd, file));
  } catch (error) {
    throw refuse(describeReadFault(error, file, 'a plan file'));
  }
  if (read.kind === 'folder') throw refuse(`${file} is a folder, not a plan file`);
  if (read.kind === 'special')
    throw refuse(`${file} is not a regular file (a FIFO, device or socket); nothing was read`);
  if (read.kind === 'too_large')
    throw refuse(`${file} is larger than ${MAX_FILE_BYTES} bytes (1 MiB), the limit of any file bcgroups reads`);
  return parseSavedPlan(new TextDecoder('utf-8').decode(read.bytes), file);
}

export async function writeSavedPlan(cwd: string, file: string, saved: SavedPlan): Promise<void> {
  await writeFile(path.resolve(cwd, file), stringifyJson(saved), 'utf8').catch((error: unknown) => {
    throw new BcgroupsError(
      `The plan was not saved: ${describeWriteFault(error, file)}. Nothing was sent to the store.`,
    );
  });
}

/**
 * A plan run that failed removes the plan file an earlier run left at `file`: applied, it would run
 * yesterday's changes as if they were this run's. True when a file was there and is gone.
 */
export async function removeStalePlan(cwd: string, file: string): Promise<boolean> {
  const target = path.resolve(cwd, file);
  const info = await lstat(target).catch(() => undefined);
  if (!info || info.isDirectory()) return false;
  return rm(target, { force: true }).then(
    () => true,
    () => false,
  );
}
