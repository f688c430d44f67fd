import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CLIENT_DEFAULTS } from '../../src/bigcommerce/index.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';

test("the client's fallbacks are the config schema's request defaults", () => {
  const { retryBaseMs: _ownStep, ...requestDefaults } = CLIENT_DEFAULTS;
  assert.equal(requestDefaults, DEFAULT_CONFIG.request);
});

test.run();
