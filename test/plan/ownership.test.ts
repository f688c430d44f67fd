// The pure rules of ignore and protect: which changes the config refuses, and which files reach an ignored group.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PlanError } from '../../src/errors.js';
import { checkOwnership, refuseIgnoredReaches, splitIgnored } from '../../src/plan/ownership.js';
import { findNotices } from '../../src/plan/notices.js';
import { createPlan } from '../../src/plan/index.js';
import { createChange, deleteChange, desired, live, rule, state, updateChange } from '../support/groups.js';

const RULES = { ignore: ['B2B *'], protect: ['Wholesale*'], config_file: 'bcgroups.config.yaml' };

const refused = (changes: Parameters<typeof checkOwnership>[0]) =>
  checkOwnership(changes, RULES).map((refusal) => [refusal.check, refusal.action, refusal.key, refusal.pattern]);

test('protect refuses deletes and renames only; other updates of a protected group go through', () => {
  const wholesale = state('Wholesale EU');
  assert.equal(refused([deleteChange(4, wholesale)]), [['protect', 'delete', 'delete:4', 'Wholesale*']]);
  assert.equal(refused([updateChange(4, wholesale, state('Trade EU'))]), [
    ['protect', 'rename', 'update:4', 'Wholesale*'],
  ]);
  assert.equal(refused([updateChange(4, wholesale, state('Wholesale EU', { is_default: true }))]), []);
  assert.equal(refused([updateChange(5, state('Trade'), state('Wholesale Trade'))]), [], 'renaming into it is fine');
  assert.equal(refused([createChange(state('Wholesale US'))]), []);
});

test('ignore refuses any write to a matching group: created, updated, renamed into, deleted', () => {
  assert.equal(refused([createChange(state('B2B Acme'))]), [['ignore', 'write', 'create:B2B Acme', 'B2B *']]);
  assert.equal(refused([updateChange(2, state('B2B Acme'), state('B2B Acme', { is_default: false }))]).length, 1);
  assert.equal(refused([updateChange(6, state('Acme'), state('B2B Acme'))]), [
    ['ignore', 'write', 'update:6', 'B2B *'],
  ]);
  assert.equal(refused([deleteChange(2, state('B2B Acme'))]), [['ignore', 'write', 'delete:2', 'B2B *']]);
  assert.equal(checkOwnership([deleteChange(2, state('B2B Acme'))], RULES)[0]?.config_file, 'bcgroups.config.yaml');
});

test('splitIgnored keeps the groups no pattern matches, and names the pattern of each it leaves out', () => {
  const { kept, ignored } = splitIgnored([live(1, 'Retail'), live(2, 'B2B Acme'), live(3, 'b2b lower')], ['B2B *']);
  assert.equal(
    kept.map((group) => group.id),
    [1, 3],
  );
  assert.equal(
    ignored.map(({ group, pattern }) => [group.id, pattern]),
    [[2, 'B2B *']],
  );
  assert.equal(splitIgnored([live(1, 'Retail')], []).ignored, []);
});

test('a file reaching an ignored group by pin, name spelling, earlier name or flag is refused', () => {
  const { ignored } = splitIgnored(
    [live(2, 'B2B Acme'), live(3, 'B2B Guests', { is_group_for_guests: true })],
    ['B2B *'],
  );
  const files = [
    desired('Acme', { id: 2 }),
    desired('b2b acme'),
    { ...desired('Gold'), renamed_from: ['b2b ACME'] },
    desired('Guests', { is_group_for_guests: true }),
    desired('Retail', { is_default: true }),
  ];
  try {
    refuseIgnoredReaches(files, ignored);
    assert.unreachable('refused');
  } catch (error) {
    assert.instance(error, PlanError);
    const problems = (error as PlanError).problems.map((problem) => [problem.file, problem.field]);
    assert.equal(problems, [
      ['groups/acme.yaml', 'id'],
      ['groups/b2b-acme.yaml', 'name'],
      ['groups/gold.yaml', 'renamed_from'],
      ['groups/guests.yaml', 'is_group_for_guests'],
    ]);
  }
  refuseIgnoredReaches([desired('Retail', { is_default: true })], ignored);
});

test('the category notice names the changes whose body sends a category rule, and only those', () => {
  const plan = createPlan(
    [
      desired('Tools', { discount_rules: [rule.category(18, 10)] }),
      desired('VIP', { discount_rules: [rule.all(5)] }),
      desired('Parts', { discount_rules: [rule.category(19, 2)], category_access: { type: 'none' } }),
    ],
    [live(9, 'Parts', { discount_rules: [rule.category(19, 2)] })],
    { prune: false },
  );
  assert.equal(plan.notices, [{ code: 'category_rules_include_subcategories', changes: ['create:Tools'] }]);
  assert.equal(findNotices([deleteChange(9, state('Parts'))]), []);
});

test.run();
