// The JSON Schemas in schemas/ are the one source of truth for files, config, plans and request bodies;
// every check compiles them the same way (JSON Schema 2020-12, all errors), from src/ and dist/ alike.
import { readFileSync } from 'node:fs';
import { Ajv2020, type Options, type ValidateFunction } from 'ajv/dist/2020.js';

export type SchemaFile = 'customer-group.schema.json' | 'config.schema.json' | 'plan.schema.json' | 'customer-group-request.schema.json';

export function schemaUrl(file: SchemaFile): URL {
  return new URL(`../schemas/${file}`, import.meta.url);
}

export function readSchema(file: SchemaFile): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaUrl(file), 'utf8')) as Record<string, unknown>;
}

const compiled = new Map<string, ValidateFunction>();

/** A validator for a schema file, or for one of its definitions (`#/$defs/name`); compiled once. */
export function compileSchema(file: SchemaFile, options: Options = {}, definition?: string): ValidateFunction {
  const key = `${file}#${definition ?? ''}#${JSON.stringify(options)}`;
  let validate = compiled.get(key);
  if (!validate) {
    // The schemas are ours and a test checks them against the meta-schema, so no run compiles that.
    const ajv = new Ajv2020({ allErrors: true, strict: true, validateSchema: false, ...options });
    const schema = readSchema(file);
    if (definition === undefined) {
      validate = ajv.compile(schema);
    } else {
      ajv.addSchema(schema);
      validate = ajv.getSchema(`${String(schema.$id)}#/$defs/${definition}`);
      if (!validate) throw new Error(`schemas/${file} has no definition '${definition}'`);
    }
    compiled.set(key, validate);
  }
  return validate;
}
