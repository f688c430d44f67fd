// The saved plan file on disk: what `plan --out` writes and `apply PLANFILE` reads. What the file means,
// and whether it may run, is the business of the rest of planfile/.
import { lstat, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BcgroupsError } from '../errors.js';
import type { SavedPlan } from '../model/index.js';
import { parseSavedPlan } from './file.js';
import { describeReadFault, describeWriteFault } from '../text/file-fault.js';

/** `file` relative to `cwd`, the folder the run was started in. */
export async function readSavedPlan(cwd: string, file: string): Promise<SavedPlan> {
  const text = await readFile(path.resolve(cwd, file), 'utf8').catch((error: unknown) => {
    throw new BcgroupsError(
      `Cannot read the plan file: ${describeReadFault(error, file, 'a plan file')}. Give the path of a file written by \`bcgroups plan --out FILE\`. Nothing was sent to the store.`,
    );
  });
  return parseSavedPlan(text, file);
}

export async function writeSavedPlan(cwd: string, file: string, saved: SavedPlan): Promise<void> {
  await writeFile(path.resolve(cwd, file), `${JSON.stringify(saved, null, 2)}\n`, 'utf8').catch((error: unknown) => {
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
