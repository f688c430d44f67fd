// Resolution over plain objects: references become ids, and every reference or id the catalog does not
// back is a problem at its file:line:col that says what was looked for and what there is.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  formatCategoryPath,
  MAX_CANDIDATES,
  resolveReferences,
  splitCategoryPath,
} from '../../src/references/index.js';
import type { CategoryNode } from '../../src/model/index.js';
import { catalog, loaded } from '../support/catalog.js';

const percent = { method: 'percent' as const, amount: 10 };

test('category paths split on / and keep an escaped / or backslash inside a name', () => {
  assert.equal(splitCategoryPath('Tools/Power Tools'), ['Tools', 'Power Tools']);
  assert.equal(splitCategoryPath('Tools/Nuts\\/Bolts'), ['Tools', 'Nuts/Bolts']);
  assert.equal(splitCategoryPath('A\\\\/B'), ['A\\', 'B']);
  for (const names of [['Tools', 'Nuts/Bolts'], ['A\\', 'B/'], ['plain']])
    assert.equal(splitCategoryPath(formatCategoryPath(names)), names);
});

test('references resolve to ids, rules come out normalized, and each reference is recorded', () => {
  const group = loaded(
    [
      { type: 'product', ...percent, product_sku: 'HAM-16' },
      { type: 'category', ...percent, category: 'Garden' },
      { type: 'category', ...percent, category: 'Drills' },
      { type: 'category', ...percent, category: 'Tools/Nuts\\/Bolts' },
    ],
    { type: 'specific', categories: ['Garden/Tools', 10, 'Nuts\\/Bolts'] },
  );
  const { groups, references, problems } = resolveReferences([group], catalog);
  assert.equal(problems, []);
  assert.equal(groups[0]?.discount_rules, [
    { type: 'category', ...percent, category_id: 19 },
    { type: 'category', ...percent, category_id: 20 },
    { type: 'category', ...percent, category_id: 22 },
    { type: 'product', ...percent, product_id: 112 },
  ]);
  assert.equal(groups[0]?.category_access, { type: 'specific', categories: [10, 21, 22] });
  assert.equal(references[0], {
    file: 'groups/vip.yaml',
    path: 'discount_rules[0].product_sku',
    kind: 'product',
    ref: 'HAM-16',
    resolved_id: 112,
  });
  assert.equal(
    references.map((reference) => [reference.path, reference.resolved_id]),
    [
      ['discount_rules[0].product_sku', 112],
      ['discount_rules[1].category', 20],
      ['discount_rules[2].category', 19],
      ['discount_rules[3].category', 22],
      ['category_access.categories[0]', 21],
      ['category_access.categories[2]', 22],
    ],
  );
});

test('a full path from the root wins over a bare name elsewhere; a price list resolves by name', () => {
  const { groups, problems } = resolveReferences(
    [
      loaded([{ type: 'price_list', price_list: 'Wholesale 2026' }], {
        type: 'specific',
        categories: ['Garden/Tools'],
      }),
    ],
    catalog,
  );
  assert.equal(problems, []);
  assert.equal(groups[0]?.discount_rules, [{ type: 'price_list', price_list_id: 2 }]);
  assert.equal(groups[0]?.category_access, { type: 'specific', categories: [21] });
});

