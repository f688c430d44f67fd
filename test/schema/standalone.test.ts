// The build writes each validator as standalone code; that code must judge documents exactly as ajv's
// compile of the same schema does, errors included.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { compileValidator, generateValidatorCode, VALIDATORS, type ValidatorName } from '../../src/schema/index.js';

const require = createRequire(import.meta.url);

const SAMPLES: Record<ValidatorName, unknown[]> = {
  group: [
    { name: 'Retail' },
    { name: 'Trade', is_default: 'maybe', discount_rules: [{ type: 'category', method: 'percent', amount: 120 }] },
    { name: '', category_access: { type: 'specific', categories: [1, 1, 'x/y', {}] }, extra: true },
  ],
  config: [
    { storeHash: 'abc', concurrency: 4 },
    { storeHash: 'a b', concurrency: 0, request: { maxPages: -1 }, unknown: 1 },
  ],
  savedPlan: [{}, { formatVersion: 'x', changes: [{ action: 'drop' }] }],
  request: [{ name: 'Retail' }, { name: 5, discount_rules: [{ type: 'all' }] }],
  categoryPath: ['Tools/Power Tools', 'Nuts\\/Bolts', 'Tools//Drills', 'Evil\u202eliv', ''],
  productSku: ['HAM-16', 'HAM\u200b16', ''],
  priceListName: ['Wholesale 2026', 'Whole\u0000sale', 'x'.repeat(300)],
  channelName: ['EU Storefront', 'EU\u0000', 'x'.repeat(300)],
};

function judge(validate: ValidateFunction, document: unknown) {
  const valid = validate(document);
  return {
    valid,
    errors: (validate.errors ?? []).map(({ instancePath, schemaPath, keyword, params, message }) => ({
      instancePath,
      schemaPath,
      keyword,
      params,
      message,
    })),
  };
}

test('every validator has samples', () => {
  assert.equal(Object.keys(SAMPLES).sort(), Object.keys(VALIDATORS).sort());
});

for (const name of Object.keys(VALIDATORS) as ValidatorName[]) {
  test(`the standalone ${name} validator judges as ajv's compile does`, () => {
    // Inside the project, so the code's require() of ajv's runtime finds node_modules.
    const dir = mkdtempSync(path.join(fileURLToPath(new URL('.', import.meta.url)), '.validators-'));
    try {
      const file = path.join(dir, `${name}.cjs`);
      writeFileSync(file, generateValidatorCode(name));
      const standalone = require(file) as ValidateFunction;
      const compiled = compileValidator(name);
      for (const sample of SAMPLES[name])
        assert.equal(judge(standalone, sample), judge(compiled, sample), JSON.stringify(sample));
      assert.ok(
        SAMPLES[name].some((sample) => !compiled(sample)),
        'a sample that fails',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test.run();
