// Plans name the catalog and count customers, over real HTTP against the sandbox.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject } from '../../support/cli.js';
import { countReadsByKind } from '../../support/sandbox.js';
import {
  ALL_FILES,
  CATALOG_STORE,
  EMPTY_FILE,
  QUIET_FILE,
  RETAIL_FILE,
  storeWith,
  TRADE_FILE,
} from './store-names.fixtures.js';

const validatePlan = new Ajv2020({ strict: false }).compile(
  JSON.parse(readFileSync(new URL('../../../schemas/plan.schema.json', import.meta.url), 'utf8')) as object,
);

test('text: rules, category access and price lists by name and id; a vanished id shown as such; counts', async () => {
  const project = await openProject(ALL_FILES, CATALOG_STORE);
  try {
    const { code, out, err } = await project.run('plan');
    assert.is(code, 0, err);
    assert.match(out, '10% off Tools/Power Tools (category 19) -> 15%');
    assert.match(out, 'removed 5% off category 99 (not in the catalog)');
    assert.match(out, 'added $5.00 off Claw Hammer (SKU HAM-16, product 77)');
    assert.match(out, 'category_access: specific [Tools (18)] -> specific [Tools (18), Garden (23)]');
    assert.match(out, 'added price list Wholesale 2026 (id 2)');
    assert.match(out, '{ type: category, category_id: 19, method: percent, amount: 15 }  # Tools/Power Tools');
    assert.match(out, '3 customers in this group');
    assert.match(out, '2 customers in this group');
    assert.not.match(out, 'Not checked');
  } finally {
    await project.close();
  }
});

const READS_STAY_LOWER_BOUND =
  'reads stay at the lower bound: one page per catalog kind, products only those named, counts only for touched groups';
test(READS_STAY_LOWER_BOUND, async () => {
  const project = await openProject(ALL_FILES, CATALOG_STORE);
  try {
    const { code, out } = await project.run('plan');
    assert.is(code, 0);
    // Retail and Trade change; Quiet, Old and Empty are unchanged and never counted.
    assert.equal(countReadsByKind(project.sandbox), {
      groups: 1,
      categories: 1,
      products: 1,
      price_lists: 1,
      customers: 2,
    });
    assert.not.match(out, 'live groups', 'catalog reads are not live groups, and the count is said once');
    assert.match(
      out,
      'Read requests: 6 (1 for groups, 1 for categories, 1 for products, 1 for price lists, 2 for customer counts).\n',
    );
    const productPaths = project.sandbox.log
      .filter((entry) => entry.path.includes('/catalog/products'))
      .map((entry) => decodeURIComponent(entry.path));
    assert.match(productPaths[0] ?? '', 'id:in=77&');
  } finally {
    await project.close();
  }
});

test('no group refers to the catalog: nothing of it is read', async () => {
  const project = await openProject(
    { 'quiet.yaml': 'name: Quiet\nid: 3\ndiscount_rules:\n  - type: all\n    method: percent\n    amount: 3\n' },
    storeWith([{ id: 3, name: 'Quiet' }]),
  );
  try {
    const { code, out } = await project.run('plan');
    assert.is(code, 0);
    assert.equal(countReadsByKind(project.sandbox), {
      groups: 1,
      categories: 0,
      products: 0,
      price_lists: 0,
      customers: 1,
    });
    assert.match(out, '1 customer in this group');
  } finally {
    await project.close();
  }
});

