// A saved plan keeps its storefront changes and what their names resolved to: it applies as reviewed, and is
// refused as stale when a row, a channel's groups or a channel's name moved since.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject } from '../support/cli.js';
import { callSandbox } from '../support/sandbox.js';
import { STOREFRONT_STORE as STORE } from '../support/storefronts.js';

const FILES = {
  'trade.yaml': 'name: Trade\nprice_lists:\n  - price_list: Trade EU\n    channel: Wholesale Portal\n',
  'retail.yaml': 'name: Retail\nis_default: true\nguest_on_channels: [EU Storefront]\n',
};

test('a saved plan applies its storefront changes and then plans clean', async () => {
  const project = await openProject(FILES, { ...STORE, priceListRules: 'mirror', channelHolders: 'per-channel' });
  try {
    const saved = await project.run('plan', '--out', 'plan.json');
    assert.is(saved.code, 0, saved.out + saved.err);
    const applied = await project.run('apply', 'plan.json');
    assert.is(applied.code, 0, applied.out + applied.err);
    assert.is((await project.run('plan', '--detailed-exitcode')).code, 0);
  } finally {
    await project.close();
  }
});

test('a row moved by hand since planning makes the saved plan stale, and nothing is written', async () => {
  const project = await openProject(FILES, STORE);
  try {
    assert.is((await project.run('plan', '--out', 'plan.json')).code, 0);
    const moved = await callSandbox(
      project.sandbox,
      'PUT',
      '/pricelists/1/assignments',
      { customer_group_id: 3, channel_id: 3 },
      {},
      'v3',
    );
    assert.is(moved.status, 200);
    project.sandbox.resetCounters();
    const applied = await project.run('apply', 'plan.json');
    assert.is.not(applied.code, 0);
    assert.match(applied.err, /stale/);
    assert.match(applied.err, /move:3@3: assignment \d+ is no longer what was planned/);
    const writes = Object.keys(project.sandbox.counters.endpoints).filter((key) => !key.startsWith('GET'));
    assert.equal(writes, []);
  } finally {
    await project.close();
  }
});

test("a channel's groups changed by hand since planning make the saved plan stale", async () => {
  const project = await openProject(FILES, STORE);
  try {
    assert.is((await project.run('plan', '--out', 'plan.json')).code, 0);
    const body = { customer_group_settings: { guest_customer_group_id: 3, default_customer_group_id: null } };
    const set = await callSandbox(project.sandbox, 'PUT', '/customers/settings/channels/2', body, {}, 'v3');
    assert.ok(set.status < 300, JSON.stringify(set.body));
    const applied = await project.run('apply', 'plan.json');
    assert.is.not(applied.code, 0);
    assert.match(applied.err, /channel:2: channel 2 has other guest or default groups than when planned/);
  } finally {
    await project.close();
  }
});

test.run();
