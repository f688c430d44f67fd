// A file that names a group the config's ignore list leaves to another writer would have bcgroups write it:
// the name, or an earlier name it renames from, is a problem at its line, naming the pattern.
import type { Problem } from '../errors.js';
import { locate, toFieldPath } from '../schema/pointer.js';
import { findMatchingPattern } from '../text/glob.js';
import type { ParsedFile } from '../yaml/parse.js';
import { isMapping } from '../text/mapping.js';

export function checkIgnoredNames(files: readonly ParsedFile[], ignore: readonly string[]): Problem[] {
  if (ignore.length === 0) return [];
  return files.flatMap((parsed) => {
    if (!isMapping(parsed.value)) return [];
    const { name, renamed_from: earlier } = parsed.value;
    const named = typeof name === 'string' ? [{ pointer: '/name', name }] : [];
    const renamed = Array.isArray(earlier)
      ? earlier.flatMap((old, index) =>
          typeof old === 'string' ? [{ pointer: `/renamed_from/${index}`, name: old }] : [],
        )
      : [];
    return [...named, ...renamed].flatMap(({ pointer, name: value }) => {
      const pattern = findMatchingPattern(ignore, value);
      if (pattern === undefined) return [];
      const what = pointer === '/name' ? 'name' : 'earlier name';
      return [
        {
          file: parsed.file,
          ...locate(parsed.positions, pointer, 'value'),
          field: toFieldPath(pointer),
          message:
            `${what} '${value}' matches the config's ignore pattern '${pattern}': ` +
            'such groups belong to another writer, and bcgroups never writes them',
          hint:
            pointer === '/name'
              ? `choose a name the pattern does not match, or remove '${pattern}' from ignore in the config`
              : `drop it from renamed_from, or remove '${pattern}' from ignore in the config`,
        },
      ];
    });
  });
}
