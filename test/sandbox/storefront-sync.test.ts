// The sandbox options for what BigCommerce leaves undocumented between V2 groups and V3 storefronts:
// priceListRules (a `price_list` rule as the channel-less assignment) and channelHolders.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Sandbox, SandboxOptions } from '../../src/sandbox/index.js';
import { callSandbox, withSandbox } from '../support/sandbox.js';

const STORE: SandboxOptions = {
  scopes: ['store_v2_customers', 'store_v2_products', 'store_channel_settings'],
  seed: [
    { id: 1, name: 'Retail', is_group_for_guests: true },
    { id: 2, name: 'Wholesale', discount_rules: [{ type: 'price_list', price_list_id: 7 }] },
    { id: 3, name: 'Trade' },
  ],
  catalog: {
    price_lists: [
      { id: 7, name: 'Trade 2026' },
      { id: 8, name: 'EU' },
    ],
  },
  channels: [{ id: 2, name: 'EU Store' }],
};

const v3 = (sandbox: Sandbox, method: string, path: string, body?: unknown) =>
  callSandbox(sandbox, method, path, body, {}, 'v3');
const rulesOf = (sandbox: Sandbox, id: number) => sandbox.groups().find((group) => group.id === id)?.discount_rules;
const flagHolders = (sandbox: Sandbox, flag: 'is_group_for_guests' | 'is_default') =>
  sandbox
    .groups()
    .filter((group) => group[flag])
    .map((group) => group.id);

test('independent (the default): a price_list rule and the assignments never touch each other', () =>
  withSandbox(STORE, async (sandbox) => {
    await callSandbox(sandbox, 'PUT', '/customer_groups/3', {
      discount_rules: [{ type: 'price_list', price_list_id: 8 }],
    });
    assert.equal(sandbox.channels.assignments(), []);
    await v3(sandbox, 'POST', '/pricelists/assignments', [{ price_list_id: 8, customer_group_id: 1 }]);
    assert.equal(rulesOf(sandbox, 1), []);
  }));

test('mirror: a V2 price_list rule writes the channel-less assignment, and clearing the rule removes it', () =>
  withSandbox({ ...STORE, priceListRules: 'mirror' }, async (sandbox) => {
    await callSandbox(sandbox, 'PUT', '/customer_groups/3', {
      discount_rules: [{ type: 'price_list', price_list_id: 8 }],
    });
    assert.equal(sandbox.channels.findPair(3, null)?.price_list_id, 8);
    await callSandbox(sandbox, 'PUT', '/customer_groups/3', { name: 'Trade' });
    assert.ok(sandbox.channels.findPair(3, null), 'a PUT without rules leaves them, and the row, alone');
    await callSandbox(sandbox, 'PUT', '/customer_groups/3', { discount_rules: [] });
    assert.is(sandbox.channels.findPair(3, null), undefined);
  }));

test('mirror: a channel-less assignment written or deleted through V3 becomes or stops being the rule', () =>
  withSandbox({ ...STORE, priceListRules: 'mirror' }, async (sandbox) => {
    await v3(sandbox, 'POST', '/pricelists/assignments', [{ price_list_id: 8, customer_group_id: 1 }]);
    assert.equal(rulesOf(sandbox, 1), [{ type: 'price_list', price_list_id: 8 }]);
    await v3(sandbox, 'POST', '/pricelists/assignments', [{ price_list_id: 7, customer_group_id: 1, channel_id: 2 }]);
    assert.equal(rulesOf(sandbox, 1), [{ type: 'price_list', price_list_id: 8 }], 'a channel row is no rule');
    await v3(sandbox, 'DELETE', '/pricelists/assignments?price_list_id=8');
    assert.equal(rulesOf(sandbox, 1), []);
  }));

test('store-wide (the default): channel settings leave the V2 flags alone', () =>
  withSandbox(STORE, async (sandbox) => {
    await v3(sandbox, 'PUT', '/customers/settings/channels/2', {
      customer_group_settings: { guest_customer_group_id: 3, default_customer_group_id: 2 },
    });
    assert.equal(flagHolders(sandbox, 'is_group_for_guests'), [1]);
    assert.equal(flagHolders(sandbox, 'is_default'), []);
    assert.is(sandbox.channels.settingsOf(1)?.customer_group_settings.guest_customer_group_id, null);
  }));

test('per-channel: each channel guest group holds the V2 flag; the seeded holder is channel 1 guest', () =>
  withSandbox({ ...STORE, channelHolders: 'per-channel' }, async (sandbox) => {
    assert.is(sandbox.channels.settingsOf(1)?.customer_group_settings.guest_customer_group_id, 1);
    await v3(sandbox, 'PUT', '/customers/settings/channels/2', {
      customer_group_settings: { guest_customer_group_id: 3, default_customer_group_id: 2 },
    });
    assert.equal(flagHolders(sandbox, 'is_group_for_guests'), [1, 3]);
    assert.equal(flagHolders(sandbox, 'is_default'), [2]);
    const listed = await callSandbox(sandbox, 'GET', '/customer_groups?is_group_for_guests=true');
    assert.equal(
      (listed.body as Array<{ id: number }>).map((group) => group.id),
      [1, 3],
    );
  }));

test('per-channel: a V2 write of the flag sets or clears the group on the channels', () =>
  withSandbox({ ...STORE, channelHolders: 'per-channel', guestMode: 'move' }, async (sandbox) => {
    await v3(sandbox, 'PUT', '/customers/settings/channels/2', {
      customer_group_settings: { guest_customer_group_id: 3 },
    });
    await callSandbox(sandbox, 'PUT', '/customer_groups/2', { is_group_for_guests: true });
    assert.is(sandbox.channels.settingsOf(1)?.customer_group_settings.guest_customer_group_id, 2);
    assert.equal(flagHolders(sandbox, 'is_group_for_guests'), [2, 3]);
    await callSandbox(sandbox, 'PUT', '/customer_groups/3', { is_group_for_guests: false });
    assert.is(sandbox.channels.settingsOf(2)?.customer_group_settings.guest_customer_group_id, null);
    assert.equal(flagHolders(sandbox, 'is_group_for_guests'), [2]);
  }));

test.run();
