// The store widens a category rule sent through the API to the subcategories, and nothing in a request or an
// answer shows it: every plan that sends category rules says so once, and import says so in the file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject, VIP } from '../../support/cli.js';
import { SMALL_CATALOG } from '../../support/sandbox.js';

const catalog = SMALL_CATALOG;

const TOOLS =
  'name: Tools\ndiscount_rules:\n  - type: category\n    method: percent\n    amount: 10\n    category_id: 18\n';
const PARTS =
  'name: Parts\ndiscount_rules:\n  - type: category\n    method: price\n    amount: 2\n    category_id: 19\n';
const NOTE = 'Category rules reach subcategories: 2 changes send category discount rules (Parts, Tools).';
const WHY = 'the API can neither set nor report "this category only"';

const countOf = (text: string, part: string) => text.split(part).length - 1;

test('a plan sending category rules says once that the store widens them to subcategories', async () => {
  const project = await openProject({ 'tools.yaml': TOOLS, 'parts.yaml': PARTS, 'vip.yaml': VIP }, { catalog });
  try {
    const text = await project.run('plan');
    assert.is(text.code, 0, text.err);
    assert.is(countOf(text.out, NOTE), 1, text.out);
    assert.match(text.out, WHY);
    const markdown = await project.run('plan', '--format', 'markdown');
    assert.is(countOf(markdown.out, `> [!IMPORTANT]\n> ${NOTE}`), 1, markdown.out);
    const json = JSON.parse((await project.run('plan', '--format', 'json')).out);
    assert.equal(
      json.notices.map((notice: { code: string; changes: string[] }) => [notice.code, notice.changes]),
      [['category_rules_include_subcategories', ['create:Parts', 'create:Tools']]],
    );
    // Drift reports; it sends nothing, so it has nothing to warn of.
    const drift = await project.run('drift', '--format', 'json');
    assert.is(drift.code, 2);
    assert.is(JSON.parse(drift.out).notices, undefined);
    assert.not.match((await project.run('drift')).out, 'subcategories');
    // Once applied, nothing is sent again, and nothing needs saying.
    assert.is((await project.run('apply', '--yes')).code, 0);
    const after = await project.run('plan', '--format', 'json');
    assert.is(JSON.parse(after.out).notices, undefined);
  } finally {
    await project.close();
  }
});

test('a plan that sends no category rule carries no note', async () => {
  const seed = [
    { id: 7, name: 'Tools', discount_rules: [{ type: 'category', method: 'percent', amount: 10, category_id: 18 }] },
  ];
  const project = await openProject(
    { 'tools.yaml': `${TOOLS}category_access:\n  type: none\n`, 'vip.yaml': VIP },
    { seed, catalog },
  );
  try {
    const plan = await project.run('plan');
    assert.is(plan.code, 0, plan.err);
    assert.match(plan.out, 'update Tools (id 7)');
    assert.not.match(plan.out, 'subcategories');
  } finally {
    await project.close();
  }
});

test('import notes it in a file it writes with category rules, and only there', async () => {
  const seed = [
    { id: 7, name: 'Tools', discount_rules: [{ type: 'category', method: 'percent', amount: 10, category_id: 18 }] },
    { id: 8, name: 'VIP', discount_rules: [{ type: 'all', method: 'percent', amount: 10 }] },
  ];
  const project = await openProject({}, { seed, catalog });
  try {
    assert.is((await project.run('import')).code, 0);
    const tools = await readFile(path.join(project.cwd, 'groups', 'tools.yaml'), 'utf8');
    assert.match(tools, '# Category rules reach subcategories: the store applies a category rule set through the API');
    assert.match(tools, '"this category only"');
    assert.ok(tools.indexOf('# Category rules') < tools.indexOf('discount_rules:'), 'the note sits above the rules');
    const vip = await readFile(path.join(project.cwd, 'groups', 'vip.yaml'), 'utf8');
    assert.not.match(vip, 'subcategories');
    const plan = await project.run('plan', '--detailed-exitcode');
    assert.is(plan.code, 0, plan.out + plan.err);
  } finally {
    await project.close();
  }
});

test.run();
