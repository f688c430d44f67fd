// `import` against one store: its live groups and the catalog they point at (the same reads a plan starts
// with), written as one file per group under config.groupsDir.
import { storeNamesOf } from '../config/index.js';
import { loadDesired } from '../desired/index.js';
import type { Catalog, Config, LiveGroup, LoadedGroup } from '../model/index.js';
import type { DescribedGroup } from '../import/index.js';
import { pickState } from '../model/normalize.js';
import { toFieldPath } from '../schema/pointer.js';
import { indexCatalog, resolveReferences, resolveRulesInOrder } from '../references/index.js';
import { checkImportFolder } from '../import/folder.js';
import type { ImportResult } from '../import/index.js';
import { readStoreState } from './plan-store.js';
import { readStorefrontForImport } from './storefronts.js';
import { openStore, type RunPlace, type Store } from './session.js';

export interface ImportRun extends RunPlace {
  config: Config;
  overwrite: boolean;
  /** Categories, products and price lists by name instead of by id. */
  byName: boolean;
}

export async function importStore(
  run: ImportRun,
): Promise<{ result: ImportResult; liveGroups: LiveGroup[]; ignored: number; store: Store; leftOut?: string }> {
  const { config } = run;
  await checkImportFolder(config.groupsDir, run.cwd);
  const existing = await loadExisting(config, run.cwd);
  const store = openStore(config, run.env);
  // The catalog names what the groups point at: as comments beside ids, or instead of them; and it
  // resolves what the existing files name, to tell a file that means the live group from one that differs.
  // Groups the config's ignore patterns leave to another writer are not read into files.
  const { live, ignored, read } = await readStoreState(store.client, config, existing);
  const side = await readStorefrontForImport(
    store.client.store,
    live.map((group) => group.id),
  );
  const wantsLists = (side.storefront?.assignments.length ?? 0) > 0 && !read.catalog.priceLists;
  const priceLists = wantsLists ? (await store.client.store.readPriceLists()).value : read.catalog.priceLists;
  const catalog = {
    ...read.catalog,
    ...(priceLists ? { priceLists } : {}),
    ...(side.storefront ? { channels: side.storefront.channels } : {}),
  };
  const described = describeExisting(existing, catalog);
  const names = { index: indexCatalog(catalog), byName: run.byName };
  // The writer (and the exact YAML parser it needs) is loaded only by import.
  const { importGroups } = await import('../import/index.js');
  const result = await importGroups(live, config.groupsDir, {
    overwrite: run.overwrite,
    cwd: run.cwd,
    names,
    storeName: config.storeName,
    described,
    ...(side.storefront ? { storefront: side.storefront } : {}),
  });
  const leftOut = side.left_out ? { leftOut: side.left_out } : {};
  return { result, liveGroups: live, ignored: ignored.length, store, ...leftOut };
}

/** The existing files, for every store; a folder that does not load is compared by its text alone. */
async function loadExisting(config: Config, cwd: string): Promise<LoadedGroup[]> {
  try {
    return (await loadDesired(config.groupsDir, { cwd, storeNames: storeNamesOf(config) })).groups;
  } catch {
    return [];
  }
}

/** File -> the group it describes in this store's terms (its references resolved in this store's catalog). */
function describeExisting(groups: readonly LoadedGroup[], catalog: Catalog): Map<string, DescribedGroup> {
  const resolution = resolveReferences(groups, catalog);
  const idOf = new Map(resolution.references.map((ref) => [`${ref.file} ${ref.path}`, ref.resolved_id]));
  const loaded = new Map(groups.map((group) => [group.source.file, group]));
  const described = new Map<string, DescribedGroup>();
  for (const group of resolution.groups) {
    const file = group.source.file;
    // The file's own order, which a merge keeps: resolution sorts the rules.
    const idAt = (pointer: string) => idOf.get(`${file} ${toFieldPath(pointer)}`) ?? 0;
    const inFileOrder = resolveRulesInOrder(loaded.get(file)?.discount_rules ?? [], idAt);
    described.set(file, { ...pickState(group), rulesInFileOrder: inFileOrder });
  }
  return described;
}
