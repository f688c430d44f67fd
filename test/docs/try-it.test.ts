// The README's "Try it without a store" runs as written: the packaged seed, import, a change, plan, apply,
// a hand edit with curl, drift. Each command is checked to be in the README, then run in-process.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startSandbox } from '../../src/sandbox/index.js';
import { loadSeedFile, seedFileOptions } from '../../src/sandbox/seed.js';
import { runIn } from '../support/cli.js';
import { makeTempDir } from '../support/temp.js';
import { extractSection, findStepsOutOfOrder } from './commands.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('the try-it walk-through: packaged seed, import, change, plan, apply, a hand edit, drift', async () => {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const section = extractSection(readme, 'Try it without a store');
  assert.ok(section, 'a section "Try it without a store"');
  const seedPath = 'node_modules/bcgroups/schemas/sandbox-seed.example.yaml';
  const steps = [
    `npx --no bcgroups sandbox --seed ${seedPath}`,
    'export BIGCOMMERCE_API_URL=http://127.0.0.1:PORT BIGCOMMERCE_STORE_HASH=sandbox BIGCOMMERCE_ACCESS_TOKEN=sandbox-token',
    'npx --no bcgroups import --by-name',
    "perl -pi -e 's/amount: 10$/amount: 15/' groups/wholesale.yaml",
    'npx --no bcgroups plan ',
    'npx --no bcgroups apply --yes',
    `-d '{"name": "Wholesale EU"}' "$BIGCOMMERCE_API_URL/stores/$BIGCOMMERCE_STORE_HASH/v2/customer_groups/3"`,
    'npx --no bcgroups drift',
  ];
  assert.equal(findStepsOutOfOrder(section, steps), [], 'each step after the one before it');

  // node_modules/bcgroups/schemas/ is this repository's schemas/, packed.
  const seed = await loadSeedFile(path.join(ROOT, seedPath.replace('node_modules/bcgroups/', '')));
  const sandbox = await startSandbox(seedFileOptions(seed));
  const cwd = makeTempDir('try-it');
  const env = {
    BIGCOMMERCE_API_URL: sandbox.apiUrl,
    BIGCOMMERCE_STORE_HASH: sandbox.storeHash,
    BIGCOMMERCE_ACCESS_TOKEN: 'sandbox-token',
  };
  try {
    assert.is(sandbox.storeHash, 'sandbox');
    const imported = await runIn(cwd, ['import', '--by-name'], env);
    assert.is(imported.code, 0, imported.err);
    const file = path.join(cwd, 'groups/wholesale.yaml');
    const text = await readFile(file, 'utf8');
    assert.match(text, 'category: Tools/Power Tools');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, text.replace(/amount: 10$/m, 'amount: 15'));
    const planned = await runIn(cwd, ['plan'], env);
    assert.is(planned.code, 0, planned.err);
    assert.match(planned.out, '~ update Wholesale (id 3)');
    assert.match(planned.out, '10% off Tools/Power Tools (category 19) -> 15%');
    const applied = await runIn(cwd, ['apply', '--yes'], env);
    assert.is(applied.code, 0, applied.err);
    const url = `${sandbox.apiUrl}/stores/sandbox/v2/customer_groups/3`;
    const headers = { 'X-Auth-Token': 'sandbox-token', 'Content-Type': 'application/json' };
    const edited = await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ name: 'Wholesale EU' }) });
    assert.is(edited.status, 200);
    const drift = await runIn(cwd, ['drift'], env);
    assert.is(drift.code, 2, drift.out + drift.err);
    assert.match(drift.out, 'Wholesale');
  } finally {
    await sandbox.close();
  }
});

test.run();
