// Scopes and a bare transport for the multi-storefront client tests.
import { createTransport } from '../../src/bigcommerce/index.js';
import type { Sandbox, SandboxOptions } from '../../src/sandbox/index.js';

/** Every scope the multi-storefront endpoints need, reads and writes. */
export const STOREFRONT_SCOPES: SandboxOptions['scopes'] = [
  'store_v2_customers',
  'store_v2_products',
  'store_channel_settings',
];

/** The transport the endpoint functions send through, with the tests' quick retries. */
export function transportFor(sandbox: Sandbox) {
  return createTransport({
    apiUrl: sandbox.apiUrl,
    storeHash: sandbox.storeHash,
    token: sandbox.token,
    retryBaseMs: 2,
  });
}

/** Three channels (1 is the default storefront) and four price lists; Trade has List 3 on channel 3. */
export const STOREFRONT_STORE: SandboxOptions = {
  scopes: STOREFRONT_SCOPES,
  seed: [
    { id: 1, name: 'Retail', is_default: true },
    { id: 2, name: 'Wholesale', discount_rules: [{ type: 'all', method: 'percent', amount: 5 }] },
    { id: 3, name: 'Trade' },
  ],
  catalog: {
    price_lists: [
      { id: 1, name: 'Wholesale' },
      { id: 2, name: 'Wholesale EU' },
      { id: 3, name: 'Trade' },
      { id: 4, name: 'Trade EU' },
    ],
  },
  channels: [
    { id: 2, name: 'EU Storefront' },
    { id: 3, name: 'Wholesale Portal' },
  ],
  assignments: [{ price_list_id: 3, customer_group_id: 3, channel_id: 3 }],
};
