// `import` against one store: its live groups and the catalog they point at (the same reads a plan starts
// with), written as one file per group under config.groupsDir.
import type { Config, LiveGroup } from '../model/index.js';
import { indexCatalog } from '../references/index.js';
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
): Promise<{ result: ImportResult; liveGroups: LiveGroup[]; store: Store; leftOut?: string }> {
  const { config } = run;
  const store = openStore(config, run.env);
  // The catalog names what the groups point at: as comments beside ids, or instead of them.
  const { live, read } = await readStoreState(store.client, config, []);
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
  const names = { index: indexCatalog(catalog), byName: run.byName };
  // The writer (and the exact YAML parser it needs) is loaded only by import.
  const { importGroups } = await import('../import/index.js');
  const result = await importGroups(live, config.groupsDir, {
    overwrite: run.overwrite,
    cwd: run.cwd,
    names,
    storeName: config.storeName,
    ...(side.storefront ? { storefront: side.storefront } : {}),
  });
  return { result, liveGroups: live, store, ...(side.left_out ? { leftOut: side.left_out } : {}) };
}
