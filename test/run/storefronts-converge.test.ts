// A store with three channels and four price lists, managed with price_lists and channel roles: apply, then a
// clean plan, under every reading of what BigCommerce leaves undocumented (mirrored price_list rules,
// per-channel V2 flag holders); a change of one channel's list sends one write.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SandboxOptions } from '../../src/sandbox/index.js';
import { openProject } from '../support/cli.js';
import { STOREFRONT_STORE as STORE } from '../support/storefronts.js';

const FILES = {
  'retail.yaml': 'name: Retail\nis_default: true\nguest_on_channels: [EU Storefront]\n',
  'wholesale.yaml': [
    'name: Wholesale',
    'price_lists:',
    '  - price_list: Wholesale EU',
    '    channel: EU Storefront',
    '  - price_list: Wholesale',
    'default_on_channels: [Wholesale Portal]',
    '',
  ].join('\n'),
  'trade.yaml': ['name: Trade', 'price_lists:', '  - price_list: Trade EU', '    channel_id: 3', ''].join('\n'),
  // Created by the plan: its assignment and channel role wait for the create.
  'partners.yaml': 'name: Partners\nprice_lists:\n  - price_list_id: 4\n    channel_id: 2\nguest_on_channels: [3]\n',
};

const READINGS: SandboxOptions[] = [
  { priceListRules: 'independent', channelHolders: 'store-wide' },
  { priceListRules: 'mirror', channelHolders: 'store-wide' },
  { priceListRules: 'independent', channelHolders: 'per-channel' },
  { priceListRules: 'mirror', channelHolders: 'per-channel' },
];

for (const reading of READINGS) {
  test(`apply converges: ${reading.priceListRules}, ${reading.channelHolders}`, async () => {
    const project = await openProject(FILES, { ...STORE, ...reading });
    try {
      const applied = await project.run('apply', '--yes');
      assert.is(applied.code, 0, applied.out + applied.err);
      for (let round = 0; round < 2; round++) {
        const plan = await project.run('plan', '--detailed-exitcode');
        assert.is(plan.code, 0, plan.out + plan.err);
        assert.match(plan.out, /No changes/);
      }
      const drift = await project.run('drift');
      assert.is(drift.code, 0, drift.out + drift.err);
    } finally {
      await project.close();
    }
  });
}

for (const [index, reading] of READINGS.entries()) {
  const title = `${reading.priceListRules}, ${reading.channelHolders}`;
  test(`import writes files that validate and plan clean: ${title}`, async () => {
    const project = await openProject(FILES, { ...STORE, ...reading });
    try {
      assert.is((await project.run('apply', '--yes')).code, 0);
      await project.writeGroups({});
      const byName = index % 2 === 0;
      const imported = await project.run('import', ...(byName ? ['--by-name'] : []));
      assert.is(imported.code, 0, imported.out + imported.err);
      const wholesale = await readFile(path.join(project.cwd, 'groups', 'wholesale.yaml'), 'utf8');
      assert.match(wholesale, byName ? /channel: EU Storefront/ : /channel_id: 2 # EU Storefront/);
      assert.match(wholesale, byName ? /default_on_channels: \[ Wholesale Portal \]/ : /default_on_channels: \[ 3 \]/);
      assert.is((await project.run('validate')).code, 0);
      const plan = await project.run('plan', '--detailed-exitcode');
      assert.is(plan.code, 0, plan.out + plan.err);
    } finally {
      await project.close();
    }
  });
}

test('the plan names price lists and channels, and a changed channel list is one PUT', async () => {
  const project = await openProject(FILES, STORE);
  try {
    const plan = await project.run('plan');
    assert.match(plan.out, /Wholesale: price list 'Wholesale EU' \(id 2\) on channel 'EU Storefront' \(id 2\)/);
    assert.match(
      plan.out,
      /Trade: on channel 'Wholesale Portal' \(id 3\), price list 'Trade' \(id 3\) -> price list 'Trade EU'/,
    );
    assert.is((await project.run('apply', '--yes')).code, 0);
    await project.writeGroups({ ...FILES, 'trade.yaml': FILES['trade.yaml'].replace('Trade EU', 'Trade') });
    project.sandbox.resetCounters();
    const moved = await project.run('apply', '--yes');
    assert.is(moved.code, 0, moved.out + moved.err);
    const writes = Object.entries(project.sandbox.counters.endpoints).filter(([key]) => !key.startsWith('GET'));
    assert.equal(writes, [['PUT /v3/pricelists/{id}/assignments', 1]]);
  } finally {
    await project.close();
  }
});

test.run();
