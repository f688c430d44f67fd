// The client's channel and channel-settings endpoints, over real HTTP against the sandbox.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listChannels, readChannelGroupSettings, writeChannelGroupSettings } from '../../src/bigcommerce/channels.js';
import type { SandboxOptions } from '../../src/sandbox/index.js';
import { withSandbox } from '../support/sandbox.js';
import { STOREFRONT_SCOPES, transportFor } from '../support/storefronts.js';

const STORE: SandboxOptions = {
  scopes: STOREFRONT_SCOPES,
  seed: [
    { id: 1, name: 'Retail' },
    { id: 2, name: 'Wholesale' },
  ],
  channels: [
    {
      id: 1,
      name: 'Main',
      customer_settings: {
        privacy_settings: { ask_shopper_for_tracking_consent: true, policy_url: 'https://example.com/p' },
        customer_group_settings: { guest_customer_group_id: 1 },
      },
    },
    { id: 664179, name: 'Amazon', type: 'marketplace', platform: 'amazon', status: 'connected' },
    ...Array.from({ length: 300 }, (_, i) => ({ id: 1000 + i, name: `Store ${i}` })),
  ],
};

test('listChannels reads every page (302 channels take 2 pages of 250) into id, name, type, platform, status', () =>
  withSandbox(STORE, async (sandbox) => {
    const { value, requests } = await listChannels(transportFor(sandbox));
    assert.is(value.length, 302);
    assert.is(requests, 2);
    assert.equal(value[1], {
      id: 1000,
      name: 'Store 0',
      type: 'storefront',
      platform: 'bigcommerce',
      status: 'active',
    });
    assert.equal(value.at(-1), {
      id: 664179,
      name: 'Amazon',
      type: 'marketplace',
      platform: 'amazon',
      status: 'connected',
    });
    assert.equal(sandbox.counters.endpoints, { 'GET /v3/channels': 2 });
  }));

test('readChannelGroupSettings answers the two ids, null where the channel inherits', () =>
  withSandbox(STORE, async (sandbox) => {
    const read = await readChannelGroupSettings(transportFor(sandbox), 1);
    assert.equal(read, { value: { guest_customer_group_id: 1, default_customer_group_id: null }, requests: 1 });
  }));

test('writeChannelGroupSettings sends customer_group_settings alone, with both ids; the rest stays', () =>
  withSandbox(STORE, async (sandbox) => {
    const written = await writeChannelGroupSettings(transportFor(sandbox), 1, {
      guest_customer_group_id: 2,
      default_customer_group_id: null,
    });
    assert.equal(written, { guest_customer_group_id: 2, default_customer_group_id: null });
    const put = sandbox.log.find((entry) => entry.method === 'PUT');
    assert.equal(put?.body, {
      customer_group_settings: { guest_customer_group_id: 2, default_customer_group_id: null },
    });
    assert.equal(sandbox.channels.touchedSettings(1), []);
    assert.equal(sandbox.channels.settingsOf(1)?.privacy_settings, {
      ask_shopper_for_tracking_consent: true,
      policy_url: 'https://example.com/p',
    });
  }));

test('a write naming a group the store lacks fails with the store message; bad ids are refused unsent', () =>
  withSandbox(STORE, async (sandbox) => {
    const transport = transportFor(sandbox);
    const failure = await writeChannelGroupSettings(transport, 1, {
      guest_customer_group_id: 9,
      default_customer_group_id: null,
    }).catch((error: Error) => error);
    assert.match(String(failure), '422');
    assert.match(String(failure), 'The customer group does not exist');
    const refused = await writeChannelGroupSettings(transport, 1, {
      guest_customer_group_id: -1,
      default_customer_group_id: null,
    }).catch((error: Error) => error);
    assert.instance(refused, RangeError);
    assert.is(sandbox.log.filter((entry) => entry.method === 'PUT').length, 1);
  }));

test('a 403 names the scope each endpoint needs', () =>
  withSandbox({ ...STORE, scopes: ['store_v2_customers_read_only'] }, async (sandbox) => {
    const transport = transportFor(sandbox);
    const channels = await listChannels(transport).catch((error: Error) => error.message);
    assert.match(String(channels), 'store_channel_settings_read_only');
    const write = await writeChannelGroupSettings(transport, 1, {
      guest_customer_group_id: 2,
      default_customer_group_id: 2,
    }).catch((error: Error) => error.message);
    assert.match(String(write), 'store_v2_customers, modify');
    sandbox.setOptions({ scopes: STOREFRONT_SCOPES, forbiddenPaths: ['/v3/customers/settings'] });
    const read = await readChannelGroupSettings(transport, 1).catch((error: Error) => error.message);
    assert.match(String(read), 'store_v2_customers_read_only');
  }));

test.run();
