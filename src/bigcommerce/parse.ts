// Checks every answer at the boundary and turns it into the normalized live model. Leniency where
// the API is known to vary (ids as strings, amounts as strings, missing `categories`, date formats);
// a clear error for anything else, so a surprise never reaches the planner as a wrong diff.
import { parseDateValue } from '../model/dates.js';
import type { LiveGroup } from '../model/index.js';
import { ACCESS_TYPES, RULE_METHODS, RULE_TYPES } from '../model/index.js';
import { normalizeAccess, normalizeAmount, normalizeId, normalizeRules } from '../model/normalize.js';
import { isMapping } from '../text/mapping.js';

/** A problem with an answer, named by where in the body it is. */
export class AnswerProblem extends Error {
  override name = 'AnswerProblem';
}

type Json = Record<string, unknown>;

export function parseGroup(raw: unknown, where = ''): LiveGroup {
  const group = expectObject(raw, where || 'group');
  const at = (field: string) => (where ? `${where}.${field}` : field);
  const access = parseAccess(group.category_access, at('category_access'));
  return {
    id: parseId(group.id, at('id')),
    name: expectString(group.name, at('name')),
    is_default: parseFlag(group.is_default, at('is_default')),
    is_group_for_guests: parseFlag(group.is_group_for_guests, at('is_group_for_guests')),
    category_access: normalizeAccess(access),
    discount_rules: normalizeRules(parseRules(group.discount_rules, at('discount_rules'))),
    date_created: parseDate(group.date_created, at('date_created')),
    date_modified: parseDate(group.date_modified, at('date_modified')),
  };
}

export function parseGroupList(raw: unknown): LiveGroup[] {
  if (!Array.isArray(raw)) throw new AnswerProblem(`expected a JSON array of groups, got ${describe(raw)}`);
  return raw.map((group, index) => parseGroup(group, `[${index}]`));
}

/** A group is 4 levels deep; anything far deeper is hostile, and would overflow the stack of a walk. */
export const MAX_ANSWER_DEPTH = 64;

/** The answer of `GET /customer_groups/count`. */
export function parseGroupCount(raw: unknown): number {
  const count = expectObject(raw, 'body').count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
    throw new AnswerProblem(`count is ${describe(count)}, expected a whole number`);
  return count;
}

/** JSON.parse that reports an unreadable body as a problem of the answer, quoting it whole (the caller cuts it). */
export function parseJson(text: string): unknown {
  if (text.trim() === '') throw new AnswerProblem('the body is empty, expected JSON');
  let value: unknown;
  try {
    value = JSON.parse(quoteUnsafeIntegers(text));
  } catch {
    throw new AnswerProblem(`the body is not JSON: ${JSON.stringify(text)}`);
  }
  if (isNestedDeeperThan(text, MAX_ANSWER_DEPTH))
    throw new AnswerProblem(`the body is nested deeper than ${MAX_ANSWER_DEPTH} levels`);
  return value;
}

/** A JSON string, or a JSON number whole (so the digits of a fraction are never taken for an integer). */
const STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * Integers past 2^53 written as JSON strings of their digits, so an id the parser would round ("...93" to
 * "...92") is kept, and quoted, as the server sent it; the checks refuse it as an id with those digits.
 */
function quoteUnsafeIntegers(text: string): string {
  if (!/\d{16}/.test(text)) return text;
  return text.replace(STRING_OR_NUMBER, (token) =>
    /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token)) ? `"${token}"` : token,
  );
}

/**
 * Read off the text of JSON that parsed, brackets outside strings: no walk of the value, so neither the
 * stack nor a list of every value in a page of 250 groups.
 */
