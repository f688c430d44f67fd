// Duplicate keys found in one pass with a set per mapping. The `yaml` package's own check (uniqueKeys)
// compares each key with every earlier key of its mapping, so one file of 40,000 keys took 26 s.
import type { Document, YAMLError } from 'yaml';

/** The `yaml` package, passed in by the caller that has loaded it (it is loaded on first use only). */
type Yaml = typeof import('yaml');

/**
 * The errors `uniqueKeys: true` would add, in document order: a scalar key whose value an earlier key of
 * the same mapping has (compared with ===, as `yaml` does), at the offset where the later key starts.
 */
export function findDuplicateKeys(yaml: Yaml, document: Document.Parsed): YAMLError[] {
  const offsets: number[] = [];
  // An explicit stack: a document nested thousands deep must not overflow the call stack here.
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (yaml.isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (yaml.isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value)) offsets.push(key.range?.[0] ?? 0);
          else seen.add(key.value);
        }
        pending.push(pair.value, key);
      }
    } else if (yaml.isSeq(node)) {
      for (const item of node.items) pending.push(item);
    }
  }
  return offsets
    .sort((a, b) => a - b)
    .map((offset) => new yaml.YAMLParseError([offset, offset + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
}

/** Two lists of errors, each in document order, as one list in document order (earlier list first on a tie). */
export function mergeByOffset(first: readonly YAMLError[], second: readonly YAMLError[]): YAMLError[] {
  const merged: YAMLError[] = [];
  let j = 0;
  for (const error of first) {
    while (j < second.length && (second[j]?.pos[0] ?? 0) < error.pos[0]) merged.push(second[j++] as YAMLError);
    merged.push(error);
  }
  while (j < second.length) merged.push(second[j++] as YAMLError);
  return merged;
}
