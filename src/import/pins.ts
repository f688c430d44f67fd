// Which existing file already describes which live group, so a re-import refreshes that file in place
// instead of writing a second file with the same pin beside it.
import path from 'node:path';
import { parse } from 'yaml';
import { listGroupFiles, readGroupFile } from '../desired/files.js';
import { MAX_ALIAS_COUNT } from '../desired/parse.js';

/** Live id -> file (relative to dir) for every readable group file in dir that pins an id. */
export async function findPinnedFiles(dir: string): Promise<Map<number, string>> {
  const pinned = new Map<number, string>();
  const listing = await listGroupFiles(dir);
  if ('problem' in listing) return pinned;
  for (const relative of listing.files) {
    const read = await readGroupFile(path.join(dir, relative));
    if ('problem' in read) continue;
    try {
      const value: unknown = parse(read.text, { maxAliasCount: MAX_ALIAS_COUNT });
      const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
      if (typeof id === 'number' && Number.isInteger(id) && !pinned.has(id)) pinned.set(id, relative);
    } catch {
      // A file that does not parse pins nothing; validate reports it.
    }
  }
  return pinned;
}
