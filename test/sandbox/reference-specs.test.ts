// The sandbox's answers and the client's requests for promotions, tax zones and customer moves, judged
// by BigCommerce's own OpenAPI specs (read from shared/reference, never copied): bodies validate against
// the spec's schemas, and the limits, parameters and scopes the project relies on are the spec's.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import {
  CUSTOMERS_READ_SCOPE,
  CUSTOMERS_WRITE_SCOPE,
  INFORMATION_READ_SCOPE,
  MARKETING_READ_SCOPE,
  MAX_MOVE_BATCH,
  MAX_MOVE_CONCURRENCY,
} from '../../src/bigcommerce/index.js';
import { MAX_CONCURRENT_CUSTOMER_PUTS, MAX_CUSTOMERS_PER_PUT, SCOPES } from '../../src/sandbox/index.js';
import { scopeFamilyOf } from '../../src/sandbox/scopes.js';
import { findReferenceSpec } from '../support/reference.js';
import { REFERENCE_STORE } from '../support/references.js';
import { callSandbox, clientFor, getV3, withSandbox } from '../support/sandbox.js';

// biome-ignore lint/suspicious/noExplicitAny: a walk over an OpenAPI document of any shape
type Node = Record<string, any>;
const FILES = { promotions: 'promotions', tax: 'tax-zones', customers: 'customers' } as const;
const paths = Object.fromEntries(
  Object.entries(FILES).map(([key, name]) => [key, findReferenceSpec(`bigcommerce-${name}.v3.yml`)]),
) as Record<keyof typeof FILES, string | undefined>;

