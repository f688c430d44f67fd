// BigCommerce's own OpenAPI specs, read from the shared reference folder (never copied into the project),
// and compiled with ajv so answers and request bodies can be checked against the spec's own schemas.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

// biome-ignore lint/suspicious/noExplicitAny: a walk over an OpenAPI document of any shape
export type SpecNode = Record<string, any>;

/** The path of shared/reference/{file} in this folder or the nearest one above it that has it. */
export function findReference(file: string): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'reference', file);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export function readSpec(path: string): SpecNode {
  return parse(readFileSync(path, 'utf8')) as SpecNode;
}

/** Validators of the spec's own schemas, by JSON pointer into the document ("/components/schemas/X"). */
export function compileSpec(spec: SpecNode): (pointer: string) => ValidateFunction {
  // OpenAPI 3.0 schemas are JSON Schema with extra keywords (example, x-internal) that ajv is told to skip.
  const ajv = new Ajv({ strict: false, validateFormats: false, validateSchema: false, allErrors: true });
  ajv.addSchema(spec, 'spec');
  return (pointer) => {
    const validate = ajv.getSchema(`spec#${pointer}`);
    if (!validate) throw new Error(`the spec has no schema at ${pointer}`);
    return validate;
  };
}

/** The errors of a validation as short lines, for an assertion message. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ');
}

/** The same search under the name the promotions and tax-zone tests use. */
export const findReferenceSpec = findReference;
