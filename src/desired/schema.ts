// Checks a parsed group file against schemas/customer-group.schema.json, the one source of truth for
// the file format (editors use the same file), and points each error at its key or value.
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Problem } from '../errors.js';
import { loadValidator, readSchema } from '../schema/index.js';
import type { ParsedFile } from '../yaml/parse.js';
import { joinPointer, locate, valueAt } from '../schema/pointer.js';
import { describeSchemaErrors, showValue, type Described, type Prefer } from '../schema/errors.js';
import { findHidden } from '../text/hidden.js';

export function readGroupSchema(): Record<string, unknown> {
  return readSchema('customer-group.schema.json');
}

function compileGroupSchema() {
  return loadValidator('group');
}

/** Every schema problem of one file; an empty list when the file matches the schema. */
export function checkGroupSchema(parsed: ParsedFile): Problem[] {
  const validate = compileGroupSchema();
  if (validate(parsed.value)) return [];
  const { file, value, positions } = parsed;
  const source = { file, value, locate: (pointer: string, prefer: Prefer) => locate(positions, pointer, prefer) };
  return describeSchemaErrors(validate.errors ?? [], source, (error, described, found) =>
    rewordGroupError(value, error, described, found),
  );
}

/** The group file's own words: what a rule takes, why categories are refused, what an amount may be. */
function rewordGroupError(
  document: unknown,
  error: ErrorObject,
  described: Described,
  found: unknown,
): Described | undefined {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return (
        describeMissingTarget(document, path, String(params.missingProperty)) ?? {
          ...described,
          message: describeMissing(document, path, String(params.missingProperty)),
        }
      );
    case 'oneOf':
      return describeTargetChoice(document, path, params.passingSchemas) ?? described;
    case 'type':
      if (/^\/category_access\/categories\/\d+$/.test(path))
        return {
          ...described,
          message: `must be a category id or a category path such as "Tools/Power Tools" (found ${showValue(found)})`,
        };
      return undefined;
    case 'false schema':
      return { ...described, ...describeForbidden(document, path) };
    case 'minimum':
    case 'pattern':
      return { ...described, ...describeRange(path, found, error) };
    case 'maximum':
      if (params.limit === Number.MAX_SAFE_INTEGER) {
        return {
          ...described,
          message: `is too large for an id (found ${showValue(found)}): ids are whole numbers up to ${Number.MAX_SAFE_INTEGER}, beyond which they are rounded`,
          hint: 'copy the id from the store exactly',
        };
      }
      if (params.limit !== 100) return { ...described, ...describeRange(path, found, error) };
      return {
        ...described,
        message: `a percent discount is at most 100 (found ${showValue(found)})`,
        hint: 'for an amount off use method: price; for a fixed price use method: fixed',
      };
    case 'uniqueItems':
      // ajv names the pair in either order, depending on the item types.
      return {
        ...described,
        message: `lists a category twice (items ${Math.min(Number(params.i), Number(params.j))} and ${Math.max(Number(params.i), Number(params.j))})`,
      };
    default:
      return undefined;
  }
}

const RULE_KEYS: Record<string, string> = {
  all: 'method, amount',
  category: 'method, amount, and category_id or category',
  product: 'method, amount, and product_id or product_sku',
  price_list: 'price_list_id or price_list',
};

/** Each rule type's target: by id, or by reference (with what the reference is). */
const TARGET_KEYS: Record<string, { id: string; ref: string; what: string }> = {
  category: { id: 'category_id', ref: 'category', what: 'a path of names such as "Tools/Power Tools"' },
  product: { id: 'product_id', ref: 'product_sku', what: 'a SKU' },
  price_list: { id: 'price_list_id', ref: 'price_list', what: 'a name' },
};

/** A rule without its target: one message for the two `required` errors and the `oneOf` beside them. */
function describeMissingTarget(document: unknown, path: string, key: string): Described | undefined {
  const type = /^\/discount_rules\/\d+$/.test(path) ? ruleType(document, path) : undefined;
  const keys = type ? TARGET_KEYS[type] : undefined;
  if (!type || !keys || (key !== keys.id && key !== keys.ref)) return undefined;
  return {
    pointer: path,
    prefer: 'key',
    message: `${describeRule(type)} needs '${keys.id}' (an id) or '${keys.ref}' (${keys.what})`,
  };
}

/** oneOf fails when neither target key is given (said by describeMissingTarget) or both are. */
function describeTargetChoice(document: unknown, path: string, passing: unknown): Described | undefined {
  const type = ruleType(document, path);
  const keys = type ? TARGET_KEYS[type] : undefined;
  if (!type || !keys) return undefined;
  if (!Array.isArray(passing)) return describeMissingTarget(document, path, keys.id);
  return {
    pointer: joinPointer(path, keys.ref),
    prefer: 'key',
    message: `gives both '${keys.id}' and '${keys.ref}'; a rule names its target once`,
    hint: `keep ${keys.id} (the id) or ${keys.ref} (resolved by name at plan time)`,
  };
}

function ruleType(document: unknown, rulePointer: string): string | undefined {
  const type = valueAt(document, joinPointer(rulePointer, 'type'));
  return typeof type === 'string' ? type : undefined;
}

