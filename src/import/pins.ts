// Which existing file already describes which live group, so a re-import refreshes that file in place
// instead of writing a second file for the same group beside it.
import path from 'node:path';
import { listGroupFiles, readGroupFile } from '../desired/files.js';
import { MAX_ALIAS_COUNT } from '../yaml/parse.js';
import { loadYaml, QUIET } from '../yaml/load.js';
import type { LiveGroup } from '../model/index.js';
import { nameKey } from '../model/normalize.js';
import { isMapping } from '../text/mapping.js';

export interface ExistingFiles {
  /** Live id -> file (relative to dir) that pins it. */
  byId: Map<number, string>;
  /** Name key -> file that names a group without pinning it (matched by name, as the planner does). */
  byName: Map<string, string>;
  /** Every file found, for avoiding clashes with new names. */
  all: string[];
  /** File -> its pins per store, kept when another store's import refreshes the file. */
  storePins: Map<string, Record<string, number>>;
}

/** `storeName`: pins are per store (id: {staging: 9}), and only that store's pin says which group a file is. */
export async function findExistingFiles(dir: string, storeName?: string, cwd?: string): Promise<ExistingFiles> {
  const existing: ExistingFiles = { byId: new Map(), byName: new Map(), all: [], storePins: new Map() };
  const listing = await listGroupFiles(dir, dir, cwd);
  if ('problem' in listing) return existing;
  existing.all = listing.files;
  for (const relative of listing.files) {
    const read = readGroupFile(path.join(dir, relative));
    if ('problem' in read) continue;
    try {
      const value: unknown = loadYaml().parse(read.text, { maxAliasCount: MAX_ALIAS_COUNT, ...QUIET });
      const { id: pin, name } = (value && typeof value === 'object' ? value : {}) as { id?: unknown; name?: unknown };
      const perStore = storeName !== undefined && isMapping(pin) ? pin : undefined;
      if (perStore)
        existing.storePins.set(
          relative,
          Object.fromEntries(Object.entries(perStore).filter(([, id]) => Number.isInteger(id))) as Record<
            string,
            number
          >,
        );
      const id =
        perStore && storeName !== undefined
          ? Object.hasOwn(perStore, storeName)
            ? perStore[storeName]
            : undefined
          : pin;
      if (typeof id === 'number' && Number.isInteger(id)) {
        if (!existing.byId.has(id)) existing.byId.set(id, relative);
      } else if (typeof name === 'string' && !existing.byName.has(nameKey(name))) {
        existing.byName.set(nameKey(name), relative);
      }
    } catch {
      // A file that does not parse describes nothing; validate reports it.
    }
  }
  return existing;
}

/** The file that already describes this live group: the one pinning its id, else one naming it unpinned. */
export function findFileFor(group: LiveGroup, existing: ExistingFiles): string | undefined {
  return existing.byId.get(group.id) ?? existing.byName.get(nameKey(group.name));
}
