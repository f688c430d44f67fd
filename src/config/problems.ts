// Problems of a config file, each at file:line:col with a hint, in the same shape as group-file problems.
// Values are never quoted back unless they are numbers or booleans: a config may hold a misplaced secret.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { compileSchema } from '../schemas.js';
import type { Problem } from '../errors.js';
import type { Position } from '../model.js';
import { parseGroupYaml } from '../desired/parse.js';
import { joinPointer, locate, toFieldPath, valueAt, type PositionIndex } from '../desired/pointer.js';

export const PATTERN_MESSAGES: Record<string, string> = {
  storeHash: 'must be letters and digits only (the part after /stores/ in the API path)',
  apiUrl: 'must be an http(s) URL such as https://api.bigcommerce.com',
  accessTokenEnv: 'must be the name of an environment variable in capitals, such as BIGCOMMERCE_ACCESS_TOKEN',
};

export function compileConfigSchema(): ValidateFunction {
  return compileSchema('config.schema.json', { verbose: true });
}

export interface ConfigFileSource {
  /** The file as messages name it (relative to cwd). */
  file: string;
  /** Where to read it again for positions. */
  filepath: string;
  /** The token variable to name when the file does not set a usable accessTokenEnv. */
  defaultTokenEnv: string;
}

type Locate = (pointer: string, prefer: 'key' | 'value') => Position;

/** Every problem of a loaded config file (token keys first, then the schema); empty when it is fine. */
export function findConfigProblems(config: unknown, source: ConfigFileSource): Problem[] {
  const at = locatorFor(source.filepath);
  const { file } = source;
  if (!isMapping(config)) {
    const found = Array.isArray(config) ? 'a list' : config === null ? 'null' : `a ${typeof config}`;
    return [{ file, ...at('', 'value'), field: '', message: `the config must be a mapping of settings (found ${found})`, hint: 'write settings as key: value, such as storeHash: abc123' }];
  }
  const variable = tokenVariable(config, source.defaultTokenEnv);
  const tokenKeys = findTokenKeys(config, '');
  const problems: Problem[] = tokenKeys.map((pointer) => ({
    file,
    ...at(pointer, 'key'),
    field: toFieldPath(pointer),
    message: `'${toFieldPath(pointer)}' looks like a secret. Tokens come only from the environment variable named by accessTokenEnv (${variable})`,
    hint: `remove it from the file and set ${variable} in the environment instead`,
  }));
  const validate = compileConfigSchema();
  if (!validate(config)) {
    const secretFields = new Set(problems.map((problem) => problem.field));
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      const problem = describeSchemaError(config, error, file, at);
      const key = `${problem.field}:${problem.message}`;
      // A token key is often also an unknown key: the secret warning says enough.
      if (secretFields.has(problem.field) || seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}

/**
 * The position of a setting in a JSON or YAML config; JS and TS configs compute their values, so all
 * their problems sit at 1:1. YAML is a superset of JSON, so the group files' parser reads either.
 */
function locatorFor(filepath: string): Locate {
  const fallback: Locate = () => ({ line: 1, col: 1 });
  if (!['', '.json', '.yaml', '.yml'].includes(path.extname(filepath).toLowerCase())) return fallback;
  let text: string;
  try {
    text = readFileSync(filepath, 'utf8');
  } catch {
    return fallback;
  }
  const result = parseGroupYaml(filepath, text);
  if (!('parsed' in result)) return fallback;
  const index: PositionIndex = result.parsed.positions;
  const base = path.basename(filepath) === 'package.json' ? '/bcgroups' : '';
  return (pointer, prefer) => locate(index, `${base}${pointer}`, prefer);
}

/** Named in messages only when it reads like a variable name; a token pasted there must not be echoed. */
function tokenVariable(config: Record<string, unknown>, defaultTokenEnv: string): string {
  const named = config.accessTokenEnv;
  return typeof named === 'string' && /^[A-Z_][A-Z0-9_]*$/.test(named) ? named : defaultTokenEnv;
}

/** Keys that hold a token or secret, by name (their values are never read, so they cannot leak). */
function findTokenKeys(settings: Record<string, unknown>, pointer: string): string[] {
  return Object.entries(settings).flatMap(([key, value]) => {
    const child = joinPointer(pointer, key);
    if (/(token|secret|password|apikey|credentials?)$/.test(key.toLowerCase().replace(/[^a-z0-9]/g, ''))) return [child];
    return isMapping(value) ? findTokenKeys(value, child) : [];
  });
}

function describeSchemaError(config: unknown, error: ErrorObject, file: string, at: Locate): Problem {
  const pointer = error.instancePath;
  const field = toFieldPath(pointer);
  const params = error.params as Record<string, unknown>;
  const found = show(valueAt(config, pointer));
  const about = describeSetting(field, error.parentSchema);
  const valueProblem = (message: string): Problem => ({ file, ...at(pointer, 'value'), field, message, ...(about ? { hint: about } : {}) });
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const child = joinPointer(pointer, key);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {}).filter((name) => name !== '$schema');
      const near = closestKey(key, allowed);
      return {
        file,
        ...at(child, 'key'),
        field: toFieldPath(child),
        message: `unknown key '${key}'`,
        hint: `${near ? `did you mean '${near}'? ` : ''}allowed here: ${allowed.join(', ')}`,
      };
    }
    case 'type':
      return valueProblem(`must be ${describeType(String(params.type))} (found ${found})`);
    case 'minimum':
      return valueProblem(`must be at least ${String(params.limit)} (found ${found})`);
    case 'maximum':
      return valueProblem(`must be at most ${String(params.limit)} (found ${found})`);
    case 'exclusiveMaximum':
      return valueProblem(`must be below ${String(params.limit)} (found ${found})`);
    case 'pattern':
      return valueProblem(PATTERN_MESSAGES[field] ?? 'has the wrong format');
    case 'minLength':
      return valueProblem('must not be empty');
    default:
      return valueProblem(error.message ?? `fails ${error.keyword}`);
  }
}

/** The schema's own description of a setting, so the hint says what it is for and its default. */
function describeSetting(field: string, schema: unknown): string | undefined {
  const description = isMapping(schema) ? schema.description : undefined;
  if (typeof description !== 'string' || !field) return undefined;
  const fallback = isMapping(schema) && 'default' in schema && !isMapping(schema.default) ? ` Default: ${String(schema.default)}.` : '';
  return `${field}: ${description}${fallback}`;
}

function describeType(type: string): string {
  const names: Record<string, string> = { integer: 'a whole number', number: 'a number', object: 'a mapping (key: value)', boolean: 'true or false', string: 'a string' };
  return names[type] ?? `of type ${type}`;
}

function show(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

/** An allowed key within two edits of a misspelt one (case ignored), if any. */
function closestKey(key: string, allowed: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of allowed) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
