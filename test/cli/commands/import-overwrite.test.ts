// import over files a person wrote: --overwrite changes only what differs, in place; a second store's
// import adds its pins to files that mean its groups, and says how to share files whose ids differ.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject } from '../../support/cli.js';
import { openTwoStores } from '../../support/stores.js';

const CATALOG = {
  categories: [
    { category_id: 18, name: 'Tools' },
    { category_id: 19, name: 'Garden' },
  ],
  products: [],
  price_lists: [],
};

const WRITTEN = `# The trade discount, agreed with sales in March.
id: 3
name: Trade
discount_rules:
  # Garden first: it is what trade buyers order most.
  - type: category
    method: percent
    amount: 5
    category: Garden
  - type: category
    method: percent
    amount: 10
    category: Tools # hand tools and power tools
`;

test('import --overwrite changes only the amount that differs, keeping names, order and comments', async () => {
  const seed = [
    {
      id: 3,
      name: 'Trade',
      discount_rules: [
        { type: 'category' as const, method: 'percent' as const, amount: 5, category_id: 19 },
        { type: 'category' as const, method: 'percent' as const, amount: 12, category_id: 18 },
      ],
    },
  ];
  const project = await openProject({ 'trade.yaml': WRITTEN }, { seed, catalog: CATALOG });
  try {
    const refused = await project.run('import');
    assert.is(refused.code, 1);
    assert.match(refused.err, 'groups/trade.yaml (discount_rules differs)');
    assert.match(refused.err, 'only the differing fields change');
    assert.is(await readFile(path.join(project.cwd, 'groups/trade.yaml'), 'utf8'), WRITTEN);
    const overwritten = await project.run('import', '--overwrite');
    assert.is(overwritten.code, 0, overwritten.err);
    const text = await readFile(path.join(project.cwd, 'groups/trade.yaml'), 'utf8');
    assert.is(
      text,
      WRITTEN.replace(
        '    amount: 10\n    category: Tools # hand tools and power tools\n',
        '    amount: 12\n    category: Tools # hand tools and power tools\n',
      ),
    );
    const planned = await project.run('plan');
    assert.match(planned.out, 'No changes');
    // Again, nothing differs: the file is left exactly as it is.
    const again = await project.run('import');
    assert.is(again.code, 0, again.err);
    assert.match(again.out, 'unchanged groups/trade.yaml');
  } finally {
    await project.close();
  }
});

test('a second store: files by name get its pins and nothing else; files by id get the way to share them', async () => {
  const two = await openTwoStores({
    production: [
      { id: 1, name: 'Retail', is_default: true },
      { id: 2, name: 'Gold' },
    ],
    staging: [
      { id: 101, name: 'Retail', is_default: true },
      { id: 102, name: 'Gold' },
    ],
  });
  try {
    await two.writeGroups({});
    const production = await two.run(['import', '--store', 'production']);
    assert.is(production.code, 0, production.err);
    const gold = path.join(two.cwd, 'groups/gold.yaml');
    await writeFile(gold, `# Gold members\n${await readFile(gold, 'utf8')}`);
    const staging = await two.run(['import', '--store', 'staging']);
    assert.is(staging.code, 0, staging.err);
    assert.is(await readFile(gold, 'utf8'), '# Gold members\nid:\n  production: 2\n  staging: 102\nname: Gold\n');
    // Staging's Gold differs (say, by a category id of its own): the refusal says how to share the file.
    await writeFile(gold, '# Gold members\nid: { production: 2 }\nname: Gold\nis_group_for_guests: true\n');
    const differs = await two.run(['import', '--store', 'staging']);
    assert.is(differs.code, 1);
    assert.match(differs.err, "groups/gold.yaml (written for production; staging's group is_group_for_guests differs)");
    assert.match(differs.err, '`bcgroups import --store production --by-name --overwrite`');
    assert.match(differs.err, '`bcgroups plan --store staging`');
  } finally {
    await two.close();
  }
});

test('the hint works: production by name, then staging adds its pins; both stores plan no changes', async () => {
  const rule = (category_id: number) => ({
    type: 'category' as const,
    method: 'percent' as const,
    amount: 10,
    category_id,
  });
  const tools = (category_id: number) => ({
    categories: [{ category_id, name: 'Tools' }],
    products: [],
    price_lists: [],
  });
  const two = await openTwoStores(
    {
      production: [{ id: 2, name: 'Gold', discount_rules: [rule(18)] }],
      staging: [{ id: 102, name: 'Gold', discount_rules: [rule(40)] }],
    },
    { production: tools(18), staging: tools(40) },
  );
  try {
    await two.writeGroups({});
    assert.is((await two.run(['import', '--store', 'production'])).code, 0);
    const refused = await two.run(['import', '--store', 'staging']);
    assert.is(refused.code, 1);
    const hint = /`(bcgroups import --store production --by-name --overwrite)`/.exec(refused.err)?.[1] ?? '';
    assert.ok(hint, refused.err);
    const byName = await two.run(hint.split(' ').slice(1));
    assert.is(byName.code, 0, byName.err);
    const pinned = await two.run(['import', '--store', 'staging']);
    assert.is(pinned.code, 0, pinned.err);
    const gold = await readFile(path.join(two.cwd, 'groups/gold.yaml'), 'utf8');
    assert.match(gold, 'production: 2\n  staging: 102\n');
    assert.match(gold, 'category: Tools');
    for (const store of ['production', 'staging']) {
      const plan = await two.run(['plan', '--store', store]);
      assert.match(plan.out, 'No changes', `${store}: ${plan.out}${plan.err}`);
    }
  } finally {
    await two.close();
  }
});

test.run();