test('a reference that matches several things lists them, with ids and trees, at its line', () => {
  const { groups, problems } = resolveReferences(
    [
      loaded([{ type: 'category', ...percent, category: 'Tools/Power Tools' }], {
        type: 'specific',
        categories: ['Tools'],
      }),
    ],
    catalog,
  );
  assert.equal(groups, []);
  assert.equal(
    problems.map((problem) => [problem.line, problem.field, problem.message]),
    [
      [
        13,
        'discount_rules[0].category',
        "category path 'Tools/Power Tools' matches 2 categories: " +
          "'Tools/Power Tools' (id 18, tree 1), 'Tools/Power Tools' (id 118, tree 2)",
      ],
      [
        5,
        'category_access.categories[0]',
        "category path 'Tools' matches 2 categories: 'Tools' (id 10, tree 1), 'Tools' (id 110, tree 2)",
      ],
    ],
  );
  assert.equal(
    problems.map((problem) => problem.hint),
    [
      "they all have the path 'Tools/Power Tools', so only the id tells them apart: use category_id to say which",
      "they all have the path 'Tools', so only the id tells them apart: write its id in the list instead",
    ],
  );
  const gardenPower = {
    ...catalog,
    categories: [...(catalog.categories ?? []), { id: 30, name: 'Power Tools', parent_id: 20, tree_id: 1 }],
  };
  const bare = resolveReferences(
    [loaded([{ type: 'category', ...percent, category: 'Power Tools' }])],
    gardenPower,
  ).problems;
  assert.equal(
    bare.map((problem) => problem.hint),
    ['write the full path from the root of its tree, or use category_id to say which'],
  );
  const trade = resolveReferences([loaded([{ type: 'price_list', price_list: 'Trade' }])], catalog).problems;
  assert.equal(
    trade.map((problem) => problem.message),
    ["price list name 'Trade' matches 2 price lists: 'Trade' (id 3), 'Trade' (id 4)"],
  );
});

test('a reference that matches nothing suggests names that differ only in case, and says matching is exact', () => {
  const { problems } = resolveReferences(
    [
      loaded([
        { type: 'category', ...percent, category: 'tools/power tools' },
        { type: 'product', ...percent, product_sku: 'ham-16' },
      ]),
    ],
    catalog,
  );
  assert.equal(
    problems.map((problem) => problem.message),
    [
      "no category has the path 'tools/power tools'; " +
        "near: 'Tools/Power Tools' (id 18, tree 1), 'Tools/Power Tools' (id 118, tree 2)",
      "no product has the SKU 'ham-16'; near: 'Claw Hammer' (SKU HAM-16, id 112)",
    ],
  );
  assert.match(problems[0]?.hint ?? '', /case matters/);
  const nothing = resolveReferences([loaded([{ type: 'price_list', price_list: 'Retail 2030' }])], catalog).problems;
  assert.equal(
    nothing.map((problem) => problem.message),
    ["no price list has the name 'Retail 2030'"],
  );
});

test('the candidate list is capped and counts the rest', () => {
  const many: CategoryNode[] = Array.from({ length: MAX_CANDIDATES + 3 }, (_, index) => ({
    id: index + 1,
    name: 'Sale',
    parent_id: 0,
    tree_id: index + 1,
  }));
  const { problems } = resolveReferences([loaded([{ type: 'category', ...percent, category: 'Sale' }])], {
    categories: many,
  });
  assert.match(
    problems[0]?.message ?? '',
    new RegExp(
      `matches ${MAX_CANDIDATES + 3} categories: .*\\(id ${MAX_CANDIDATES}, tree ${MAX_CANDIDATES}\\) and 3 more$`,
    ),
  );
});

test('an id the catalog lacks is a problem with the id, for rules and category access alike', () => {
  const group = loaded(
    [
      { type: 'category', ...percent, category_id: 999 },
      { type: 'product', ...percent, product_id: 777 },
    ],
    { type: 'specific', categories: [18, 404] },
  );
  const { groups, problems } = resolveReferences([group], catalog);
  assert.equal(groups, []);
  assert.equal(
    problems.map((problem) => [problem.file, problem.line, problem.col, problem.field, problem.message]),
    [
      [
        'groups/vip.yaml',
        13,
        5,
        'discount_rules[0].category_id',
        'category 999 is not in the store (it has 8 categories)',
      ],
      [
        'groups/vip.yaml',
        23,
        5,
        'discount_rules[1].product_id',
        'product 777 is not in the store (no product has this id)',
      ],
      [
        'groups/vip.yaml',
        5,
        20,
        'category_access.categories[1]',
        'category 404 is not in the store (it has 8 categories)',
      ],
    ],
  );
  assert.match(problems[0]?.hint ?? '', /instead of category_id/);
  assert.not.match(problems[2]?.hint ?? '', /category_id/);
  assert.match(problems[2]?.hint ?? '', /path in the list/);
  const list = resolveReferences([loaded([{ type: 'price_list', price_list_id: 9 }])], catalog).problems;
  assert.equal(
    list.map((problem) => problem.message),
    ['price list 9 is not in the store (it has 3 price lists)'],
  );
});

