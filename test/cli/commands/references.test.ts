// References by name and missing ids against the sandbox over HTTP: one set of files plans cleanly
// against two stores whose ids differ, and a file naming an id the store lacks fails before any write.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SeedCatalog } from '../../../src/sandbox/index.js';
import { openProject } from '../../support/cli.js';

const VIP_BY_NAME = [
  'name: VIP',
  'category_access:',
  '  type: specific',
  '  categories: [Tools, "Tools/Power Tools"]',
  'discount_rules:',
  '  - type: category',
  '    method: percent',
  '    amount: 10',
  '    category: Tools/Power Tools',
  '  - type: product',
  '    method: fixed',
  '    amount: 49.99',
  '    product_sku: HAM-16',
  '',
].join('\n');

/** The same catalog under other ids, as a staging and a production store hold it. */
function catalogAt(offset: number): SeedCatalog {
  return {
    categories: [
      { category_id: offset + 1, name: 'Tools' },
      { category_id: offset + 2, name: 'Power Tools', parent_id: offset + 1 },
    ],
    products: [{ id: offset + 3, name: 'Claw Hammer', sku: 'HAM-16' }],
  };
}

test('files that name their targets apply to two stores whose ids differ, and then plan no changes', async () => {
  for (const offset of [10, 500]) {
    const project = await openProject({ 'vip.yaml': VIP_BY_NAME }, { catalog: catalogAt(offset) });
    try {
      const applied = await project.run('apply', '--yes');
      assert.is(applied.code, 0, applied.err);
      const [vip] = project.sandbox.groups();
      assert.equal(vip?.category_access, { type: 'specific', categories: [offset + 1, offset + 2] });
      assert.equal(
        vip?.discount_rules.map((rule) =>
          'category_id' in rule ? rule.category_id : 'product_id' in rule ? rule.product_id : 0,
        ),
        [offset + 2, offset + 3],
      );
      const again = await project.run('plan', '--detailed-exitcode');
      assert.is(again.code, 0, again.out + again.err);
    } finally {
      await project.close();
    }
  }
});

test('an id the store lacks, or a name it does not hold, fails at file:line with nothing written', async () => {
  const file =
    'name: VIP\ndiscount_rules:\n  - type: category\n    method: percent\n    amount: 10\n    category_id: 999\n' +
    '  - type: product\n    method: fixed\n    amount: 5\n    product_sku: NOPE-1\n';
  const project = await openProject({ 'vip.yaml': file }, { catalog: catalogAt(10) });
  try {
    for (const argv of [['plan'], ['apply', '--yes']]) {
      const result = await project.run(...argv);
      assert.is(result.code, 1, result.out);
      assert.match(result.err, 'groups/vip.yaml:6:5  discount_rules[0].category_id  category 999 is not in the store');
      assert.match(result.err, "groups/vip.yaml:10:5  discount_rules[1].product_sku  no product has the SKU 'NOPE-1'");
    }
    assert.equal(project.sandbox.groups(), []);
  } finally {
    await project.close();
  }
});

test.run();
