// Problems of a config file, each at file:line:col with a hint, in the same shape as group-file problems.
// Values are never quoted back unless they are numbers or booleans: a config may hold a misplaced secret.
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { loadValidator } from '../schema/index.js';
import type { Problem } from '../errors.js';
import type { Position } from '../model/index.js';
import { joinPointer, locate, toFieldPath, type PositionIndex } from '../schema/pointer.js';
import { findSharedStores } from './store-sharing.js';
import { describeSchemaErrors, showKind, type Described, type Prefer } from '../schema/errors.js';
import { isMapping } from '../text/mapping.js';

const PATTERN_MESSAGES: Record<string, string> = {
  storeHash: 'must be letters and digits only (the part after /stores/ in the API path)',
  apiUrl: 'must be an http(s) URL such as https://api.bigcommerce.com',
  accessTokenEnv: 'must be the name of an environment variable in capitals, such as BIGCOMMERCE_ACCESS_TOKEN',
};

export function compileConfigSchema(): ValidateFunction {
  return loadValidator('config');
}

export interface ConfigFileSource {
  /** The file as messages name it (relative to cwd). */
  file: string;
  filepath: string;
  /** Where each setting sits, as the parse of the file found it; none for JS and TS configs. */
  positions?: PositionIndex;
  /** The token variable to name when the file does not set a usable accessTokenEnv. */
  defaultTokenEnv: string;
}

type Locate = (pointer: string, prefer: Prefer) => Position;

/** Every problem of a loaded config file (token keys first, then the schema); empty when it is fine. */
export function findConfigProblems(config: unknown, source: ConfigFileSource): Problem[] {
  const at = locatorFor(source.filepath, source.positions);
  const { file } = source;
  if (!isMapping(config)) {
    const found = Array.isArray(config) ? 'a list' : config === null ? 'null' : `a ${typeof config}`;
    return [
      {
        file,
        ...at('', 'value'),
        field: '',
        message: `the config must be a mapping of settings (found ${found})`,
        hint: 'write settings as key: value, such as storeHash: abc123',
      },
    ];
  }
  const variable = tokenVariable(config, source.defaultTokenEnv);
  const tokenKeys = findTokenKeys(config, '');
  const problems: Problem[] = tokenKeys.map((pointer) => ({
    file,
    ...at(pointer, 'key'),
    field: toFieldPath(pointer),
    message:
      `'${toFieldPath(pointer)}' looks like a secret. Tokens come only from the environment ` +
      `variable named by accessTokenEnv (${variable})`,
    hint: `remove it from the file and set ${variable} in the environment instead`,
  }));
  problems.push(...findSingleStoreKeys(config, at, file), ...findSharedStores(config, at, file));
  const validate = compileConfigSchema();
  if (!validate(config)) {
    // A token key is often also an unknown key: the secret warning says enough.
    const secretFields = new Set(problems.map((problem) => problem.field));
    const schemaProblems = describeSchemaErrors(
      validate.errors ?? [],
      { file, value: config, locate: at, show: showKind },
      rewordConfigError,
    );
    problems.push(...schemaProblems.filter((problem) => !secretFields.has(problem.field)));
  }
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** With stores named, a top-level storeHash or accessTokenEnv would leave unclear which store it means. */
function findSingleStoreKeys(config: Record<string, unknown>, at: Locate, file: string): Problem[] {
  if (!isMapping(config.stores)) return [];
  const first = Object.keys(config.stores)[0] ?? 'NAME';
  return (['storeHash', 'accessTokenEnv'] as const)
    .filter((key) => key in config)
    .map((key) => ({
      file,
      ...at(`/${key}`, 'key'),
      field: key,
      message: `${key} describes a single store, but this config names stores`,
      hint:
        `move it into each store (stores.${first}.${key})` +
        `${key === 'accessTokenEnv' ? `; a store without one reads BIGCOMMERCE_ACCESS_TOKEN_<NAME>` : ''}`,
    }));
}

/** The position of a setting; without positions (JS and TS configs) every problem sits at 1:1. */
function locatorFor(filepath: string, positions: PositionIndex | undefined): Locate {
  if (!positions) return () => ({ line: 1, col: 1 });
  const base = path.basename(filepath) === 'package.json' ? '/bcgroups' : '';
  return (pointer, prefer) => locate(positions, `${base}${pointer}`, prefer);
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
    if (/(token|secret|password|apikey|credentials?)$/.test(key.toLowerCase().replace(/[^a-z0-9]/g, '')))
      return [child];
    return isMapping(value) ? findTokenKeys(value, child) : [];
  });
}

/** Config words: what a pattern stands for, and for a bad value what the setting is for and its default. */
export function rewordConfigError(error: ErrorObject, described: Described): Described {
  const storeName =
    error.keyword === 'propertyNames'
      ? (error.params as { propertyName?: string }).propertyName
      : (error as { propertyName?: string }).propertyName;
  if (storeName !== undefined) return describeStoreName(error.instancePath, storeName);
  const field = toFieldPath(error.instancePath);
  const message =
    error.keyword === 'pattern'
      ? (PATTERN_MESSAGES[field.replace(/^stores\.[^.]+\./, '')] ?? described.message)
      : described.message;
  const about = described.prefer === 'value' ? describeSetting(field, error.parentSchema) : undefined;
  return { ...described, message, ...(about ? { hint: about } : {}) };
}

/** A store name is a word of commands and variables (--store NAME, BIGCOMMERCE_ACCESS_TOKEN_NAME). */
function describeStoreName(pointer: string, name: string): Described {
  return {
    pointer: joinPointer(pointer, name),
    prefer: 'key',
    message:
      `store name '${name.slice(0, 40)}' must be lower-case letters, ` +
      'digits, - or _, starting with a letter (at most 40)',
    hint: 'it is what --store NAME takes, and names the token variable BIGCOMMERCE_ACCESS_TOKEN_<NAME>',
  };
}

/** The schema's own description of a setting, so the hint says what it is for and its default. */
function describeSetting(field: string, schema: unknown): string | undefined {
  const description = isMapping(schema) ? schema.description : undefined;
  if (typeof description !== 'string' || !field) return undefined;
  const fallback =
    isMapping(schema) && 'default' in schema && !isMapping(schema.default)
      ? ` Default: ${String(schema.default)}.`
      : '';
  return `${field}: ${description}${fallback}`;
}
