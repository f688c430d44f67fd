// The channels side is read only as far as the files need it: none of it without a storefront key, the
// assignments of the managing groups only, and a 403 names the scope a read lacks.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject } from '../support/cli.js';
import { callSandbox } from '../support/sandbox.js';
import { STOREFRONT_STORE as STORE } from '../support/storefronts.js';

const STOREFRONT_READS = /^GET \/v3\/(channels|customers\/settings|pricelists\/assignments)/;

function storefrontReads(endpoints: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(endpoints).filter(([key]) => STOREFRONT_READS.test(key)));
}

test('files without storefront keys make none of their reads', async () => {
  const project = await openProject({ 'retail.yaml': 'name: Retail\nis_default: true\n' }, STORE);
  try {
    project.sandbox.resetCounters();
    const plan = await project.run('plan');
    assert.is(plan.code, 0, plan.err);
    assert.equal(storefrontReads(project.sandbox.counters.endpoints), {});
    assert.not.match(plan.out, /channel/);
  } finally {
    await project.close();
  }
});

test('price_lists alone reads the channels once and the assignments of its group, no channel settings', async () => {
  const files = { 'trade.yaml': 'name: Trade\nprice_lists:\n  - price_list: Trade\n    channel_id: 3\n' };
  const project = await openProject(files, STORE);
  try {
    project.sandbox.resetCounters();
    const plan = await project.run('plan', '--detailed-exitcode');
    assert.is(plan.code, 0, plan.out + plan.err);
    assert.equal(storefrontReads(project.sandbox.counters.endpoints), {
      'GET /v3/channels': 1,
      'GET /v3/pricelists/assignments': 1,
    });
    assert.match(plan.out, /1 for channels, 1 for assignments/);
  } finally {
    await project.close();
  }
});

test('a role list reads each channel settings once', async () => {
  const files = { 'retail.yaml': 'name: Retail\nis_default: true\nguest_on_channels: []\n' };
  const project = await openProject(files, STORE);
  try {
    project.sandbox.resetCounters();
    const plan = await project.run('plan');
    assert.is(plan.code, 0, plan.out + plan.err);
    assert.equal(storefrontReads(project.sandbox.counters.endpoints), {
      'GET /v3/channels': 1,
      'GET /v3/customers/settings/channels/{id}': 3,
    });
  } finally {
    await project.close();
  }
});

test('a 403 on the assignments read names the missing scope', async () => {
  const files = { 'trade.yaml': 'name: Trade\nprice_lists: []\n' };
  const project = await openProject(files, { ...STORE, forbiddenPaths: ['/v3/pricelists/assignments'] });
  try {
    const plan = await project.run('plan');
    assert.is.not(plan.code, 0);
    assert.match(plan.err, /products read-only scope \(store_v2_products_read_only\)/);
  } finally {
    await project.close();
  }
});

test('two files claiming one channel by name and by id are refused at plan time, nothing written', async () => {
  const files = {
    'a.yaml': 'name: Retail\ndefault_on_channels: [EU Storefront]\n',
    'b.yaml': 'name: Trade\ndefault_on_channels: [2]\n',
  };
  const project = await openProject(files, STORE);
  try {
    assert.is((await project.run('validate')).code, 0);
    const plan = await project.run('apply', '--yes');
    assert.is(plan.code, 1, plan.out + plan.err);
    assert.match(plan.err, /groups\/a\.yaml:2:\d+ .*channel 2 is in default_on_channels of 2 files/);
    const writes = Object.keys(project.sandbox.counters.endpoints).filter((key) => !key.startsWith('GET'));
    assert.equal(writes, []);
  } finally {
    await project.close();
  }
});

test('an ambiguous channel name lists the candidates with id, type and platform', async () => {
  const store = {
    ...STORE,
    channels: [...(STORE.channels ?? []), { id: 4, name: 'EU Storefront', type: 'pos' as const }],
  };
  const project = await openProject({ 'a.yaml': 'name: Retail\nguest_on_channels: [EU Storefront]\n' }, store);
  try {
    const plan = await project.run('plan');
    assert.is(plan.code, 1, plan.out + plan.err);
    assert.match(
      plan.err,
      /matches 2 channels: 'EU Storefront' \(id 2, type storefront, platform \w+\), 'EU Storefront' \(id 4, type pos/,
    );
  } finally {
    await project.close();
  }
});

test('drift reports an assignment moved by hand, and --no-catalog says the keys were not planned', async () => {
  const files = { 'trade.yaml': 'name: Trade\nprice_lists:\n  - price_list_id: 3\n    channel_id: 3\n' };
  const project = await openProject(files, STORE);
  try {
    assert.is((await project.run('drift', '--ignore-unmanaged')).code, 0);
    const moved = await callSandbox(
      project.sandbox,
      'PUT',
      '/pricelists/4/assignments',
      { customer_group_id: 3, channel_id: 3 },
      {},
      'v3',
    );
    assert.is(moved.status, 200);
    const drift = await project.run('drift', '--ignore-unmanaged');
    assert.is(drift.code, 2, drift.out + drift.err);
    assert.match(
      drift.out,
      /Trade: on channel 'Wholesale Portal' \(id 3\), price list 'Trade EU' \(id 4\) -> price list 'Trade' \(id 3\)/,
    );
    assert.match(drift.out, /1 assignment or channel difference/);
    const blind = await project.run('plan', '--no-catalog');
    assert.is(blind.code, 0, blind.out + blind.err);
    assert.match(
      blind.out,
      /price list assignments and channel groups not planned: the channels were not read \(--no-catalog\)/,
    );
  } finally {
    await project.close();
  }
});

test.run();
