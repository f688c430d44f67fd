// `import` against one store: its live groups and the catalog they point at (the same reads a plan starts
// with), written as one file per group under config.groupsDir.
import type { Config, LiveGroup } from '../model/index.js';
import { indexCatalog } from '../references/index.js';
import { checkImportFolder } from '../import/folder.js';
import type { ImportResult } from '../import/index.js';
import { readStoreState } from './plan-store.js';
import { openStore, type RunPlace, type Store } from './session.js';

export interface ImportRun extends RunPlace {
  config: Config;
  overwrite: boolean;
  /** Categories, products and price lists by name instead of by id. */
  byName: boolean;
}

export async function importStore(
  run: ImportRun,
): Promise<{ result: ImportResult; liveGroups: LiveGroup[]; ignored: number; store: Store }> {
  const { config } = run;
  await checkImportFolder(config.groupsDir, run.cwd);
  const store = openStore(config, run.env);
  // The catalog names what the groups point at: as comments beside ids, or instead of them.
  // Groups the config's ignore patterns leave to another writer are not read into files.
  const { live, ignored, read } = await readStoreState(store.client, config, []);
  const names = { index: indexCatalog(read.catalog), byName: run.byName };
  // The writer (and the exact YAML parser it needs) is loaded only by import.
  const { importGroups } = await import('../import/index.js');
  const result = await importGroups(live, config.groupsDir, {
    overwrite: run.overwrite,
    cwd: run.cwd,
    names,
    storeName: config.storeName,
  });
  return { result, liveGroups: live, ignored: ignored.length, store };
}
