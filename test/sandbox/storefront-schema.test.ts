// The multi-storefront bodies are the project's own, written from BigCommerce's specs (channels,
// customers V3, price lists); this reads the specs from shared/reference and keeps the two in step:
// the field tables, paths, filters, limits and scopes, every answer of the sandbox and every body the
// client sends, each checked by the spec's own schema.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addAssignments, ASSIGNMENTS_WRITE_SCOPE_HINT, upsertAssignment } from '../../src/bigcommerce/assignments.js';
import {
  CHANNEL_SETTINGS_WRITE_SCOPE_HINT,
  CHANNELS_SCOPE_HINT,
  writeChannelGroupSettings,
} from '../../src/bigcommerce/channels.js';
import { DELETE_FILTERS, GET_FILTERS } from '../../src/sandbox/assignment-routes.js';
import { SCOPES, type Sandbox } from '../../src/sandbox/index.js';
import {
  ASSIGNMENT_POST_FIELDS,
  ASSIGNMENT_PUT_FIELDS,
  CHANNEL_SETTINGS_FIELDS,
  MAX_ASSIGNMENT_BATCH,
} from '../../src/sandbox/storefront-bodies.js';
import { compileSpec, describeErrors, findReference, readSpec, type SpecNode } from '../support/reference.js';
import { callSandbox, getV3, withSandbox } from '../support/sandbox.js';
import { STOREFRONT_SCOPES, transportFor } from '../support/storefronts.js';

const FILES = {
  priceLists: findReference('bigcommerce-price_lists.v3.yml'),
  customers: findReference('bigcommerce-customers.v3.yml'),
  channels: findReference('bigcommerce-channels.v3.yml'),
};

const STORE = {
  scopes: STOREFRONT_SCOPES,
  seed: [
    { id: 1, name: 'Retail' },
    { id: 2, name: 'Wholesale', discount_rules: [{ type: 'all' as const, method: 'percent', amount: 5 }] },
  ],
  catalog: { price_lists: [{ id: 7, name: 'Trade 2026' }] },
  channels: [
    { id: 2, name: 'EU Store', customer_settings: { customer_group_settings: { guest_customer_group_id: 1 } } },
  ],
  assignments: [{ price_list_id: 7, customer_group_id: 1 }],
};

/** The fields of an OpenAPI object schema as `name: type`, and what it requires. */
function fieldTable(schema: SpecNode): { properties: Record<string, string>; required: string[] } {
  const properties = Object.fromEntries(
    Object.entries(schema.properties as SpecNode).map(([key, value]) => [key, value.type as string]),
  );
  return { properties, required: [...((schema.required as string[]) ?? [])].sort() };
}

/** The spec's ids are plain integers, yet its text says null removes a channel's override; null is allowed here. */
function allowNullIds(schema: SpecNode): SpecNode {
  const copy = structuredClone(schema);
  for (const field of Object.values(copy.properties.customer_group_settings.properties) as SpecNode[])
    field.type = ['integer', 'null'];
  return copy;
}

