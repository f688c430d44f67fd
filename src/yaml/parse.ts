// YAML text -> a plain value plus the line:col of every key and value, or the problems that stop it.
import { clipQuoted } from '../text/clip.js';
import type { Document, YAMLError } from 'yaml';
import type { Problem } from '../errors.js';
import type { Position } from '../model/index.js';
import { parseFastYaml } from './fast-parse.js';
import { joinPointer, type PositionIndex } from '../schema/pointer.js';
import { loadYaml, QUIET } from './load.js';
import { findDuplicateKeys, mergeByOffset } from './duplicate-keys.js';

/** yaml's own default; a handful of aliases is plenty for a group, a billion laughs is not. */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedFile {
  file: string;
  value: unknown;
  positions: PositionIndex;
}

/** The parsed document, or the problems that stop it (none: the document is empty). */
export type ParseResult = { parsed: ParsedFile } | { problems: Problem[] };

/** Where things are in a file, found only when asked (a message needs them): clean files never pay. */
export function lazyPositions(file: string, text: string): PositionIndex {
  let index: PositionIndex | undefined;
  const read = (): PositionIndex => {
    if (!index) {
      const result = parseYaml(file, text);
      index = 'parsed' in result ? result.parsed.positions : { keys: new Map(), values: new Map() };
    }
    return index;
  };
  return {
    get keys() {
      return read().keys;
    },
    get values() {
      return read().values;
    },
  };
}

/** A group file through the fast path when it is plain, else the exact one; positions come lazily either way. */
export function readGroupYaml(file: string, text: string): ParseResult & { fast?: boolean } {
  const value = parseFastYaml(text);
  if (value !== undefined) return { parsed: { file, value, positions: lazyPositions(file, text) }, fast: true };
  return parseGroupYaml(file, text);
}

export function parseGroupYaml(file: string, text: string): ParseResult {
  const result = parseYaml(file, text);
  if ('parsed' in result || result.problems.length > 0) return result;
  return {
    problems: [
      {
        file,
        line: 1,
        col: 1,
        field: '',
        message: 'file is empty; it must describe one group',
        hint: 'add at least `name: ...`, or delete the file',
      },
    ],
  };
}

/**
 * One YAML (or JSON: YAML reads it too) document with positions, for group files and config files alike;
 * an empty document (nothing, only comments or null) is no problems at all.
 */
export function parseYaml(file: string, text: string): ParseResult {
  const lineCounter = new (loadYaml().LineCounter)();
  const documents = loadYaml().parseAllDocuments(text, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
    ...QUIET,
  });
  const at = (offset: number): Position => lineCounter.linePos(offset);
  const [document, second] = documents;
  if (!document || isEmpty(document)) return { problems: [] };
  if (second) {
    return {
      problems: [
        {
          file,
          ...at(second.range[0]),
          field: '',
          message: `file holds ${documents.length} YAML documents; a group file holds exactly one`,
          hint: 'move each group into a file of its own',
        },
      ],
    };
  }
  const errors = mergeByOffset(document.errors, findDuplicateKeys(loadYaml(), document));
  const described = [...errors, ...document.warnings].map((error) => describeYamlError(file, text, error, at));
  // One cause can raise the same error many times over (deep nesting does): report it once.
  const messages = new Set<string>();
  const problems = described.filter((problem) => !messages.has(problem.message) && messages.add(problem.message));
  if (problems.length > 0) return { problems };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const excessive = /excessive alias/i.test(message);
    return {
      problems: [
        {
          file,
          ...at(firstAliasOffset(document)),
          field: '',
          message: excessive ? `aliases expand too far (more than ${MAX_ALIAS_COUNT} nodes)` : message,
          hint: excessive ? 'write the values out instead of nesting aliases' : undefined,
        },
      ],
    };
  }
  return { parsed: { file, value, positions: indexPositions(document, at) } };
}

function isEmpty(document: Document.Parsed): boolean {
  const contents = document.contents;
  return (
    contents === null || (loadYaml().isScalar(contents) && contents.value === null && document.errors.length === 0)
  );
}

function describeYamlError(file: string, text: string, error: YAMLError, at: (offset: number) => Position): Problem {
  const [start] = error.pos;
  if (error.code === 'DUPLICATE_KEY') {
    const key = keyTextAt(text, start);
    return {
      file,
      ...at(start),
      field: key,
      message: `duplicate key '${clipQuoted(key)}'`,
      hint: 'each key may appear once in a mapping; keep one of them',
    };
  }
  if (/call stack/i.test(error.message)) {
    return {
      file,
      ...at(start),
      field: '',
      message: 'YAML nests too deeply to read',
      hint: 'a group file needs at most four levels of nesting',
    };
  }
  const message = error.message.replace(/\s+at line \d+, column \d+.*$/s, '');
  return { file, ...at(start), field: '', message: `YAML: ${message}` };
}

/** The key as written where a duplicate starts, without quotes: yaml marks only its first character. */
function keyTextAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  const line = text.slice(offset, end === -1 ? undefined : end);
  const quoted = /^(["'])(.*?)\1/.exec(line);
  return quoted ? (quoted[2] ?? '') : (line.split(/:(\s|$)/)[0] ?? '').trim();
}

function firstAliasOffset(document: Document.Parsed): number {
  let offset = 0;
  loadYaml().visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return loadYaml().visit.BREAK;
    },
  });
  return offset;
}

function indexPositions(document: Document.Parsed, at: (offset: number) => Position): PositionIndex {
  const positions: PositionIndex = { keys: new Map(), values: new Map() };
  const walk = (node: unknown, pointer: string): void => {
    if (loadYaml().isNode(node) && node.range) positions.values.set(pointer, at(node.range[0]));
    if (loadYaml().isAlias(node)) return;
    if (loadYaml().isMap(node)) {
      for (const pair of node.items) {
        const key = jsKeyOf(document, pair.key);
        if (key === undefined) continue;
        const child = joinPointer(pointer, key);
        if (loadYaml().isNode(pair.key) && pair.key.range) positions.keys.set(child, at(pair.key.range[0]));
        walk(pair.value, child);
      }
    } else if (loadYaml().isSeq(node)) {
      node.items.forEach((item, index) => walk(item, joinPointer(pointer, index)));
    }
  };
  walk(document.contents, '');
  return positions;
}

/** The key as toJS writes it: a scalar's value, or a list or mapping key in yaml's own flow text ("[ a ]"). */
function jsKeyOf(document: Document.Parsed, key: unknown): string | undefined {
  const yaml = loadYaml();
  if (yaml.isScalar(key)) return String(key.value);
  if (!yaml.isCollection(key)) return undefined;
  const single = new yaml.YAMLMap();
  single.items.push(new yaml.Pair(key));
  return Object.keys(single.toJS(document) as object)[0];
}
