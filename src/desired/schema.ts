// Checks a parsed group file against schemas/customer-group.schema.json, the one source of truth for
// the file format (editors use the same file), and points each error at its key or value.
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Problem } from '../errors.js';
import { compileSchema, readSchema } from '../schemas.js';
import type { ParsedFile } from './parse.js';
import { joinPointer, locate, toFieldPath, valueAt } from './pointer.js';

export function readGroupSchema(): Record<string, unknown> {
  return readSchema('customer-group.schema.json');
}

function compileGroupSchema() {
  return compileSchema('customer-group.schema.json', { strictRequired: false, allowUnionTypes: true, verbose: true });
}

/** Every schema problem of one file; an empty list when the file matches the schema. */
export function checkGroupSchema(parsed: ParsedFile): Problem[] {
  const validate = compileGroupSchema();
  if (validate(parsed.value)) return [];
  const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'if');
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    const problem = describeSchemaError(parsed, error);
    const key = `${problem.line}:${problem.col}:${problem.field}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describeSchemaError(parsed: ParsedFile, error: ErrorObject): Problem {
  const { file, value: document, positions } = parsed;
  const path = error.instancePath;
  const found = valueAt(document, path);
  const at = (pointer: string, prefer: 'key' | 'value') => ({ file, ...locate(positions, pointer, prefer) });
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      return {
        ...at(joinPointer(path, key), 'key'),
        field: toFieldPath(joinPointer(path, key)),
        message: `unknown key '${key}'`,
        hint: `allowed here: ${allowed.join(', ')}`,
      };
    }
    case 'required': {
      const key = String(params.missingProperty);
      return { ...at(path, 'key'), field: toFieldPath(joinPointer(path, key)), message: describeMissing(document, path, key) };
    }
    case 'false schema':
      return { ...at(path, 'key'), ...describeForbidden(document, path) };
    case 'enum':
      return {
        ...at(path, 'value'),
        field: toFieldPath(path),
        message: `must be one of ${(params.allowedValues as unknown[]).join(', ')} (found ${show(found)})`,
      };
    case 'type':
      return { ...at(path, 'value'), field: toFieldPath(path), message: `must be ${describeType(String(params.type))} (found ${show(found)})` };
    case 'minimum':
    case 'pattern':
      return { ...at(path, 'value'), field: toFieldPath(path), ...describeRange(path, found, error) };
    case 'maximum':
      if (params.limit !== 100) return { ...at(path, 'value'), field: toFieldPath(path), ...describeRange(path, found, error) };
      return {
        ...at(path, 'value'),
        field: toFieldPath(path),
        message: `a percent discount is at most 100 (found ${show(found)})`,
        hint: 'for an amount off use method: price; for a fixed price use method: fixed',
      };
    case 'minLength':
      return { ...at(path, 'value'), field: toFieldPath(path), message: 'must not be empty' };
    case 'maxLength':
      return { ...at(path, 'value'), field: toFieldPath(path), message: `is longer than ${String(params.limit)} characters` };
    case 'uniqueItems':
      return { ...at(path, 'key'), field: toFieldPath(path), message: `lists a category twice (items ${String(params.j)} and ${String(params.i)})` };
    default:
      return { ...at(path, 'value'), field: toFieldPath(path), message: error.message ?? `fails ${error.keyword}` };
  }
}

const RULE_KEYS: Record<string, string> = {
  all: 'method, amount',
  category: 'method, amount, category_id',
  product: 'method, amount, product_id',
  price_list: 'price_list_id',
};

function ruleType(document: unknown, rulePointer: string): string | undefined {
  const type = valueAt(document, joinPointer(rulePointer, 'type'));
  return typeof type === 'string' ? type : undefined;
}

function describeMissing(document: unknown, path: string, key: string): string {
  if (/^\/discount_rules\/\d+$/.test(path)) {
    const type = ruleType(document, path);
    if (type) return `${describeRule(type)} needs '${key}' (it takes ${RULE_KEYS[type]})`;
  }
  if (path === '/category_access' && key === 'categories') return `type specific needs 'categories' (a list of category ids)`;
  return `missing required key '${key}'`;
}

function describeForbidden(document: unknown, path: string): { field: string; message: string; hint?: string } {
  const field = toFieldPath(path);
  const key = path.slice(path.lastIndexOf('/') + 1);
  if (path === '/category_access/categories') {
    const type = String(valueAt(document, '/category_access/type'));
    return {
      field,
      message: `categories only go with type specific; with type ${type} the API silently drops them`,
      hint: 'set type: specific, or remove categories',
    };
  }
  const rulePointer = path.slice(0, path.lastIndexOf('/'));
  const type = ruleType(document, rulePointer) ?? '?';
  return { field, message: `'${key}' does not belong in ${describeRule(type)}`, hint: `${describeRule(type)} takes ${RULE_KEYS[type] ?? 'type'}` };
}

function describeRule(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} '${type}' rule`;
}

function describeRange(path: string, found: unknown, error: ErrorObject): { message: string; hint?: string } {
  const isAmount = path.endsWith('/amount');
  if (isAmount && Number(found) < 0) return { message: `amount must not be negative (found ${show(found)})` };
  if (isAmount && (error.keyword === 'maximum' || /^[0-9]{10,}/.test(String(found)))) {
    return { message: `amount is too large (found ${show(found)})`, hint: 'amounts are below one billion' };
  }
  if (isAmount) return { message: `amount must be a number such as 5 or "5.50" (found ${show(found)})` };
  if (error.keyword === 'minimum') return { message: `must be an integer of 1 or more (found ${show(found)})` };
  if (path === '/name') return { message: 'name must not be blank or start or end with spaces', hint: 'the API would trim it and the group would never match' };
  return { message: error.message ?? 'has the wrong format' };
}

function describeType(type: string): string {
  const names: Record<string, string> = {
    'number,string': 'a number or a numeric string',
    integer: 'an integer',
    object: 'a mapping (key: value)',
    array: 'a list',
    boolean: 'true or false',
    string: 'a string',
  };
  return names[type] ?? `of type ${type}`;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value !== null && typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a mapping';
  return JSON.stringify(value);
}
