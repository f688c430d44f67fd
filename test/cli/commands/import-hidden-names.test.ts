// A store whose catalog names hold hidden characters (a bidi override, a line break, a zero-width space):
// import --by-name keeps such targets as ids, names them in an escaped one-line comment, and writes
// files that validate and plan as written; nothing raw reaches a file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject } from '../../support/cli.js';

/** A hidden character other than the line breaks that end the lines of a file. */
const HIDDEN = /(?!\n)[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;

test('import --by-name falls back to the id, with an escaped comment, for a name a file may not hold', async () => {
  const seed = [
    {
      id: 7,
      name: 'Wholesale',
      category_access: { type: 'specific', categories: [11, 12] },
      discount_rules: [
        { type: 'category', method: 'percent', amount: '10.0000', category_id: 11 },
        { type: 'product', method: 'fixed', amount: '9.0000', product_id: 112 },
      ],
    },
    { id: 9, name: 'Trade', discount_rules: [{ type: 'price_list', price_list_id: 3 }] },
  ];
  const catalog = {
    categories: [
      { category_id: 10, name: 'Tools' },
      { category_id: 11, name: 'Evil\u202eliv', parent_id: 10 },
      { category_id: 12, name: 'Line\nBreak # not a comment' },
    ],
    products: [{ id: 112, name: 'Hammer\nid: 1', sku: 'HAM\u200b16' }],
    price_lists: [{ id: 3, name: 'Trade\u2028List' }],
  };
  const project = await openProject({}, { seed, catalog });
  try {
    const imported = await project.run('import', '--by-name');
    assert.is(imported.code, 0, imported.err);
    const wholesale = await readFile(path.join(project.cwd, 'groups', 'wholesale.yaml'), 'utf8');
    const trade = await readFile(path.join(project.cwd, 'groups', 'trade.yaml'), 'utf8');
    assert.not.match(wholesale + trade, HIDDEN, 'no raw hidden character in a file');
    assert.match(wholesale, 'categories: [ 11, 12 ] # Tools/Evil\\u202eliv, Line\\u000aBreak # not a comment\n');
    assert.match(wholesale, 'category_id: 11 # Tools/Evil\\u202eliv\n');
    assert.match(wholesale, 'product_id: 112 # Hammer\\u000aid: 1 (SKU HAM\\u200b16)\n');
    assert.match(trade, 'price_list_id: 3 # Trade\\u2028List\n');
    const validated = await project.run('validate');
    assert.is(validated.code, 0, validated.out + validated.err);
    const plan = await project.run('plan', '--detailed-exitcode');
    assert.is(plan.code, 0, plan.out + plan.err);
  } finally {
    await project.close();
  }
});

test('a file naming a category by a path with a hidden character is refused by validate', async () => {
  const project = await openProject(
    { 'vip.yaml': 'name: VIP\ncategory_access: {type: specific, categories: ["Tools/Evil\u202eliv"]}\n' },
    { catalog: { categories: [{ category_id: 10, name: 'Tools' }] } },
  );
  try {
    const validated = await project.run('validate');
    assert.is(validated.code, 1);
    assert.match(
      validated.out + validated.err,
      /groups\/vip\.yaml:2:\d+.*category path holds U\+202E \(a bidi control\) at character 11/,
    );
  } finally {
    await project.close();
  }
});

test.run();