test('markdown and drift name them too; JSON keeps ids in body, names and counts beside, and validates', async () => {
  const project = await openProject(ALL_FILES, CATALOG_STORE);
  try {
    const markdown = await project.run('plan', '--format', 'markdown');
    assert.match(markdown.out, '10% off Tools/Power Tools (category 19) -&gt; 15%');
    assert.match(markdown.out, '3 customers in this group');
    assert.match(markdown.out, 'Read requests: 6 (1 for groups');
    const drift = await project.run('drift');
    assert.is(drift.code, 2);
    assert.match(drift.out, 'store has 10% off Tools/Power Tools (category 19), the file says 15%');
    assert.match(drift.out, 'store also has 5% off category 99 (not in the catalog)');
    const json = await project.run('plan', '--format', 'json');
    const plan = JSON.parse(json.out) as {
      changes: Array<Record<string, unknown>>;
      reads: { requests: Record<string, number> };
    };
    assert.ok(validatePlan(plan), JSON.stringify(validatePlan.errors));
    const retail = plan.changes.find((change) => change.id === 1);
    assert.equal((retail!.body as unknown as { discount_rules: unknown[] }).discount_rules[0], {
      type: 'category',
      method: 'percent',
      amount: '15.0000',
      category_id: 19,
    });
    assert.equal(retail?.catalog_names, {
      categories: { 19: 'Tools/Power Tools', 99: null },
      products: { 77: { name: 'Claw Hammer', sku: 'HAM-16' } },
      price_lists: {},
    });
    assert.is(retail?.customers, 3);
    assert.equal(plan.reads.requests, { groups: 1, categories: 1, products: 1, price_lists: 1, customers: 2 });
  } finally {
    await project.close();
  }
});

test('names from the store are escaped like group names', async () => {
  const project = await openProject(
    { 'trade.yaml': TRADE_FILE },
    storeWith([{ id: 2, name: 'Trade' }], {
      catalog: {
        categories: [
          { category_id: 18, name: 'Tools\u202e' },
          { category_id: 23, name: 'Gar\u001b[31mden' },
        ],
        price_lists: [{ id: 2, name: 'Whole\u200bsale' }],
      },
    }),
  );
  try {
    for (const format of ['text', 'markdown']) {
      const { out } = await project.run('plan', '--format', format);
      assert.not.match(out, /[\u001b\u202e\u200b]/);
      assert.match(out, 'Tools\\u202e (18)');
    }
  } finally {
    await project.close();
  }
});

const DELETING_GROUP_MEMBERS_REFUSED =
  'deleting a group with members is refused by safety.maxDeletedCustomers; an empty one is not; --force allows';
test(DELETING_GROUP_MEMBERS_REFUSED, async () => {
  const files = {
    'retail.yaml': RETAIL_FILE,
    'trade.yaml': TRADE_FILE,
    'quiet.yaml': QUIET_FILE,
    'empty.yaml': EMPTY_FILE,
  };
  const project = await openProject(files, CATALOG_STORE);
  try {
    const refused = await project.run('plan', '--prune');
    assert.is(refused.code, 3, refused.out);
    assert.match(refused.out, '4 customers in this group lose its pricing');
    assert.match(
      refused.out,
      'Refusing to delete 1 group holding 4 customers: more than safety.maxDeletedCustomers (0)',
    );
    assert.is((await project.run('plan', '--prune', '--force')).code, 0);
    await writeFile(path.join(project.cwd, '.bcgroupsrc.json'), JSON.stringify({ safety: { maxDeletedCustomers: 4 } }));
    assert.is((await project.run('plan', '--prune')).code, 0);
    const { 'empty.yaml': _empty, ...withoutEmpty } = ALL_FILES;
    await project.writeGroups(withoutEmpty);
    await writeFile(path.join(project.cwd, '.bcgroupsrc.json'), '{}');
    const empty = await project.run('plan', '--prune');
    assert.is(empty.code, 0, empty.out);
    assert.match(empty.out, 'no customers in this group: nobody loses its pricing');
  } finally {
    await project.close();
  }
});

test('a guest-flag change says it reaches every shopper who is not signed in', async () => {
  const project = await openProject(
    { 'quiet.yaml': 'name: Quiet\nid: 3\nis_group_for_guests: true\n' },
    storeWith([{ id: 3, name: 'Quiet' }]),
  );
  try {
    const { out } = await project.run('plan');
    assert.match(out, "guest flag: this group's pricing will apply to every shopper who is not signed in");
    assert.match(out, '1 customer in this group');
  } finally {
    await project.close();
  }
});

