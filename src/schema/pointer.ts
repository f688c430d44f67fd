// JSON pointers ("/discount_rules/0/amount") name places in a group file; ajv reports them the same way.
import type { Position } from '../model/index.js';

/** Where each key and each value of one file sits, by JSON pointer ("" is the whole document). */
export interface PositionIndex {
  keys: Map<string, Position>;
  values: Map<string, Position>;
}

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(pointer: string, segment: string | number): string {
  return `${pointer}/${escapeSegment(String(segment))}`;
}

/** A pointer as people read it: "discount_rules[1].amount". */
export function toFieldPath(pointer: string): string {
  return splitPointer(pointer).reduce(
    (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment),
    '',
  );
}

export function valueAt(document: unknown, pointer: string): unknown {
  let current = document;
  for (const segment of splitPointer(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * The position of a key (prefer 'key') or of its value (prefer 'value'); a place that does not exist in
 * the file (a missing key) falls back to its nearest parent that does.
 */
export function locate(index: PositionIndex, pointer: string, prefer: 'key' | 'value' = 'key'): Position {
  const first = prefer === 'key' ? index.keys : index.values;
  const second = prefer === 'key' ? index.values : index.keys;
  let current = pointer;
  for (;;) {
    const found = first.get(current) ?? second.get(current);
    if (found) return found;
    if (current === '') return { line: 1, col: 1 };
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