test('a kind not read leaves ids unchecked, and its references unresolvable, saying why', () => {
  const group = loaded([
    { type: 'category', ...percent, category_id: 999 },
    { type: 'product', ...percent, product_sku: 'HAM-16' },
  ]);
  const { problems } = resolveReferences([group], {
    categories: catalog.categories ?? [],
    unread: '--no-catalog was given',
  });
  assert.equal(
    problems.map((problem) => [problem.field, problem.message]),
    [
      ['discount_rules[0].category_id', 'category 999 is not in the store (it has 8 categories)'],
      [
        'discount_rules[1].product_sku',
        "cannot resolve product 'HAM-16': the store's products were not read (--no-catalog was given)",
      ],
    ],
  );
  const byId = resolveReferences([loaded([{ type: 'category', ...percent, category_id: 999 }])], {});
  assert.equal(byId.problems, []);
  assert.equal(byId.groups[0]?.discount_rules, [{ type: 'category', ...percent, category_id: 999 }]);
});

test('two rules on one resolved target are a duplicate: by id and by name, or by two names', () => {
  const group = loaded(
    [
      { type: 'category', ...percent, category_id: 19 },
      { type: 'category', ...percent, category: 'Drills' },
      { type: 'category', ...percent, category: 'Tools/Power Tools/Drills' },
    ],
    { type: 'specific', categories: [20, 'Garden'] },
  );
  const { groups, problems } = resolveReferences([group], catalog);
  assert.equal(groups, []);
  assert.equal(
    problems.map((problem) => [problem.field, problem.message]),
    [
      [
        'discount_rules[1].category',
        'category 19 already has a rule: discount_rules[0].category_id names the same category',
      ],
      [
        'discount_rules[2].category',
        'category 19 already has a rule: discount_rules[0].category_id names the same category',
      ],
      [
        'category_access.categories[1]',
        'lists category 20 twice: category_access.categories[0] names the same category',
      ],
    ],
  );
});

test('names match after Unicode normalization, so NFD and NFC spellings are one name', () => {
  const { problems, groups } = resolveReferences([loaded([{ type: 'category', ...percent, category: 'Cafe\u0301' }])], {
    categories: [{ id: 5, name: 'Caf\u00e9', parent_id: 0, tree_id: 1 }],
  });
  assert.equal(problems, []);
  assert.equal(groups[0]?.discount_rules, [{ type: 'category', ...percent, category_id: 5 }]);
});

test('a name holding the separator of a path never stands for a deeper path', () => {
  const categories: CategoryNode[] = [
    { id: 1, name: 'Tools\u0000Power Tools', parent_id: 0, tree_id: 1 },
    { id: 2, name: 'Tools', parent_id: 0, tree_id: 1 },
    { id: 3, name: 'Power Tools', parent_id: 2, tree_id: 1 },
    { id: 4, name: '","', parent_id: 0, tree_id: 1 },
  ];
  const { problems, groups } = resolveReferences(
    [
      loaded([{ type: 'category', ...percent, category: 'Tools/Power Tools' }], {
        type: 'specific',
        categories: ['","'],
      }),
    ],
    { categories },
  );
  assert.equal(problems, []);
  assert.equal(groups[0]?.discount_rules, [{ type: 'category', ...percent, category_id: 3 }]);
  assert.equal(groups[0]?.category_access, { type: 'specific', categories: [4] });
});

test.run();
