// plan --baseline attributes storefront changes too: one the base branch's files would send as well was
// pending; one only the compared files make is this change's own; one the compared files drop is dropped.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject } from '../support/cli.js';
import { callSandbox } from '../support/sandbox.js';
import { STOREFRONT_STORE as STORE } from '../support/storefronts.js';

const validatePlan = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(
  JSON.parse(readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8')) as object,
);

const TRADE = (list: string) => `name: Trade\nprice_lists:\n  - price_list: ${list}\n    channel_id: 3\n`;
const WHOLESALE = (list: string) => `name: Wholesale\nprice_lists:\n  - price_list: ${list}\n    channel_id: 2\n`;

test('storefront changes are pending, own or dropped next to the baseline', async () => {
  const project = await openProject(
    { 'trade.yaml': TRADE('Trade EU'), 'wholesale.yaml': WHOLESALE('Wholesale') },
    STORE,
  );
  try {
    assert.is((await project.run('apply', '--yes')).code, 0);
    // Drift: someone moves Trade's row back by hand; both the base and the compared files would undo it.
    const moved = await callSandbox(
      project.sandbox,
      'PUT',
      '/pricelists/3/assignments',
      { customer_group_id: 3, channel_id: 3 },
      {},
      'v3',
    );
    assert.is(moved.status, 200);
    const base = path.join(project.cwd, 'base', 'groups');
    await mkdir(base, { recursive: true });
    await writeFile(path.join(base, 'trade.yaml'), TRADE('Trade EU'));
    await writeFile(path.join(base, 'wholesale.yaml'), WHOLESALE('Wholesale'));
    await project.writeGroups({ 'trade.yaml': TRADE('Trade EU'), 'wholesale.yaml': WHOLESALE('Wholesale EU') });
    const plan = await project.run('plan', '--baseline', 'base');
    assert.is(plan.code, 0, plan.out + plan.err);
    assert.match(plan.out, /Trade: on channel 'Wholesale Portal' \(id 3\), .* \(pending before this change\)/);
    assert.match(
      plan.out,
      /Wholesale: on channel 'EU Storefront' \(id 2\), price list 'Wholesale' \(id 1\) -> .* 'Wholesale EU' \(id 2\)$/m,
    );
    const json = JSON.parse((await project.run('plan', '--baseline', 'base', '--format', 'json')).out) as {
      storefront: { changes: { key: string; origin: string }[] };
    };
    assert.ok(validatePlan(json), JSON.stringify(validatePlan.errors, null, 2));
    const origins = json.storefront.changes.map((change) => [change.key, change.origin]);
    assert.equal(origins, [
      ['move:3@3', 'pending'],
      ['move:2@2', 'change'],
    ]);
  } finally {
    await project.close();
  }
});

test.run();
