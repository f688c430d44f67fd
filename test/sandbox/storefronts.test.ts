// Channels and per-channel customer settings in the sandbox, over HTTP: listing and filters, a PUT of
// customer_group_settings alone leaving every other setting as it was, scopes, forbidden paths, counts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SandboxOptions } from '../../src/sandbox/index.js';
import { callSandbox, getV3, withSandbox } from '../support/sandbox.js';

const ALL_SCOPES: SandboxOptions['scopes'] = ['store_v2_customers', 'store_v2_products', 'store_channel_settings'];

export const STOREFRONTS: SandboxOptions = {
  scopes: ALL_SCOPES,
  seed: [
    { id: 1, name: 'Retail', is_group_for_guests: true },
    { id: 2, name: 'Wholesale', is_default: true },
    { id: 3, name: 'Trade' },
  ],
  catalog: {
    price_lists: [
      { id: 7, name: 'Trade 2026' },
      { id: 8, name: 'EU' },
    ],
  },
  channels: [
    {
      id: 1,
      name: 'Main',
      customer_settings: {
        privacy_settings: { ask_shopper_for_tracking_consent: true, policy_url: 'https://example.com/p' },
        allow_global_logins: false,
      },
    },
    { id: 664179, name: 'Amazon', type: 'marketplace', platform: 'amazon', status: 'connected' },
    { id: 2, name: 'EU Store', customer_settings: { customer_group_settings: { guest_customer_group_id: 3 } } },
  ],
};

const put = (sandbox: Parameters<typeof getV3>[0], id: number, body: unknown) =>
  callSandbox(sandbox, 'PUT', `/customers/settings/channels/${id}`, body, {}, 'v3');

test('channels list sorted by id, paged with the V3 meta, filtered by status, type and platform', () =>
  withSandbox(STOREFRONTS, async (sandbox) => {
    const all = await getV3(sandbox, '/channels?limit=2');
    const body = all.body as { data: Array<Record<string, unknown>>; meta: { pagination: Record<string, number> } };
    assert.equal(
      body.data.map((c) => c.id),
      [1, 2],
    );
    assert.equal(body.data[0], {
      id: 1,
      name: 'Main',
      type: 'storefront',
      platform: 'bigcommerce',
      status: 'active',
      is_listable_from_ui: true,
      is_visible: true,
      date_created: '2024-01-01T00:00:00Z',
      date_modified: '2024-01-01T00:00:00Z',
    });
    assert.is(body.meta.pagination.total, 3);
    assert.is(body.meta.pagination.total_pages, 2);
    const market = await getV3(sandbox, '/channels?type:in=marketplace,pos&status:in=connected');
    assert.equal(
      (market.body as { data: Array<{ id: number }> }).data.map((c) => c.id),
      [664179],
    );
    const unavailable = await getV3(sandbox, '/channels?available=false');
    assert.equal((unavailable.body as { data: unknown[] }).data, []);
  }));

test('a store without seeded channels still has channel 1, the default storefront', () =>
  withSandbox({ scopes: ALL_SCOPES }, async (sandbox) => {
    const { body } = await getV3(sandbox, '/channels');
    assert.equal(
      (body as { data: Array<{ id: number; type: string }> }).data.map((c) => [c.id, c.type]),
      [[1, 'storefront']],
    );
  }));

test('a PUT of customer_group_settings alone changes those ids and leaves every other setting untouched', () =>
  withSandbox(STOREFRONTS, async (sandbox) => {
    const before = await getV3(sandbox, '/customers/settings/channels/1');
    assert.equal((before.body as { data: unknown }).data, {
      privacy_settings: { ask_shopper_for_tracking_consent: true, policy_url: 'https://example.com/p' },
      customer_group_settings: { guest_customer_group_id: null, default_customer_group_id: null },
      allow_global_logins: false,
    });
    const answer = await put(sandbox, 1, {
      customer_group_settings: { guest_customer_group_id: 1, default_customer_group_id: 0 },
    });
    assert.is(answer.status, 200);
    assert.equal(sandbox.channels.settingsOf(1), {
      privacy_settings: { ask_shopper_for_tracking_consent: true, policy_url: 'https://example.com/p' },
      customer_group_settings: { guest_customer_group_id: 1, default_customer_group_id: 0 },
      allow_global_logins: false,
    });
    assert.equal(sandbox.channels.touchedSettings(1), []);
    await put(sandbox, 1, { allow_global_logins: true });
    assert.equal(sandbox.channels.touchedSettings(1), ['allow_global_logins']);
  }));

test('null removes a channel override; unknown groups are 422, unknown channels 404, bad bodies 422', () =>
  withSandbox(STOREFRONTS, async (sandbox) => {
    const cleared = await put(sandbox, 2, {
      customer_group_settings: { guest_customer_group_id: null, default_customer_group_id: null },
    });
    assert.is(cleared.status, 200);
    assert.is(sandbox.channels.settingsOf(2)?.customer_group_settings.guest_customer_group_id, null);
    const unknownGroup = await put(sandbox, 2, { customer_group_settings: { guest_customer_group_id: 99 } });
    assert.is(unknownGroup.status, 422);
    assert.is((await put(sandbox, 5, { customer_group_settings: {} })).status, 404);
    const bad = await put(sandbox, 2, { customer_group_settings: { guest_customer_group_id: 'Retail' } });
    assert.is(bad.status, 422);
    assert.is(sandbox.counters.nonConforming, 1);
    assert.is((await callSandbox(sandbox, 'POST', '/channels', {}, {}, 'v3')).status, 405);
  }));

test('channels need a channel settings scope, channel customer settings a customers scope', () =>
  withSandbox(
    { ...STOREFRONTS, scopes: ['store_v2_customers_read_only', 'store_channel_settings_read_only'] },
    async (sandbox) => {
      assert.is((await getV3(sandbox, '/channels')).status, 200);
      assert.is((await getV3(sandbox, '/customers/settings/channels/1')).status, 200);
      assert.is((await put(sandbox, 1, { customer_group_settings: {} })).status, 403);
      sandbox.setOptions({ scopes: ['store_v2_customers'] });
      assert.is((await getV3(sandbox, '/channels')).status, 403);
    },
  ));

test('a forbidden path prefix is answered 403 whatever the scopes; endpoints are counted with ids as {id}', () =>
  withSandbox({ ...STOREFRONTS, forbiddenPaths: ['/v3/customers/settings'] }, async (sandbox) => {
    assert.is((await getV3(sandbox, '/customers/settings/channels/1')).status, 403);
    assert.is((await getV3(sandbox, '/customers/settings/channels/2')).status, 403);
    assert.is((await getV3(sandbox, '/channels')).status, 200);
    assert.equal(sandbox.counters.endpoints, {
      'GET /v3/customers/settings/channels/{id}': 2,
      'GET /v3/channels': 1,
    });
  }));

test.run();
