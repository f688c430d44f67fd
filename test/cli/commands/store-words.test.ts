// With named stores, messages name what this config uses: --store NAME, and each store's token variable.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openTwoStores } from '../../support/stores.js';

const SEEDS = {
  production: [{ id: 1, name: 'Retail', is_default: true }],
  staging: [{ id: 101, name: 'Retail', is_default: true }],
};
const FILES = { 'retail.yaml': 'name: Retail\nis_default: true\n', 'vip.yaml': 'name: VIP\n' };

const PLAN_STORE_WAS_EDITED =
  "a plan whose store was edited to another name is refused in words for named stores, not --store-hash's";
test(PLAN_STORE_WAS_EDITED, async () => {
  const two = await openTwoStores(SEEDS);
  try {
    await two.writeGroups(FILES);
    assert.is((await two.run(['plan', '--store', 'staging', '--out', 'p.json'])).code, 0);
    const file = path.join(two.cwd, 'p.json');
    const saved = JSON.parse(await readFile(file, 'utf8')) as { store: string };
    await writeFile(file, JSON.stringify({ ...saved, store: 'production' }));
    const applied = await two.run(['apply', 'p.json']);
    assert.is(applied.code, 1, applied.err);
    assert.match(
      applied.err,
      "p.json was made for store 'stage1', but this run is configured for store 'prod1'; nothing was sent.",
    );
    assert.match(
      applied.err,
      "The file names store 'production', whose storeHash in the config is 'prod1': " +
        'make a fresh plan of it with `bcgroups plan --store production --out FILE`',
    );
    assert.not.match(applied.err, '--store-hash');
    const sent = [...two.production.log, ...two.staging.log].filter((entry) => entry.method !== 'GET');
    assert.is(sent.length, 0);
  } finally {
    await two.close();
  }
});

test("a refused token names the store's own variable, never the single-store default", async () => {
  const two = await openTwoStores(SEEDS);
  try {
    await two.writeGroups(FILES);
    const refused = await two.run(['plan', '--store', 'staging'], {
      ...two.env,
      BIGCOMMERCE_ACCESS_TOKEN_STAGING: 'a-revoked-token-123',
    });
    assert.is(refused.code, 1, refused.err);
    assert.match(refused.err, 'failed with 401');
    assert.match(
      refused.err,
      'check the access token in BIGCOMMERCE_ACCESS_TOKEN_STAGING, the variable it was read from.',
    );
    assert.not.match(refused.err, 'BIGCOMMERCE_ACCESS_TOKEN by default');
    assert.not.match(refused.err + refused.out, 'revoked-token');
  } finally {
    await two.close();
  }
});

test.run();
