// The JSON Schemas in schemas/ are the one source of truth for files, config, plans and request bodies;
// every check compiles them the same way (JSON Schema 2020-12, all errors), from src/ and dist/ alike.
// `npm run build` also writes each validator below as standalone code into dist/validators/, so a run
// from dist/ loads ready code instead of loading and running ajv's compiler; without it, ajv compiles.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Options, ValidateFunction } from 'ajv/dist/2020.js';

export type SchemaFile =
  | 'customer-group.schema.json'
  | 'config.schema.json'
  | 'plan.schema.json'
  | 'customer-group-request.schema.json';

/** Every validator the project uses: its schema file, ajv options and the definition it checks. */
export const VALIDATORS = {
  group: {
    file: 'customer-group.schema.json',
    options: { strictRequired: false, allowUnionTypes: true, verbose: true },
  },
  config: { file: 'config.schema.json', options: { verbose: true } },
  savedPlan: { file: 'plan.schema.json', options: {}, definition: 'savedPlan' },
  request: { file: 'customer-group-request.schema.json', options: { strict: false } },
  // import --by-name writes a name only where the file format accepts it.
  categoryPath: {
    file: 'customer-group.schema.json',
    options: { strictRequired: false, allowUnionTypes: true },
    definition: 'categoryPath',
  },
  productSku: {
    file: 'customer-group.schema.json',
    options: { strictRequired: false, allowUnionTypes: true },
    definition: 'productSku',
  },
  priceListName: {
    file: 'customer-group.schema.json',
    options: { strictRequired: false, allowUnionTypes: true },
    definition: 'priceListName',
  },
  channelName: {
    file: 'customer-group.schema.json',
    options: { strictRequired: false, allowUnionTypes: true },
    definition: 'channelName',
  },
} as const satisfies Record<string, { file: SchemaFile; options: Options; definition?: string }>;

export type ValidatorName = keyof typeof VALIDATORS;

const require = createRequire(import.meta.url);

export function schemaUrl(file: SchemaFile): URL {
  return new URL(`../../schemas/${file}`, import.meta.url);
}

export function readSchema(file: SchemaFile): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaUrl(file), 'utf8')) as Record<string, unknown>;
}

/** Where the build writes a validator's standalone code (beside dist/schema/index.js). */
export function precompiledUrl(name: ValidatorName): URL {
  return new URL(`./validators/${name}.cjs`, import.meta.url);
}

const loaded = new Map<ValidatorName, ValidateFunction>();

/** A validator by name: the build's standalone code when present, else compiled once by ajv. */
export function loadValidator(name: ValidatorName): ValidateFunction {
  let validate = loaded.get(name);
  if (!validate) {
    const url = precompiledUrl(name);
    validate = existsSync(url) ? (require(url.pathname) as ValidateFunction) : compileValidator(name);
    loaded.set(name, validate);
  }
  return validate;
}

/** Compiles a validator with ajv, as a run without the build's code does. */
export function compileValidator(name: ValidatorName): ValidateFunction {
  return buildValidator(name, false).validate;
}

/** The validator as ajv standalone code (CommonJS), as the build writes it. */
export function generateValidatorCode(name: ValidatorName): string {
  const { ajv, validate } = buildValidator(name, true);
  const standaloneCode = (require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js'))
    .default;
  return standaloneCode(ajv, validate);
}

function buildValidator(name: ValidatorName, source: boolean) {
  const { file, options, ...rest } = VALIDATORS[name];
  const definition = 'definition' in rest ? rest.definition : undefined;
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // The schemas are ours and a test checks them against the meta-schema, so no run compiles that.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    validateSchema: false,
    ...options,
    ...(source ? { code: { source: true } } : {}),
  });
  const schema = readSchema(file);
  if (definition === undefined) return { ajv, validate: ajv.compile(schema) };
  ajv.addSchema(schema);
  const validate = ajv.getSchema(`${String(schema.$id)}#/$defs/${definition}`);
  if (!validate) throw new Error(`schemas/${file} has no definition '${definition}'`);
  return { ajv, validate };
}