if (!FILES.priceLists || !FILES.customers || !FILES.channels) {
  console.log('SKIPPED: the official specs are not in shared/reference; the storefront bodies were not compared.');
} else {
  const priceLists = readSpec(FILES.priceLists);
  const customers = readSpec(FILES.customers);
  const channels = readSpec(FILES.channels);
  const priceListSchema = compileSpec(priceLists);
  const channelSchema = compileSpec(channels);
  const customerSchemas = customers.components.schemas as SpecNode;
  const customerSchema = compileSpec({
    ...customers,
    components: {
      ...customers.components,
      schemas: {
        ...customerSchemas,
        NullableChannelSettings: allowNullIds(customerSchemas.CustomerChannelSettingsObject),
      },
    },
  });
  const checkBody = (validate: ReturnType<typeof priceListSchema>, body: unknown, what: string) =>
    assert.ok(validate(body), `${what}: ${describeErrors(validate)}`);

  test('the assignment and channel settings field tables are those of the specs', () => {
    const schemas = priceLists.components.schemas as SpecNode;
    const postRow = fieldTable(schemas.AssignmentsForRequest);
    assert.equal(postRow, {
      properties: ASSIGNMENT_POST_FIELDS.properties,
      required: [...ASSIGNMENT_POST_FIELDS.required].sort(),
    });
    const putBody = fieldTable(schemas.AssignmentForPutRequest);
    assert.equal(putBody, {
      properties: ASSIGNMENT_PUT_FIELDS.properties,
      required: [...ASSIGNMENT_PUT_FIELDS.required].sort(),
    });
    assert.is(schemas.CreateBatchPriceListAssignmentsRequest.type, 'array');
    const settings = customerSchemas.CustomerChannelSettingsObject;
    assert.equal(fieldTable(settings).properties, CHANNEL_SETTINGS_FIELDS.properties);
    for (const part of ['customer_group_settings', 'privacy_settings'] as const)
      assert.equal(fieldTable(settings.properties[part]).properties, CHANNEL_SETTINGS_FIELDS[part]);
  });

  test('paths, methods, filters and the batch limit are the documented ones', () => {
    const paths = priceLists.paths as SpecNode;
    const methods = (spec: SpecNode, path: string) =>
      Object.keys(spec.paths[path])
        .filter((key) => key !== 'parameters')
        .sort();
    assert.equal(methods(priceLists, '/pricelists/assignments'), ['delete', 'get', 'post']);
    assert.equal(methods(priceLists, '/pricelists/{price_list_id}/assignments'), ['put']);
    assert.equal(methods(customers, '/customers/settings/channels/{channel_id}'), ['get', 'put']);
    assert.ok(methods(channels, '/channels').includes('get'));
    const assignments = paths['/pricelists/assignments'];
    const getNames = (assignments.get.parameters as SpecNode[]).map((p) => p.name as string);
    for (const filter of GET_FILTERS) assert.ok(getNames.includes(filter), `GET documents ${filter}`);
    const deleteNames = (assignments.delete.parameters as SpecNode[]).map(
      (p) => priceLists.components.parameters[String(p.$ref).split('/').at(-1)!].name as string,
    );
    assert.equal([...deleteNames].sort(), [...DELETE_FILTERS].sort());
    assert.match(
      assignments.post.description,
      `The batch limit for \`Price List Assignments\` is ${MAX_ASSIGNMENT_BATCH}.`,
    );
    assert.equal(Object.keys(assignments.post.responses).sort(), ['200', '422']);
    assert.equal(Object.keys(paths['/pricelists/{price_list_id}/assignments'].put.responses).sort(), ['200', '404']);
  });

  test('the scopes the sandbox checks and the client names are in the specs security sections', () => {
    const scopesOf = (spec: SpecNode) => String(spec.components.securitySchemes['X-Auth-Token'].description);
    for (const scope of ['store_v2_products', 'store_v2_products_read_only'])
      assert.ok(scopesOf(priceLists).includes(`\`${scope}\``), scope);
    for (const scope of ['store_v2_customers', 'store_v2_customers_read_only'])
      assert.ok(scopesOf(customers).includes(`\`${scope}\``), scope);
    for (const scope of ['store_channel_settings', 'store_channel_settings_read_only'])
      assert.ok(scopesOf(channels).includes(`\`${scope}\``), scope);
    assert.ok((SCOPES as readonly string[]).includes('store_channel_settings_read_only'));
    assert.match(CHANNELS_SCOPE_HINT, 'store_channel_settings_read_only');
    assert.match(CHANNEL_SETTINGS_WRITE_SCOPE_HINT, 'store_v2_customers');
    assert.match(ASSIGNMENTS_WRITE_SCOPE_HINT, 'store_v2_products');
  });

  test('every sandbox answer of these endpoints conforms to the spec schema', () =>
    withSandbox({ ...STORE, assignmentBatchErrors: 'partial' }, async (sandbox: Sandbox) => {
      const list = await getV3(sandbox, '/channels');
      const channelsResponse =
        '/components/responses/multiple_channels_without_currencies_resp/content/application~1json/schema';
      checkBody(channelSchema(channelsResponse), list.body, 'GET /channels');
      const settings = await getV3(sandbox, '/customers/settings/channels/2');
      checkBody(
        customerSchema('/components/schemas/NullableChannelSettings'),
        (settings.body as SpecNode).data,
        'settings',
      );
      const rows = await getV3(sandbox, '/pricelists/assignments');
      checkBody(priceListSchema('/components/schemas/AssignmentsForGetResponse'), rows.body, 'GET assignments');
      const put = await callSandbox(
        sandbox,
        'PUT',
        '/pricelists/7/assignments',
        { customer_group_id: 1, channel_id: 2 },
        {},
        'v3',
      );
      checkBody(priceListSchema('/components/schemas/AssignmentForPutResponse'), put.body, 'PUT assignment');
      const batch = [
        { price_list_id: 7, customer_group_id: 2, channel_id: 1 },
        { price_list_id: 7, channel_id: 2 },
      ];
      const refused = await callSandbox(sandbox, 'POST', '/pricelists/assignments', batch, {}, 'v3');
      assert.is(refused.status, 422);
      checkBody(priceListSchema('/components/schemas/PriceListAssignmentsBatchErrorResponse'), refused.body, '422');
    }));

  test('every body the client sends conforms to the spec request schema', () =>
    withSandbox(STORE, async (sandbox: Sandbox) => {
      const transport = transportFor(sandbox);
      await addAssignments(transport, [
        { price_list_id: 7, customer_group_id: 1, channel_id: 2 },
        { price_list_id: 7, customer_group_id: 0, channel_id: 1 },
      ]);
      await upsertAssignment(transport, { price_list_id: 7, customer_group_id: 1, channel_id: 1 });
      await writeChannelGroupSettings(transport, 2, { guest_customer_group_id: null, default_customer_group_id: 1 });
      const sent = sandbox.log.filter((entry) => entry.body !== undefined);
      assert.equal(
        sent.map((entry) => entry.method),
        ['POST', 'PUT', 'PUT'],
      );
      checkBody(priceListSchema('/components/schemas/CreateBatchPriceListAssignmentsRequest'), sent[0]!.body, 'POST');
      checkBody(priceListSchema('/components/schemas/AssignmentForPutRequest'), sent[1]!.body, 'PUT assignment');
      checkBody(customerSchema('/components/schemas/NullableChannelSettings'), sent[2]!.body, 'PUT settings');
      assert.equal(Object.keys(sent[2]!.body as object), ['customer_group_settings']);
      assert.is(sandbox.counters.nonConforming, 0);
    }));
}

test.run();
