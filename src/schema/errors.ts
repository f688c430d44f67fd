// ajv's errors in words, each at its file:line:col: one vocabulary for group files, config and saved plans.
// A source says how to find a place in its text and how to name it; a schema's owner may reword a few errors.
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Problem } from '../errors.js';
import type { Position } from '../model/index.js';
import { joinPointer, toFieldPath, valueAt } from './pointer.js';
import { clipQuoted } from '../text/clip.js';
import { closestName } from '../text/suggest.js';
import { count } from '../text/words.js';

export type Prefer = 'key' | 'value';

/** A field path is made of keys from the file: shown at most twice as long as one quoted key. */
const MAX_FIELD = 60;

export interface SchemaSource {
  file: string;
  value: unknown;
  /** Where a JSON pointer sits in the text; a source without lines answers 1:1. */
  locate: (pointer: string, prefer: Prefer) => Position;
  /** How messages name a place; a field path ("discount_rules[0].amount") unless said otherwise. */
  nameOf?: (pointer: string) => string;
  /** How a found value is shown; sources that may hold a secret never echo a string. */
  show?: (value: unknown) => string;
}

/** One error in words: the place it is about, where to point (`at`, by default the place) and what to say. */
export interface Described {
  pointer: string;
  at?: string;
  prefer: Prefer;
  message: string;
  hint?: string;
}

/** A schema owner's own words for an error, given the shared ones; undefined keeps the shared ones. */
export type Reword = (error: ErrorObject, described: Described, found: unknown) => Described | undefined;

/** Every error as a problem, once each; `if` errors are dropped, the `then` error beside them says it. */
export function describeSchemaErrors(errors: readonly ErrorObject[], source: SchemaSource, reword?: Reword): Problem[] {
  const nameOf = source.nameOf ?? toFieldPath;
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const found = valueAt(source.value, error.instancePath);
    const shared = describeError(error, found, source.show ?? showValue);
    const described = reword?.(error, shared, found) ?? shared;
    const problem: Problem = {
      file: source.file,
      ...source.locate(described.at ?? described.pointer, described.prefer),
      field: clipQuoted(nameOf(described.pointer), 2 * MAX_FIELD),
      message: described.message,
      ...(described.hint ? { hint: described.hint } : {}),
    };
    const key = `${problem.line}:${problem.col}:${problem.field}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describeError(error: ErrorObject, found: unknown, show: (value: unknown) => string): Described {
  const pointer = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const value = (message: string): Described => ({ pointer, prefer: 'value', message });
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {}).filter(
        (name) => name !== '$schema',
      );
      const near = closestName(clipQuoted(key), allowed);
      const hint = `${near ? `did you mean '${near}'? ` : ''}allowed here: ${allowed.join(', ')}`;
      return { pointer: joinPointer(pointer, key), prefer: 'key', message: `unknown key '${clipQuoted(key)}'`, hint };
    }
    case 'required': {
      const key = String(params.missingProperty);
      return {
        pointer: joinPointer(pointer, key),
        at: pointer,
        prefer: 'key',
        message: `missing required key '${key}'`,
      };
    }
    case 'false schema':
      return {
        pointer,
        prefer: 'key',
        message: `'${clipQuoted(pointer.slice(pointer.lastIndexOf('/') + 1))}' is not allowed here`,
      };
    case 'enum':
      return value(`must be one of ${(params.allowedValues as unknown[]).join(', ')} (found ${show(found)})`);
    case 'type':
      return value(`must be ${describeType(String(params.type))} (found ${show(found)})`);
    case 'minimum':
      return value(`must be at least ${String(params.limit)} (found ${show(found)})`);
    case 'maximum':
      return value(`must be at most ${String(params.limit)} (found ${show(found)})`);
    case 'exclusiveMaximum':
      return value(`must be below ${String(params.limit)} (found ${show(found)})`);
    case 'pattern':
      return value('has the wrong format');
    case 'minLength':
      return value('must not be empty');
    case 'maxLength':
      return value(`is longer than ${count(Number(params.limit), 'character')}`);
    case 'minProperties':
    case 'minItems':
      return value(`must not be empty`);
    case 'uniqueItems':
      return {
        pointer,
        prefer: 'key',
        message: `lists the same item twice (items ${String(params.j)} and ${String(params.i)})`,
      };
    default:
      return value(error.message ?? `fails ${error.keyword}`);
  }
}

function describeType(type: string): string {
  const names: Record<string, string> = {
    'number,string': 'a number or a numeric string',
    'integer,object': 'an id (a whole number), or ids per store such as {production: 4}',
    integer: 'a whole number',
    number: 'a number',
    object: 'a mapping (key: value)',
    array: 'a list',
    boolean: 'true or false',
    string: 'a string',
  };
  return names[type] ?? `of type ${type}`;
}

/** A found value as JSON ("nothing" when absent); what JSON cannot spell (.inf, !!binary, a date) by its kind. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(clipQuoted(value));
  return showKind(value);
}

/** A found value by its kind only: numbers and booleans as written, never a string's text. */
export function showKind(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `${value} (a big integer)`;
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return `binary data (!!binary, ${value.length} bytes)`;
  if (value instanceof Date) return 'a date (!!timestamp)';
  if (value instanceof Map) return 'an ordered mapping (!!omap)';
  if (value instanceof Set) return 'a set (!!set)';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}
