// Before a plan deletes a group it reads what else in the store names it, and refuses the delete, naming
// each reference, unless --force; a source the token may not read is "not checked" and needs --force too.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject } from '../../support/cli.js';
import type { SandboxOptions } from '../../../src/sandbox/index.js';
import { ReferenceStore } from '../../../src/sandbox/references.js';

const validatePlan = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(
  JSON.parse(readFileSync(new URL('../../../schemas/plan.schema.json', import.meta.url), 'utf8')) as object,
);

const FILES = { 'retail.yaml': 'name: Retail\n' };
const OLD = 2;
const SPARE = 3;

const STORE: SandboxOptions = {
  seed: [
    { id: 1, name: 'Retail' },
    { id: OLD, name: 'Old Wholesale' },
    { id: SPARE, name: 'Spare' },
  ],
  catalog: { price_lists: [{ id: 7, name: 'Trade prices' }] },
  promotions: [
    { id: 11, name: 'Trade only', group_ids: [OLD] },
    { id: 12, name: 'Everyone but trade', excluded_group_ids: [OLD] },
    { id: 13, name: 'Unrelated', group_ids: [1] },
  ],
  taxZones: [{ id: 21, name: 'Trade zone', customer_groups: [OLD] }],
  assignments: [{ id: 31, price_list_id: 7, customer_group_id: OLD, channel_id: 1 }],
  channels: [
    { id: 1, name: 'Main store', customer_settings: { customer_group_settings: { default_customer_group_id: OLD } } },
  ],
};

const REFERENCE_PATHS = [
  'GET /v3/promotions',
  'GET /v3/tax/zones',
  'GET /v3/pricelists/assignments',
  'GET /v3/channels',
  'GET /v3/customers/settings/channels/{id}',
];

function referenceReads(endpoints: Record<string, number>): number {
  return REFERENCE_PATHS.reduce((sum, path) => sum + (endpoints[path] ?? 0), 0);
}

interface JsonDelete {
  action: string;
  id: number;
  references?: Array<{ kind: string; id: number; name: string; role: string }>;
  unchecked?: string[];
}

test('a group named by two promotions, a tax zone, an assignment and a channel is refused, each named', async () => {
  const project = await openProject(FILES, STORE);
  try {
    const text = await project.run('plan', '--prune');
    assert.is(text.code, 3, text.err);
    for (const line of [
      "named by promotion 'Trade only' (id 11): only this group is eligible (group_ids)",
      "named by promotion 'Everyone but trade' (id 12): excludes this group (excluded_group_ids)",
      "named by tax zone 'Trade zone' (id 21): targets this group's shoppers",
      "named by price list assignment 'Trade prices on channel 1' (id 31)",
      "named by channel 'Main store' (id 1): its default group for new customers",
    ])
      assert.ok(text.out.includes(line), `missing: ${line}\n${text.out}`);
    assert.match(
      text.out,
      "Refusing to delete 1 group that the store still names, or that could not be checked: 'Old Wholesale' (id 2)",
    );
    assert.not.match(text.out, "'Spare' (id 3):");
    assert.match(text.out, 'Re-run with --force to allow it.');

    const json = await project.run('plan', '--prune', '--format', 'json');
    const plan = JSON.parse(json.out) as { changes: JsonDelete[]; refusals: Array<{ check: string }> };
    assert.ok(validatePlan(plan), JSON.stringify(validatePlan.errors));
    const old = plan.changes.find((change) => change.id === OLD);
    assert.equal(
      old?.references?.map(({ kind, id }) => `${kind}:${id}`),
      ['promotion:11', 'promotion:12', 'tax_zone:21', 'price_list_assignment:31', 'channel:1'],
    );
    assert.equal(old?.unchecked, []);
    assert.equal(plan.changes.find((change) => change.id === SPARE)?.references, []);
    assert.equal(
      plan.refusals.map((refusal) => refusal.check),
      ['references'],
    );

    const markdown = await project.run('plan', '--prune', '--format', 'markdown');
    assert.match(markdown.out, "named by tax zone 'Trade zone' (id 21)");

    const refused = await project.run('apply', '--prune', '--yes');
    assert.is(refused.code, 3, refused.err);
    assert.is(project.sandbox.log.filter((entry) => entry.method === 'DELETE').length, 0);

    const forced = await project.run('apply', '--prune', '--force', '--yes');
    assert.is(forced.code, 0, forced.err);
    const names = (await project.run('plan', '--format', 'json')).out;
    assert.not.match(names, 'Old Wholesale');
  } finally {
    await project.close();
  }
});

