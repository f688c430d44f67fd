// Group files in a repository of several stores: which stores a file is for (`stores:`), its pins per
// store (`id: {production: 4}`), and the desired state of one store. A config of one store has no names.
import { clipQuoted } from '../text/clip.js';
import type { Problem } from '../errors.js';
import type { DesiredGroup, ExcludedGroup } from '../model/index.js';
import type { ParsedFile } from '../yaml/parse.js';
import { joinPointer, locate, toFieldPath, valueAt } from '../schema/pointer.js';
import { closestName } from '../text/suggest.js';
import { isMapping } from '../text/mapping.js';

/** Problems of a file's `stores` and `id` against the config's store names (empty for one store). */
export function checkStoreKeys(parsed: ParsedFile, storeNames: readonly string[]): Problem[] {
  const problemAt = (pointer: string, message: string, hint: string): Problem => ({
    file: parsed.file,
    ...locate(parsed.positions, pointer, 'key'),
    field: toFieldPath(pointer),
    message,
    hint,
  });
  const problems: Problem[] = [];
  const listed = valueAt(parsed.value, '/stores');
  const id = valueAt(parsed.value, '/id');
  const isPerStore = isMapping(id);
  if (storeNames.length === 0) {
    if (Array.isArray(listed))
      problems.push(
        problemAt(
          '/stores',
          'stores limits a file to some stores, but the config names no stores',
          'name them in the config (stores: {production: {storeHash: ...}}), or remove this key',
        ),
      );
    if (isPerStore)
      problems.push(
        problemAt(
          '/id',
          'a pin per store needs stores in the config, which names none',
          'write the pin as id: 4, or name the stores in the config',
        ),
      );
    return problems;
  }
  const known = (name: unknown, pointer: string, what: string): void => {
    if (typeof name !== 'string' || storeNames.includes(name)) return;
    const near = closestName(name, storeNames);
    problems.push(
      problemAt(
        pointer,
        `${what} '${clipQuoted(name)}' is not a store of the config`,
        `${near ? `did you mean '${near}'? ` : ''}the stores are: ${storeNames.join(', ')}`,
      ),
    );
  };
  if (Array.isArray(listed)) listed.forEach((name, index) => known(name, joinPointer('/stores', index), 'store'));
  if (Number.isInteger(id)) {
    problems.push(
      problemAt(
        '/id',
        `a bare id pins a group of one store, but the config names stores (${storeNames.join(', ')})`,
        `write the pin per store (id: {${storeNames[0]}: ${String(id)}}), ` +
          'or remove it: groups match by name in every store',
      ),
    );
  }
  if (isPerStore) {
    for (const name of Object.keys(id)) {
      known(name, joinPointer('/id', name), "the pin's store");
      if (Array.isArray(listed) && storeNames.includes(name) && !listed.includes(name)) {
        problems.push(
          problemAt(
            joinPointer('/id', name),
            `pins a group of store '${clipQuoted(name)}', which this file's stores leave out`,
            `add ${clipQuoted(name)} to stores, or remove the pin`,
          ),
        );
      }
    }
  }
  return problems;
}

/** Whether a file (checked or not) is for this store: it lists no stores, or lists this one. */
export function isFileForStore(value: unknown, storeName: string): boolean {
  const listed = valueAt(value, '/stores');
  return !Array.isArray(listed) || listed.includes(storeName);
}

/** The groups of one store: files for other stores left out, and each pin that store's own. */
export function selectStoreGroups<G extends Pick<DesiredGroup, 'id' | 'pins' | 'stores' | 'name' | 'source'>>(
  groups: readonly G[],
  storeName: string,
): { groups: G[]; excluded: ExcludedGroup[] } {
  const selected: G[] = [];
  const excluded: ExcludedGroup[] = [];
  for (const group of groups) {
    if (group.stores && !group.stores.includes(storeName)) {
      excluded.push({ name: group.name, file: group.source.file, stores: group.stores });
      continue;
    }
    const { id: _bare, ...rest } = group;
    // Own keys only: a store named `constructor` has no pin unless the file gives it one.
    const pin = group.pins && Object.hasOwn(group.pins, storeName) ? group.pins[storeName] : undefined;
    selected.push((pin === undefined ? rest : { ...rest, id: pin }) as G);
  }
  return { groups: selected, excluded };
}
