// `validate` is offline: the files under config.groupsDir, and what they point at that only plan can check.
import type { DesiredState } from '../desired/index.js';
import type { Config } from '../model/index.js';
import { listTargets } from '../references/index.js';
import { loadDesiredFor } from './session.js';

export interface CheckedFiles {
  desired: DesiredState;
  /** Categories, products and price lists the groups point at, unchecked offline. */
  targets: { byId: number; byName: number };
}

/** Throws ValidationError with every problem of the files. */
export async function checkFiles(config: Config, cwd: string): Promise<CheckedFiles> {
  const desired = await loadDesiredFor(config, cwd);
  const targets = desired.groups.flatMap(listTargets);
  const byName = targets.filter((target) => target.ref !== undefined).length;
  return { desired, targets: { byId: targets.length - byName, byName } };
}