function isNestedDeeperThan(json: string, maxDepth: number): boolean {
  let depth = 0;
  for (let at = 0; at < json.length; at += 1) {
    const code = json.charCodeAt(at);
    if (code === QUOTE) {
      for (at += 1; at < json.length; at += 1) {
        const inner = json.charCodeAt(at);
        if (inner === BACKSLASH) at += 1;
        else if (inner === QUOTE) break;
      }
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) depth -= 1;
  }
  return false;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

function parseAccess(
  raw: unknown,
  where: string,
): { type: (typeof ACCESS_TYPES)[number]; categories?: number[] } | undefined {
  if (raw === undefined || raw === null) return undefined;
  const access = expectObject(raw, where);
  const type = expectEnum(access.type, ACCESS_TYPES, `${where}.type`);
  if (access.categories === undefined || access.categories === null) return { type };
  if (!Array.isArray(access.categories))
    throw new AnswerProblem(`${where}.categories is ${describe(access.categories)}, expected an array`);
  return { type, categories: access.categories.map((id, index) => parseId(id, `${where}.categories[${index}]`)) };
}

function parseRules(raw: unknown, where: string) {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new AnswerProblem(`${where} is ${describe(raw)}, expected an array`);
  return raw.map((entry, index) => {
    const at = `${where}[${index}]`;
    const rule = expectObject(entry, at);
    const type = expectEnum(rule.type, RULE_TYPES, `${at}.type`);
    if (type === 'price_list') return { type, price_list_id: parseId(rule.price_list_id, `${at}.price_list_id`) };
    const method = expectEnum(rule.method, RULE_METHODS, `${at}.method`);
    const amount = parseAmount(rule.amount, `${at}.amount`);
    if (type === 'all') return { type, method, amount };
    if (type === 'category')
      return { type, method, amount, category_id: parseId(rule.category_id, `${at}.category_id`) };
    return { type, method, amount, product_id: parseId(rule.product_id, `${at}.product_id`) };
  });
}

/** Digits with an optional fraction, as the API writes amounts ("5.0000"); Number() alone would take "0x10" as 16. */
const DECIMAL = /^\d+(\.\d+)?$/;

function parseAmount(raw: unknown, where: string): number {
  if (typeof raw === 'number' || (typeof raw === 'string' && DECIMAL.test(raw))) {
    const amount = normalizeAmount(raw);
    if (!Number.isNaN(amount)) return amount;
  }
  throw new AnswerProblem(`${where} is ${describe(raw)}, expected a decimal number or a string of one`);
}

/** Ids are positive integers; a 0, a negative or an unsafe integer would break pins and saved plans later. */
export function parseId(raw: unknown, where: string): number {
  const id =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? normalizeId(raw) : NaN;
  if (Number.isSafeInteger(id) && id > 0) return id;
  throw new AnswerProblem(`${where} is ${describe(raw)}, expected a positive integer id`);
}

/** A missing flag means the API's default (false); anything but a boolean is a surprise. */
function parseFlag(raw: unknown, where: string): boolean {
  if (raw === undefined || raw === null) return false;
  if (typeof raw === 'boolean') return raw;
  throw new AnswerProblem(`${where} is ${describe(raw)}, expected true or false`);
}

/** Dates stay strings ("2023-07-25 01:15:19", ISO 8601 or RFC 2822): they are compared, never computed with. */
function parseDate(raw: unknown, where: string): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw === 'string' && parseDateValue(raw) !== undefined) return raw;
  throw new AnswerProblem(`${where} is ${describe(raw)}, expected a date string`);
}

export function expectObject(raw: unknown, where: string): Json {
  if (isMapping(raw)) return raw as Json;
  throw new AnswerProblem(`${where} is ${describe(raw)}, expected an object`);
}

export function expectString(raw: unknown, where: string): string {
  if (typeof raw === 'string' && raw.length > 0) return raw;
  throw new AnswerProblem(`${where} is ${describe(raw)}, expected a non-empty string`);
}

function expectEnum<T extends string>(raw: unknown, allowed: readonly T[], where: string): T {
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw new AnswerProblem(`${where} is ${describe(raw)}, expected one of ${allowed.join(', ')}`);
}

export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