test('--no-catalog and catalog: false skip the catalog reads and say what went unchecked', async () => {
  const project = await openProject(ALL_FILES, CATALOG_STORE);
  try {
    const { code, out } = await project.run('plan', '--no-catalog');
    assert.is(code, 0);
    assert.match(out, 'Not checked:\n  - category, product, price list names not read');
    assert.match(out, '(--no-catalog)');
    assert.match(out, '10% off category 19 -> 15%');
    assert.equal(countReadsByKind(project.sandbox), {
      groups: 1,
      categories: 0,
      products: 0,
      price_lists: 0,
      customers: 2,
    });
    await writeFile(path.join(project.cwd, '.bcgroupsrc.json'), JSON.stringify({ catalog: false }));
    const configured = await project.run('plan', '--format', 'json');
    const plan = JSON.parse(configured.out) as {
      reads: { unchecked: string[] };
      changes: Array<Record<string, unknown>>;
    };
    assert.is(plan.reads.unchecked.length, 1);
    assert.is(plan.changes[0]?.catalog_names, undefined);
  } finally {
    await project.close();
  }
});

test('--no-customers skips the counts: changes say so, and a delete is refused unless forced', async () => {
  const project = await openProject(
    { 'retail.yaml': RETAIL_FILE, 'trade.yaml': TRADE_FILE, 'quiet.yaml': QUIET_FILE, 'empty.yaml': EMPTY_FILE },
    CATALOG_STORE,
  );
  try {
    const { code, out } = await project.run('plan', '--prune', '--no-customers');
    assert.is(code, 3, out);
    assert.match(out, 'customers not counted (--no-customers)');
    assert.match(out, 'safety.maxDeletedCustomers cannot be checked (--no-customers)');
    assert.match(out, 'Refusing to delete 1 group whose customers were not counted (--no-customers)');
    assert.is(countReadsByKind(project.sandbox).customers, 0);
    const json = JSON.parse((await project.run('plan', '--no-customers', '--format', 'json')).out) as {
      changes: Array<{ customers: unknown }>;
    };
    assert.ok(json.changes.every((change) => change.customers === null));
    assert.is((await project.run('plan', '--prune', '--no-customers', '--force')).code, 0);
  } finally {
    await project.close();
  }
});

const TOKEN_WITHOUT_PRODUCTS_SCOPE =
  'a token without the products scope is told the scope and --no-catalog; with the flag plan and import run';
test(TOKEN_WITHOUT_PRODUCTS_SCOPE, async () => {
  const project = await openProject(ALL_FILES, { ...CATALOG_STORE, scopes: ['store_v2_customers_read_only'] });
  try {
    const refused = await project.run('plan');
    assert.is(refused.code, 1);
    assert.match(refused.err, 'store_v2_products_read_only');
    assert.match(refused.err, '--no-catalog');
    assert.is((await project.run('plan', '--no-catalog')).code, 0);
    // import reads the catalog for its comments, so it needs the same way out.
    const importRefused = await project.run('import', '--dir', 'imported');
    assert.is(importRefused.code, 1);
    assert.match(importRefused.err, '--no-catalog');
    const imported = await project.run('import', '--dir', 'imported', '--no-catalog');
    assert.is(imported.code, 0, imported.err);
    assert.match(imported.out, 'wrote imported/');
  } finally {
    await project.close();
  }
});

test('apply shows names and counts before writing, and the saved plan keeps them for apply PLANFILE', async () => {
  const project = await openProject(ALL_FILES, CATALOG_STORE);
  try {
    const applied = await project.run('apply', '--yes');
    assert.is(applied.code, 0, applied.err);
    assert.match(applied.out, '10% off Tools/Power Tools (category 19) -> 15%');
    assert.match(applied.out, '3 customers in this group');
    // Planned while 4 deleted customers were allowed; the threshold is back at 0 when the file is applied.
    const { 'old.yaml': _old, ...withoutOld } = ALL_FILES;
    await project.writeGroups(withoutOld);
    await writeFile(path.join(project.cwd, '.bcgroupsrc.json'), JSON.stringify({ safety: { maxDeletedCustomers: 4 } }));
    assert.is((await project.run('plan', '--prune', '--out', 'plan.json')).code, 0);
    await writeFile(path.join(project.cwd, '.bcgroupsrc.json'), '{}');
    const refused = await project.run('apply', 'plan.json');
    assert.is(refused.code, 3);
    assert.match(refused.err, 'more than safety.maxDeletedCustomers (0)');
  } finally {
    await project.close();
  }
});

test.run();
