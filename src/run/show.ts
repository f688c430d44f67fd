// `show PLANFILE`: a saved plan read back for a reviewer or an approver, with no store, token or config.
import type { SavedPlan, SavedView } from '../model/index.js';
import { checkConsistent } from '../planfile/index.js';
import { readSavedPlan } from '../planfile/io.js';

export interface PlanToShow {
  saved: SavedPlan;
  /** How plan rendered it; a file written before plans kept this gets its store hash alone. */
  view: SavedView;
  /** False for such an older file: its header cannot be the one plan printed. */
  viewRecorded: boolean;
}

/** The file read and checked as apply checks it before anything else, so what is shown is what would run. */
export async function readPlanToShow(cwd: string, file: string): Promise<PlanToShow> {
  const saved = await readSavedPlan(cwd, file);
  checkConsistent(saved, file);
  if (saved.view) return { saved, view: saved.view, viewRecorded: true };
  const store = saved.store === undefined ? { hash: saved.store_hash } : { hash: saved.store_hash, name: saved.store };
  return { saved, view: { dir: 'groups', store }, viewRecorded: false };
}
