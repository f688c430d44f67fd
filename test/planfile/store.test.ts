// A saved plan picks its own store from the config: the one it names, never another.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_CONFIG } from '../../src/config/index.js';
import { UsageError } from '../../src/errors.js';
import type { Config } from '../../src/model/index.js';
import { selectStoreOfPlan } from '../../src/planfile/index.js';

const TWO: Config = {
  ...DEFAULT_CONFIG,
  stores: {
    production: { storeHash: 'prod1' },
    staging: { storeHash: 'stage1', apiUrl: 'http://127.0.0.1:9', accessTokenEnv: 'STAGING_TOKEN' },
  },
};

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  assert.unreachable('expected an error');
  throw new Error('unreachable');
}

test('a saved plan runs against the store it names, never another', () => {
  const plan = { file: 'p.json', store: 'production', storeHash: 'prod1' };
  assert.is(selectStoreOfPlan(TWO, { env: {} }, plan).storeName, 'production', 'the plan picks its store');
  const other = thrown(() => selectStoreOfPlan(TWO, { flag: 'staging', env: {} }, plan));
  assert.instance(other, UsageError);
  assert.match(other.message, "p.json was planned for store 'production' (prod1), but --store picks store 'staging'");
  assert.instance(
    thrown(() => selectStoreOfPlan(DEFAULT_CONFIG, { env: {} }, plan)),
    UsageError,
  );
  assert.instance(
    thrown(() => selectStoreOfPlan(TWO, { env: {} }, { ...plan, store: 'qa' })),
    UsageError,
    'a store the config no longer names',
  );
});

test.run();