function describeMissing(document: unknown, path: string, key: string): string {
  if (/^\/discount_rules\/\d+$/.test(path)) {
    const type = ruleType(document, path);
    if (type) return `${describeRule(type)} needs '${key}' (it takes ${RULE_KEYS[type]})`;
  }
  if (path === '/category_access' && key === 'categories')
    return `type specific needs 'categories' (a list of category ids)`;
  return `missing required key '${key}'`;
}

function describeForbidden(document: unknown, path: string): { message: string; hint?: string } {
  const key = path.slice(path.lastIndexOf('/') + 1);
  if (path === '/category_access/categories') {
    const type = String(valueAt(document, '/category_access/type'));
    return {
      message: `categories only go with type specific; with type ${type} the API silently drops them`,
      hint: 'set type: specific, or remove categories',
    };
  }
  const rulePointer = path.slice(0, path.lastIndexOf('/'));
  const type = ruleType(document, rulePointer) ?? '?';
  return {
    message: `'${key}' does not belong in ${describeRule(type)}`,
    hint: `${describeRule(type)} takes ${RULE_KEYS[type] ?? 'type'}`,
  };
}

function describeRule(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} '${type}' rule`;
}

function describeRange(path: string, found: unknown, error: ErrorObject): { message: string; hint?: string } {
  const isAmount = path.endsWith('/amount');
  if (isAmount && Number(found) < 0) return { message: `amount must not be negative (found ${showValue(found)})` };
  if (isAmount && (error.keyword === 'maximum' || /^[0-9]{10,}/.test(String(found)))) {
    return { message: `amount is too large (found ${showValue(found)})`, hint: 'amounts are below one billion' };
  }
  if (isAmount) return { message: `amount must be a number such as 5 or "5.50" (found ${showValue(found)})` };
  if (error.keyword === 'minimum') return { message: `must be an integer of 1 or more (found ${showValue(found)})` };
  const reference = describeReferenceKind(path);
  const hidden = reference && typeof found === 'string' ? describeHidden(found, reference) : undefined;
  if (hidden) return hidden;
  if (path.endsWith('/category') || /^\/category_access\/categories\/\d+$/.test(path)) {
    return {
      message: `is not a category path (found ${showValue(found)})`,
      hint: "names from the root joined by '/', no empty name; write a '/' inside a name as \\/ and a backslash as \\\\",
    };
  }
  if (path === '/name' || /^\/(renamed_from|merged_from)\/\d+$/.test(path))
    return describeBadName(
      String(found),
      path === '/name' ? 'name' : path.startsWith('/merged_from') ? 'a merged group name' : 'an earlier name',
    );
  if (/^\/stores\/\d+$/.test(path))
    return {
      message: `${showValue(found)} is not a store name (lower-case letters, digits, - or _)`,
      hint: 'list names of the stores in the config',
    };
  return { message: error.message ?? 'has the wrong format' };
}

function describeBadName(name: string, label: string): { message: string; hint?: string } {
  return (
    describeHidden(name, label) ?? {
      message: `${label} must not be blank or start or end with spaces`,
      hint: 'the API would trim it and the group would never match',
    }
  );
}

/** What a reference (category path, SKU, price list name) is called in messages, by where it sits. */
function describeReferenceKind(path: string): string | undefined {
  if (path.endsWith('/category') || /^\/category_access\/categories\/\d+$/.test(path)) return 'category path';
  if (path.endsWith('/product_sku')) return 'product_sku';
  if (path.endsWith('/price_list')) return 'price_list';
  return undefined;
}

function describeHidden(text: string, label: string): { message: string; hint: string } | undefined {
  const hidden = findHidden(text);
  if (!hidden) return undefined;
  const character = [...text.slice(0, hidden.index)].length + 1;
  const what = label === 'name' || label === 'an earlier name' ? 'names' : 'references';
  return {
    message: `${label} holds ${describeCodePoint(hidden.codePoint)} at character ${character}`,
    hint: `${what} may not hold control characters, invisible or default-ignorable characters (bidi overrides, zero-width, fillers, variation selectors), blank symbols or spaces other than the plain space: they make one ${what === 'names' ? 'name' : 'reference'} look like another; remove it${what === 'names' ? '' : ', or use the id'}`,
  };
}

/** "U+202E (a bidi override)": the code point and what kind of character it is. */
export function describeCodePoint(codePoint: number): string {
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return `${code} (${describeKind(codePoint)})`;
}

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;

function describeKind(codePoint: number): string {
  const char = String.fromCodePoint(codePoint);
  if (codePoint < 0x20 || codePoint === 0x7f) return 'a C0 control character';
  if (codePoint >= 0x80 && codePoint <= 0x9f) return 'a C1 control character';
  if (
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069) ||
    codePoint === 0x200e ||
    codePoint === 0x200f ||
    codePoint === 0x61c
  )
    return 'a bidi control';
  if ((codePoint >= 0x200b && codePoint <= 0x200d) || codePoint === 0x2060 || codePoint === 0xfeff)
    return 'a zero-width character';
  if (codePoint === 0x2028 || codePoint === 0x2029) return 'a line or paragraph separator';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'half of a surrogate pair';
  if (SPACES.test(char)) return 'a space other than the plain space U+0020';
  if (codePoint === 0x2800) return 'a blank symbol';
  if ((codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef))
    return 'a variation selector';
  if (/\p{Cf}/u.test(char)) return 'an invisible format character';
  return 'an invisible, default-ignorable character';
}
