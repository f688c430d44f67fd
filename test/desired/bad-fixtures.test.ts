// One fixture per kind of bad input: each must fail with exactly the problems listed, at the right place.
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadDesired } from '../../src/desired/index.js';
import { ValidationError, type Problem } from '../../src/errors.js';

const BAD = fileURLToPath(new URL('./fixtures/bad/', import.meta.url));

/** [file, line, col, field, message pattern] */
type Expected = [string, number, number, string, RegExp];

const cases: Record<string, Expected[]> = {
  'yaml-syntax': [
    ['group.yaml', 4, 1, '', /^YAML: Flow map in block collection must be sufficiently indented and end with a \}/],
    ['group.yaml', 4, 1, '', /^YAML: Flow sequence .* end with a \]/],
  ],
  'duplicate-key': [['group.yaml', 3, 1, 'name', /^duplicate key 'name'$/]],
  'empty-file': [['group.yaml', 1, 1, '', /^file is empty/]],
  'non-utf8': [['group.yaml', 2, 17, '', /^file is not valid UTF-8$/]],
  'alias-bomb': [['group.yaml', 3, 8, '', /^aliases expand too far \(more than 100 nodes\)$/]],
  'multiple-documents': [['group.yaml', 2, 1, '', /^file holds 2 YAML documents; a group file holds exactly one$/]],
  'unknown-key': [['group.yaml', 2, 1, 'discounts', /^unknown key 'discounts'$/]],
  'missing-name': [['group.yaml', 1, 1, 'name', /^missing required key 'name'$/]],
  'not-a-mapping': [['group.yaml', 1, 1, '', /^must be a mapping \(key: value\) \(found a list\)$/]],
  'bad-access-type': [['group.yaml', 3, 9, 'category_access.type', /^must be one of all, specific, none \(found "some"\)$/]],
  'bad-id': [['group.yaml', 1, 5, 'id', /^must be an integer of 1 or more \(found 0\)$/]],
  'wrong-type': [['group.yaml', 2, 13, 'is_default', /^must be true or false \(found "yes"\)$/]],
  'blank-name': [['group.yaml', 1, 7, 'name', /^name must not be blank or start or end with spaces$/]],
  'amount-not-numeric': [['group.yaml', 5, 13, 'discount_rules[0].amount', /^amount must be a number such as 5 or "5.50" \(found "ten"\)$/]],
  'negative-amount': [
    ['group.yaml', 5, 13, 'discount_rules[0].amount', /^amount must not be negative \(found -5\)$/],
    ['group.yaml', 9, 13, 'discount_rules[1].amount', /^amount must not be negative \(found "-2.50"\)$/],
  ],
  'amount-too-large': [
    ['group.yaml', 5, 13, 'discount_rules[0].amount', /^amount is too large \(found 1e\+21\)$/],
    ['group.yaml', 8, 13, 'discount_rules[1].amount', /^amount is too large \(found "12345678901234567890123"\)$/],
  ],
  'percent-over-100': [['group.yaml', 5, 13, 'discount_rules[0].amount', /^a percent discount is at most 100 \(found 150\)$/]],
  'percent-over-100-string': [['group.yaml', 5, 13, 'discount_rules[0].amount', /^a percent discount is at most 100 \(found "100.5"\)$/]],
  'rule-missing-target': [['group.yaml', 3, 5, 'discount_rules[0].category_id', /^a 'category' rule needs 'category_id'/]],
  'rule-extra-key': [['group.yaml', 6, 5, 'discount_rules[0].product_id', /^'product_id' does not belong in an 'all' rule$/]],
  'rule-unknown-key': [
    ['group.yaml', 3, 5, 'discount_rules[0].amount', /^an 'all' rule needs 'amount'/],
    ['group.yaml', 5, 5, 'discount_rules[0].ammount', /^unknown key 'ammount'$/],
  ],
  'price-list-with-amount': [['group.yaml', 5, 5, 'discount_rules[0].amount', /^'amount' does not belong in a 'price_list' rule$/]],
  'price-list-not-alone': [['group.yaml', 6, 5, 'discount_rules[1]', /^a price_list rule must be the only rule of its group \(this group has 2\)$/]],
  'two-all-rules': [['group.yaml', 6, 5, 'discount_rules[1]', /^a group has at most one store-wide \('all'\) rule; another is at line 3$/]],
  'duplicate-category-rule': [['group.yaml', 11, 5, 'discount_rules[2]', /^category 18 already has a rule at line 3$/]],
  'duplicate-product-rule': [['group.yaml', 4, 5, 'discount_rules[1]', /^product 112 already has a rule at line 3$/]],
  'categories-not-specific': [['group.yaml', 4, 3, 'category_access.categories', /^categories only go with type specific; with type all the API silently drops them$/]],
  'specific-without-categories': [['group.yaml', 2, 1, 'category_access.categories', /^type specific needs 'categories'/]],
  'duplicate-categories': [['group.yaml', 4, 3, 'category_access.categories', /^lists a category twice \(items 0 and 2\)$/]],
  'duplicate-names': [
    ['a.yaml', 1, 1, 'name', /^name 'VIP' is also used by duplicate-names\/nested\/b\.yml:2 \(names are compared without case\)$/],
    ['nested/b.yml', 2, 1, 'name', /^name 'vip' is also used by duplicate-names\/a\.yaml:1 \(names are compared without case\)$/],
  ],
  'two-guest-groups': ['a.yaml:2:1', 'b.yaml:2:1', 'c.yaml:3:1'].map((where): Expected => {
    const [file = '', line, col] = where.split(':');
    const all = 'two-guest-groups/a\\.yaml:2, two-guest-groups/b\\.yaml:2, two-guest-groups/c\\.yaml:3';
    return [file, Number(line), Number(col), 'is_group_for_guests', new RegExp(`^3 files set is_group_for_guests: true \\(${all}\\); a store has one guest group$`)];
  }),
  'two-default-groups': [
    ['a.yaml', 2, 1, 'is_default', /^2 files set is_default: true \(two-default-groups\/a\.yaml:2, two-default-groups\/b\.yaml:2\)/],
    ['b.yaml', 2, 1, 'is_default', /^2 files set is_default: true \(two-default-groups\/a\.yaml:2, two-default-groups\/b\.yaml:2\)/],
  ],
  'duplicate-id-pins': [
    ['a.yaml', 1, 1, 'id', /^id 12 is also pinned by duplicate-id-pins\/b\.yaml:1$/],
    ['b.yaml', 1, 1, 'id', /^id 12 is also pinned by duplicate-id-pins\/a\.yaml:1$/],
  ],
  // One rule failing the schema must not hide another rule's problem in the same group.
  'schema-and-rule-problems': [
    ['group.yaml', 5, 13, 'discount_rules[0].amount', /^a percent discount is at most 100 \(found 500\)$/],
    ['group.yaml', 6, 5, 'discount_rules[1]', /store-wide|'all' rule|all rule/],
  ],
  'many-problems': [
    ['a.yaml', 1, 1, 'name', /^name 'Retail' is also used by many-problems\/b\.yaml:1 \(names are compared without case\)$/],
    ['a.yaml', 2, 13, 'is_default', /^must be true or false \(found "yes"\)$/],
    ['b.yaml', 1, 1, 'name', /^name 'Retail' is also used by many-problems\/a\.yaml:1 \(names are compared without case\)$/],
    ['b.yaml', 3, 11, 'discount_rules[0].type', /^must be one of all, category, product, price_list \(found "everything"\)$/],
    ['c.yaml', 2, 1, '', /^YAML: /],
  ],
};

async function loadProblems(fixture: string): Promise<Problem[]> {
  try {
    await loadDesired(fixture, { cwd: BAD });
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  assert.unreachable(`${fixture} loaded without problems`);
  return [];
}

for (const [fixture, expected] of Object.entries(cases)) {
  test(`bad fixture: ${fixture}`, async () => {
    const problems = await loadProblems(fixture);
    const shown = problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.field} ${p.message}`).join('\n');
    assert.is(problems.length, expected.length, `problems of ${fixture}:\n${shown}`);
    expected.forEach(([file, line, col, field, message], index) => {
      const problem = problems[index];
      assert.ok(problem, `missing problem ${index}`);
      assert.is(problem.file, `${fixture}/${file}`);
      assert.is(`${problem.line}:${problem.col}`, `${line}:${col}`, shown);
      assert.is(problem.field, field);
      assert.match(problem.message, message);
    });
  });
}

test('every fixture directory has a case', async () => {
  const { readdir } = await import('node:fs/promises');
  const dirs = (await readdir(BAD, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  assert.equal(dirs.sort(), Object.keys(cases).sort());
  assert.ok(dirs.length >= 20);
});

test.run();
