// The sandbox's list of include_fields values for products is the spec's, so it refuses what the spec refuses.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { PRODUCT_INCLUDE_FIELDS } from '../../src/sandbox/product-fields.js';
import { findReferenceSpec } from '../support/reference.js';

const SPEC_PATH = findReferenceSpec('bigcommerce-products.v3.yml');
// biome-ignore lint/suspicious/noExplicitAny: a walk over an OpenAPI document of any shape
type Node = Record<string, any>;

if (SPEC_PATH === undefined) {
  console.log(
    'SKIPPED: no shared/reference/bigcommerce-products.v3.yml above the project; include_fields was not compared.',
  );
} else {
  test('include_fields of GET /catalog/products allows exactly the spec values, and id is none of them', () => {
    const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as Node;
    const parameters = (spec.paths['/catalog/products'].get.parameters as Node[]).map((p) =>
      p.$ref ? spec.components.parameters[String(p.$ref).split('/').pop() as string] : p,
    );
    const include = parameters.find((p) => p.name === 'include_fields') as Node;
    assert.equal([...PRODUCT_INCLUDE_FIELDS].sort(), [...include.schema.items.enum].sort());
    assert.not.ok(PRODUCT_INCLUDE_FIELDS.includes('id'));
  });
}

test.run();