test('a source the token may not read is not checked, and the delete then needs --force', async () => {
  const project = await openProject(FILES, {
    ...STORE,
    promotions: [],
    taxZones: [],
    assignments: [],
    channels: [],
    scopes: [
      'store_v2_customers',
      'store_v2_products_read_only',
      'store_v2_information_read_only',
      'store_channel_settings_read_only',
    ],
  });
  try {
    const text = await project.run('plan', '--prune');
    assert.is(text.code, 3, text.err);
    assert.match(text.out, 'promotions not checked (needs scope store_v2_marketing_read_only)');
    const json = JSON.parse((await project.run('plan', '--prune', '--format', 'json')).out) as {
      changes: JsonDelete[];
    };
    assert.equal(json.changes.find((change) => change.id === OLD)?.unchecked, ['promotion']);
    const forced = await project.run('apply', '--prune', '--force', '--yes');
    assert.is(forced.code, 0, forced.err);
  } finally {
    await project.close();
  }
});

test("a refused read of a channel's customer settings leaves channels not checked, naming that scope", async () => {
  const project = await openProject(FILES, { ...STORE, forbiddenPaths: ['/v3/customers/settings'] });
  try {
    const text = await project.run('plan', '--prune');
    assert.is(text.code, 3, text.err);
    assert.match(text.out, "channels' guest and default groups not checked (needs scope store_v2_customers_read_only)");
    assert.match(text.out, "named by promotion 'Trade only' (id 11)");
  } finally {
    await project.close();
  }
});

test('what names a group is read only when a delete is planned, promotions in one paged read', async () => {
  const project = await openProject(FILES, STORE);
  try {
    assert.is((await project.run('plan')).code, 0);
    assert.is(referenceReads(project.sandbox.counters.endpoints), 0);
    await project.run('plan', '--prune');
    const endpoints = project.sandbox.counters.endpoints;
    assert.is(endpoints['GET /v3/promotions'], 1);
    assert.is(endpoints['GET /v3/tax/zones'], 1);
    assert.is(endpoints['GET /v3/pricelists/assignments'], 1);
    assert.is(endpoints['GET /v3/channels'], 1);
    assert.is(endpoints['GET /v3/customers/settings/channels/{id}'], 1);
  } finally {
    await project.close();
  }
});

test('a saved plan is checked again at apply: a reference that appeared since refuses the delete', async () => {
  const project = await openProject(FILES, { ...STORE, promotions: [], taxZones: [], assignments: [], channels: [] });
  try {
    const planned = await project.run('plan', '--prune', '--out', 'plan.json');
    assert.is(planned.code, 0, planned.err + planned.out);
    const added = new ReferenceStore([{ id: 40, name: 'New campaign', excluded_group_ids: [SPARE] }], []);
    project.sandbox.references.promotions.push(...added.promotions);
    const applied = await project.run('apply', 'plan.json');
    assert.is(applied.code, 3, applied.err);
    assert.match(applied.err, "'Spare' (id 3): promotion 'New campaign' (id 40)");
    assert.is(project.sandbox.log.filter((entry) => entry.method === 'DELETE').length, 0);
  } finally {
    await project.close();
  }
});

test.run();
