// Canonical JSON (object keys sorted) written in one pass, and the equality it defines, without
// building strings: the planner compares every field of thousands of groups, and hashes them all.
import { compareText } from '../text/compare.js';

/** JSON.stringify with every object's keys sorted; the same text as stringifying sorted copies. */
export function canonicalJson(value: unknown): string {
  // A sorted list of every key is a replacer that orders every object natively; it cannot order
  // integer-like keys (an object lists those first) or see inside toJSON, which the writer below does.
  const keys = new Set<string>();
  if (collectKeys(value, keys)) return JSON.stringify(value, [...keys].sort(compareText));
  return writeValue(value) ?? (undefined as unknown as string);
}

/** Adds every object key below value to keys; false when the replacer list would not do. */
function collectKeys(value: unknown, keys: Set<string>): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!collectKeys(item, keys)) return false;
    return true;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  for (const key of Object.keys(value)) {
    // An object's own __proto__ would make the replacer read every other object's prototype.
    if (isIndexKey(key) || key === '__proto__') return false;
    keys.add(key);
    if (!collectKeys((value as Record<string, unknown>)[key], keys)) return false;
  }
  return true;
}

/** The text of a value, or undefined where JSON.stringify leaves a value out. */
function writeValue(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(value);
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      return undefined;
  }
}

function writeArray(items: readonly unknown[]): string {
  let text = '[';
  for (let index = 0; index < items.length; index += 1) {
    if (index > 0) text += ',';
    text += writeValue(items[index]) ?? 'null';
  }
  return `${text}]`;
}

function writeObject(object: Record<string, unknown>): string {
  const keys = sortKeys(Object.keys(object));
  let text = '{';
  for (const key of keys) {
    const written = writeValue(object[key]);
    if (written === undefined) continue;
    text += `${text.length > 1 ? ',' : ''}${quoteKey(key)}:${written}`;
  }
  return `${text}}`;
}

/**
 * Keys as a sorted copy of the object lists them: integer-like keys first in numeric order (an object
 * always puts them there, and Object.keys already does), then the rest sorted by code unit.
 */
function sortKeys(keys: string[]): string[] {
  let indexKeys = 0;
  while (indexKeys < keys.length && isIndexKey(keys[indexKeys] ?? '')) indexKeys += 1;
  if (indexKeys === 0) return keys.sort(compareText);
  return [...keys.slice(0, indexKeys), ...keys.slice(indexKeys).sort(compareText)];
}

function isIndexKey(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;
}

// The same few keys come back in every group; quoting each once saves most of the writing.
const quotedKeys = new Map<string, string>();

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 1000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/** True when canonicalJson(a) === canonicalJson(b), found without writing either. */
export function equalJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const type = typeof a;
  if (type === typeof b) {
    // Two different strings or booleans never write the same text; two numbers only when neither is finite.
    if (type === 'string' || type === 'boolean') return false;
    if (type === 'number') return !Number.isFinite(a) && !Number.isFinite(b);
  }
  if (!isPlain(a) || !isPlain(b)) return canonicalJson(a) === canonicalJson(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index += 1) if (!equalItems(a[index], b[index])) return false;
    return true;
  }
  return equalObjects(a as Record<string, unknown>, b as Record<string, unknown>);
}

/** Objects and arrays without toJSON; anything else is compared through its text. */
function isPlain(value: unknown): value is object {
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** In an array a left-out value is written null. */
function equalItems(a: unknown, b: unknown): boolean {
  return equalJson(isLeftOut(a) ? null : a, isLeftOut(b) ? null : b);
}

function equalObjects(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let count = 0;
  for (const key of Object.keys(a)) {
    if (isLeftOut(a[key])) continue;
    count += 1;
    if (!Object.hasOwn(b, key) || isLeftOut(b[key]) || !equalJson(a[key], b[key])) return false;
  }
  for (const key of Object.keys(b)) if (!isLeftOut(b[key])) count -= 1;
  return count === 0;
}

function isLeftOut(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
