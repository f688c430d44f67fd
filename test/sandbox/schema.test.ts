// The request schema is written by hand from the official spec; this keeps the two from drifting apart.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { REQUEST_SCHEMA_URL, findSchemaViolations } from '../../src/sandbox/schema.js';
import { findReference } from '../support/reference.js';

const SPEC_PATH = findReference('bigcommerce-customers.v2.yml');
// biome-ignore lint/suspicious/noExplicitAny: a walk over an OpenAPI document of any shape
type Node = Record<string, any>;
const schema = JSON.parse(readFileSync(REQUEST_SCHEMA_URL, 'utf8')) as Node;

test('the schema accepts documented bodies and refuses undocumented ones', () => {
  assert.equal(
    findSchemaViolations({
      name: 'A',
      discount_rules: [
        { type: 'all', method: 'percent', amount: 5 },
        { type: 'product', method: 'fixed', amount: '1.5', product_id: 2 },
      ],
    }),
    [],
  );
  assert.equal(findSchemaViolations({ category_access: { type: 'specific', categories: [1] } }), []);
  assert.ok(findSchemaViolations({ id: 3 }).length > 0);
  assert.ok(findSchemaViolations({ discount_rules: [{ type: 'all', method: 'percent', amount: 'lots' }] }).length > 0);
  assert.ok(
    findSchemaViolations({ discount_rules: [{ type: 'price_list', price_list_id: 1, method: 'percent' }] }).length > 0,
  );
  assert.ok(findSchemaViolations({ category_access: { type: 'none', categories: [1] } }).length > 0);
});

if (!SPEC_PATH) {
  console.log('SKIPPED: the official spec is not in shared/reference; the request schema was not compared with it.');
} else {
  const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as Node;
  const schemas = spec.components.schemas as Node;
  const postPut = schemas.customerGroup_Post_Put as Node;
  const full = schemas.customerGroup_Full as Node;

  const WRITABLE_FIELDS_EXACTLY_THOSE =
    'writable fields are exactly those of customerGroup_Post_Put; read-only ones are the rest of customerGroup_Full';
  test(WRITABLE_FIELDS_EXACTLY_THOSE, () => {
    const ours = Object.entries(schema.properties as Node);
    const writable = ours
      .filter(([, s]) => !String(s.$ref ?? '').endsWith('/readOnly'))
      .map(([k]) => k)
      .sort();
    const readOnly = ours
      .filter(([, s]) => String(s.$ref ?? '').endsWith('/readOnly'))
      .map(([k]) => k)
      .sort();
    assert.equal(writable, Object.keys(postPut.properties).sort());
    assert.equal(
      readOnly,
      Object.keys(full.properties)
        .filter((k) => !(k in postPut.properties))
        .sort(),
    );
    assert.is(schema.properties.is_default.type, postPut.properties.is_default.type);
    assert.is(schema.properties.is_group_for_guests.type, postPut.properties.is_group_for_guests.type);
    assert.is(schema.properties.name.type, postPut.properties.name.type);
  });

  test('category access agrees with categoryAccessLevel_Full', () => {
    const theirs = schemas.categoryAccessLevel_Full as Node;
    const ours = schema.$defs.categoryAccess as Node;
    assert.equal(ours.properties.type.enum, theirs.properties.type.enum);
    assert.equal(Object.keys(ours.properties).sort(), Object.keys(theirs.properties).sort());
    assert.is(ours.properties.categories.items.type, theirs.properties.categories.items.type);
  });

  test('rule types, methods, fields and required fields agree with the spec', () => {
    const [priceList, others] = postPut.properties.discount_rules.oneOf as Node[];
    const theirRules: Node[] = [priceList!.items, ...(others!.items.oneOf as Node[])];
    const byType = new Map(theirRules.map((rule) => [rule.properties.type.enum[0] as string, rule]));
    const ourDefs: Record<string, string> = {
      price_list: 'priceListRule',
      all: 'allRule',
      category: 'categoryRule',
      product: 'productRule',
    };
    assert.equal([...byType.keys()].sort(), Object.keys(ourDefs).sort());
    for (const [type, defName] of Object.entries(ourDefs)) {
      const ours = schema.$defs[defName] as Node;
      const theirs = byType.get(type)!;
      assert.equal(Object.keys(ours.properties).sort(), Object.keys(theirs.properties).sort(), `fields of ${type}`);
      if (theirs.properties.method) assert.equal(schema.$defs.method.enum, theirs.properties.method.enum);
      // The spec's "price_list" in required is a typo for price_list_id; its "all" rule lists only type.
      const theirRequired = (theirs.required as string[]).map((f) => (f === 'price_list' ? 'price_list_id' : f));
      for (const field of theirRequired) assert.ok(ours.required.includes(field), `${type} requires ${field}`);
    }
    const responseTypes = (full.properties.discount_rules.oneOf as Node[])[0]!.items.properties.type.enum as string[];
    assert.equal([...responseTypes].sort(), Object.keys(ourDefs).sort());
  });

  test('the customer_groups paths and methods the sandbox serves are the documented ones', () => {
    const paths = spec.paths as Node;
    const methods = (path: string) =>
      Object.keys(paths[path])
        .filter((k) => k !== 'parameters')
        .sort();
    assert.equal(methods('/customer_groups'), ['get', 'post']);
    assert.equal(methods('/customer_groups/{customer_group_id}'), ['delete', 'get', 'put']);
    assert.equal(methods('/customer_groups/count'), ['get']);
    assert.equal(Object.keys(paths['/customer_groups'].post.responses), ['200', '207']);
  });
}

test.run();
