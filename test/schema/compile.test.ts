// Runs skip the meta-schema check and read the config defaults without ajv, so the checks happen here.
import { readdirSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readDefaults } from '../../src/config/defaults.js';
import { readSchema, type SchemaFile } from '../../src/schema/index.js';

const schemas = suite('schemas');

schemas('every schema in schemas/ is valid JSON Schema 2020-12', () => {
  const files = readdirSync(new URL('../../schemas/', import.meta.url)).filter((name) => name.endsWith('.schema.json'));
  assert.ok(files.length >= 4);
  const ajv = new Ajv2020({ strict: false });
  for (const file of files) {
    const valid = ajv.validateSchema(readSchema(file as SchemaFile));
    assert.ok(valid, `${file}: ${ajv.errorsText(ajv.errors)}`);
  }
});

schemas('the config defaults are what ajv useDefaults fills into an empty config', () => {
  const filled: Record<string, unknown> = {};
  new Ajv2020({ strict: true, useDefaults: true }).compile(readSchema('config.schema.json'))(filled);
  assert.equal(readDefaults(), filled);
});

schemas.run();