if (Object.values(paths).some((path) => path === undefined)) {
  console.log('SKIPPED: the promotions, tax zones or customers V3 spec is not in shared/reference above the project.');
} else {
  const specs = Object.fromEntries(
    Object.entries(paths).map(([key, path]) => [key, parse(readFileSync(path as string, 'utf8')) as Node]),
  ) as Record<keyof typeof FILES, Node>;
  // The specs are OpenAPI 3.0: their patterns are not Unicode-mode regexps and their formats (int32) are hints.
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false });
  for (const [key, spec] of Object.entries(specs)) ajv.addSchema(spec, key);
  const schemaAt = (spec: keyof typeof FILES, pointer: string): ValidateFunction => {
    const validate = ajv.getSchema(`${spec}#${pointer}`);
    if (!validate) throw new Error(`no schema at ${spec}#${pointer}`);
    return validate;
  };
  const json = '/content/application~1json/schema';
  const conforms = (validate: ValidateFunction, body: unknown, what: string) =>
    assert.ok(validate(body), `${what}: ${ajv.errorsText(validate.errors)}`);

  test('GET /v3/promotions answers as the spec: a collection of saved promotions, and its 422', () =>
    withSandbox(REFERENCE_STORE, async (sandbox) => {
      conforms(
        schemaAt('promotions', `/components/responses/PromotionsCollectionResponse${json}`),
        (await getV3(sandbox, '/promotions?limit=2')).body,
        'promotions',
      );
      const refused = schemaAt('promotions', `/paths/~1promotions/get/responses/422${json}`);
      conforms(refused, (await getV3(sandbox, '/promotions?limit=0')).body, 'a refused limit');
    }));

  test('GET /v3/tax/zones answers as the spec, every zone at once', () =>
    withSandbox(REFERENCE_STORE, async (sandbox) => {
      const answer = (await getV3(sandbox, '/tax/zones')).body;
      conforms(schemaAt('tax', `/paths/~1tax~1zones/get/responses/200${json}`), answer, 'tax zones');
      const get = specs.tax.paths['/tax/zones'].get as Node;
      const names = (get.parameters as Node[]).map((p) => specs.tax.components.parameters[ref(p)].name);
      assert.equal(names, ['id:in'], 'no page or limit: the list is not paged');
    }));

  test("the client's PUT /v3/customers bodies and the sandbox's answers are the spec's", () =>
    withSandbox(REFERENCE_STORE, async (sandbox) => {
      const client = clientFor(sandbox);
      await client.moveCustomers((await client.store.readCustomerIds(2)).value, 3);
      const put = specs.customers.paths['/customers'].put as Node;
      const bodies = sandbox.log.filter((e) => e.method === 'PUT').map((e) => e.body);
      assert.is(bodies.length, 2);
      for (const body of bodies)
        conforms(schemaAt('customers', `/paths/~1customers/put/requestBody${json}`), body, 'PUT');
      const answer = await callSandbox(sandbox, 'PUT', '/customers', [{ id: 1, customer_group_id: 2 }], {}, 'v3');
      conforms(schemaAt('customers', `/components/responses/CustomerCollectionResponse${json}`), answer.body, 'answer');
      const refused = await callSandbox(sandbox, 'PUT', '/customers', [{ id: 99 }], {}, 'v3');
      conforms(schemaAt('customers', `/paths/~1customers/put/responses/422${json}`), refused.body, 'a 422');
      assert.ok('413' in put.responses);
      const listed = (await getV3(sandbox, '/customers?customer_group_id:in=3')).body;
      conforms(schemaAt('customers', `/components/responses/GetCustomerCollectionResponse${json}`), listed, 'GET');
    }));

  test('the limits of PUT /v3/customers are the spec words: 10 a request, 3 at once, 413 above 10', () => {
    const put = specs.customers.paths['/customers'].put as Node;
    const perCall = Number(/Limit of (\d+) customers per call/.exec(put.description)?.[1]);
    const atOnce = Number(/Limit of (\d+) concurrent requests/.exec(put.description)?.[1]);
    assert.equal([MAX_CUSTOMERS_PER_PUT, MAX_MOVE_BATCH], [perCall, perCall]);
    assert.equal([MAX_CONCURRENT_CUSTOMER_PUTS, MAX_MOVE_CONCURRENCY], [atOnce, atOnce]);
    assert.match(
      put.responses['413'].description,
      new RegExp(`maximum number of items allowed in the array is ${perCall}`),
    );
    assert.equal(specs.customers.components.schemas.customer_Put.required, ['id']);
  });

  test('GET /v3/customers cannot select fields: ids come with whole customers, so the client reads only ids', () => {
    const get = specs.customers.paths['/customers'].get as Node;
    const names = (get.parameters as Node[]).map((p) => (p.$ref ? specs.customers.components.parameters[ref(p)] : p));
    const byName = new Map(names.map((p) => [p.name as string, p]));
    assert.not.ok(byName.has('include_fields') || byName.has('exclude_fields'));
    // include only adds sub-resources; sending none is the smallest customer the API answers.
    assert.equal(byName.get('include').schema.items.enum.includes('addresses'), true);
    assert.ok(byName.has('customer_group_id:in'));
  });

  test('the scopes each path needs are those of the specs security sections', () => {
    const scopesOf = (spec: Node) =>
      [...String(spec.components.securitySchemes['X-Auth-Token'].description).matchAll(/`(store_[a-z_0-9]+)`/g)].map(
        (m) => m[1] as string,
      );
    assert.ok(scopesOf(specs.promotions).includes(MARKETING_READ_SCOPE));
    assert.ok(scopesOf(specs.tax).includes(INFORMATION_READ_SCOPE));
    assert.ok(scopesOf(specs.customers).includes(CUSTOMERS_READ_SCOPE));
    assert.ok(scopesOf(specs.customers).includes(CUSTOMERS_WRITE_SCOPE));
    for (const scope of [...scopesOf(specs.promotions), ...scopesOf(specs.tax)])
      assert.ok((SCOPES as readonly string[]).includes(scope), `the sandbox knows ${scope}`);
    assert.equal(
      [scopeFamilyOf('v3', '/promotions'), scopeFamilyOf('v3', '/tax/zones'), scopeFamilyOf('v3', '/customers')],
      ['marketing', 'information', 'customers'],
    );
  });

  test('promotions page with limit 1..250 and carry both group lists of integers', () => {
    const limit = specs.promotions.components.parameters.LimitQuery.schema as Node;
    assert.equal([limit.minimum, limit.maximum], [1, 250]);
    const customer = specs.promotions.components.schemas.Customer.properties as Node;
    assert.equal([customer.group_ids.items.type, customer.excluded_group_ids.items.type], ['integer', 'integer']);
    const zone = specs.tax.components.schemas.Tax_Zone.properties.shopper_target_settings.properties as Node;
    assert.is(zone.customer_groups.items.type, 'integer');
  });
}

function ref(parameter: Node): string {
  return String(parameter.$ref).split('/').pop() as string;
}

test.run();
