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
