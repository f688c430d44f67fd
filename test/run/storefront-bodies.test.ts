// Every request body an apply of storefront keys sends conforms to BigCommerce's own request schemas (price
// lists and customers V3 specs in shared/reference): the batch POST, the PUT upsert and the channel settings
// PUT, which carries customer_group_settings alone; a removal is a DELETE by id.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject } from '../support/cli.js';
import { compileSpec, describeErrors, findReference, readSpec, type SpecNode } from '../support/reference.js';
import { STOREFRONT_STORE as STORE } from '../support/storefronts.js';

const FILES = {
  priceLists: findReference('bigcommerce-price_lists.v3.yml'),
  customers: findReference('bigcommerce-customers.v3.yml'),
};

const GROUPS = {
  'wholesale.yaml':
    'name: Wholesale\nprice_lists:\n  - price_list: Wholesale EU\n    channel_id: 2\n  - price_list_id: 1\n',
  'trade.yaml': 'name: Trade\nprice_lists:\n  - price_list: Trade EU\n    channel_id: 3\ndefault_on_channels: [2]\n',
};

if (!FILES.priceLists || !FILES.customers) {
  console.log('SKIPPED: the official specs are not in shared/reference; the apply bodies were not compared.');
} else {
  const priceLists = compileSpec(readSpec(FILES.priceLists));
  const customers = readSpec(FILES.customers);
  const schemas = customers.components.schemas as SpecNode;
  // The spec's ids are plain integers, yet its text says null removes a channel's override.
  const nullable = structuredClone(schemas.CustomerChannelSettingsObject);
  for (const field of Object.values(nullable.properties.customer_group_settings.properties) as SpecNode[])
    field.type = ['integer', 'null'];
  const settings = compileSpec({
    ...customers,
    components: { ...customers.components, schemas: { ...schemas, NullableChannelSettings: nullable } },
  });

  test('apply sends only bodies the specs accept, and removes by id', async () => {
    const project = await openProject(GROUPS, {
      ...STORE,
      assignments: [...(STORE.assignments ?? []), { price_list_id: 2, customer_group_id: 3, channel_id: 2 }],
    });
    try {
      project.sandbox.log.length = 0;
      const applied = await project.run('apply', '--yes');
      assert.is(applied.code, 0, applied.out + applied.err);
      const writes = project.sandbox.log.filter((entry) => entry.method !== 'GET' && entry.path.includes('/v3/'));
      const check = (schema: string, compiled: typeof priceLists, body: unknown) => {
        const validate = compiled(schema);
        assert.ok(validate(body), `${schema}: ${describeErrors(validate)}`);
      };
      for (const entry of writes) {
        if (entry.method === 'DELETE') assert.match(entry.path, /\/v3\/pricelists\/assignments\?id=\d+$/);
        else if (entry.method === 'POST')
          check('/components/schemas/CreateBatchPriceListAssignmentsRequest', priceLists, entry.body);
        else if (entry.path.includes('/pricelists/'))
          check('/components/schemas/AssignmentForPutRequest', priceLists, entry.body);
        else {
          check('/components/schemas/NullableChannelSettings', settings, entry.body);
          assert.equal(Object.keys(entry.body as object), ['customer_group_settings']);
        }
      }
      assert.equal(writes.map((entry) => entry.method).sort(), ['DELETE', 'POST', 'PUT', 'PUT']);
      assert.is(project.sandbox.counters.nonConforming, 0);
    } finally {
      await project.close();
    }
  });
}

test.run();
