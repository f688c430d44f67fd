// Seeds with channels and price list assignments: the YAML/JSON keys, and every entry no store could hold.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findStoreSeedProblems, loadSeedFile, startSandbox } from '../../src/sandbox/index.js';

const YAML_SEED = `
groups:
  - { id: 3, name: Trade }
catalog:
  price_lists: [{ id: 7, name: Trade 2026 }]
channels:
  - { id: 2, name: EU Store, customer_settings: { customer_group_settings: { guest_customer_group_id: 3 } } }
price_list_assignments:
  - { price_list_id: 7, customer_group_id: 3, channel_id: 2 }
  - { price_list_id: 7, channel_id: 1 }
`;

test('a YAML seed carries channels with their customer settings and price list assignments', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bcgroups-seed-'));
  const file = join(dir, 'seed.yaml');
  await writeFile(file, YAML_SEED);
  const seed = await loadSeedFile(file);
  assert.is(seed.channels?.length, 1);
  assert.is(seed.price_list_assignments?.length, 2);
  const sandbox = await startSandbox({
    seed: seed.groups,
    catalog: seed.catalog,
    channels: seed.channels,
    assignments: seed.price_list_assignments,
  });
  try {
    assert.equal(
      sandbox.channels.channels.map((channel) => channel.id),
      [1, 2],
    );
    assert.is(sandbox.channels.settingsOf(2)?.customer_group_settings.guest_customer_group_id, 3);
    assert.equal(sandbox.channels.assignments(), [
      { id: 1, price_list_id: 7, customer_group_id: 3, channel_id: 2 },
      { id: 2, price_list_id: 7, customer_group_id: 0, channel_id: 1 },
    ]);
  } finally {
    await sandbox.close();
  }
});

test('channels and assignments no store could hold are each named', () => {
  const problems = findStoreSeedProblems({
    groups: [{ id: 3, name: 'Trade' }],
    catalog: { price_lists: [{ id: 7, name: 'Trade 2026' }] },
    channels: [
      { id: 2, name: 'EU', type: 'shop' as never },
      { id: 2, name: 'Twin', customer_settings: { customer_group_settings: { default_customer_group_id: 9 } } },
    ],
    price_list_assignments: [
      { price_list_id: 8, customer_group_id: 3, channel_id: 1 },
      { price_list_id: 7, customer_group_id: 4, channel_id: 5 },
      { price_list_id: 7 },
      { price_list_id: 7, customer_group_id: 3, channel_id: 1 },
    ],
  });
  assert.equal(problems, [
    "channel 1 ('EU'): type must be one of pos, marketplace, storefront, marketing",
    "channel 2 ('Twin'): id 2 is used twice",
    "channel 2 ('Twin'): customer_settings.customer_group_settings.default_customer_group_id: " +
      '9 is no group of the seed',
    'price list assignment 1: price_list_id 8 is no price list of the catalog',
    'price list assignment 2: customer_group_id 4 is no group of the seed',
    'price list assignment 2: channel_id 5 is no channel of the seed',
    "price list assignment 3: a channel's default price list (customer_group_id 0) needs a channel_id",
    'price list assignment 4: assignment 1 already assigns this group on this channel',
  ]);
});

test('the sandbox refuses to start on such a seed', async () => {
  try {
    await startSandbox({ channels: [{ id: 0, name: '' }] });
    assert.unreachable('the seed is not valid');
  } catch (error) {
    assert.match(String(error), 'channel 1: id must be a positive integer');
  }
});

test.run();
