// A small plain catalog and loaded groups for the reference tests: two trees, a name used twice.
import type { Catalog, CategoryAccessOf, LoadedGroup, DiscountRuleOf } from '../../src/model/index.js';

export const catalog: Catalog = {
  categories: [
    { id: 10, name: 'Tools', parent_id: 0, tree_id: 1 },
    { id: 18, name: 'Power Tools', parent_id: 10, tree_id: 1 },
    { id: 19, name: 'Drills', parent_id: 18, tree_id: 1 },
    { id: 20, name: 'Garden', parent_id: 0, tree_id: 1 },
    { id: 21, name: 'Tools', parent_id: 20, tree_id: 1 },
    { id: 22, name: 'Nuts/Bolts', parent_id: 10, tree_id: 1 },
    { id: 110, name: 'Tools', parent_id: 0, tree_id: 2 },
    { id: 118, name: 'Power Tools', parent_id: 110, tree_id: 2 },
  ],
  products: [
    { id: 112, name: 'Claw Hammer', sku: 'HAM-16' },
    { id: 113, name: 'Mallet', sku: '' },
  ],
  priceLists: [
    { id: 2, name: 'Wholesale 2026' },
    { id: 3, name: 'Trade' },
    { id: 4, name: 'Trade' },
  ],
};

/** A loaded group with the given rules and access; every place of the file sits on its own line. */
export function loaded(
  rules: DiscountRuleOf<'loaded'>[],
  access: CategoryAccessOf<'loaded'> = { type: 'all' },
  name = 'VIP',
): LoadedGroup {
  const positions: Record<string, { line: number; col: number }> = {};
  rules.forEach((rule, index) => {
    positions[`/discount_rules/${index}`] = { line: 10 + index * 10, col: 5 };
    for (const key of Object.keys(rule))
      positions[`/discount_rules/${index}/${key}`] = { line: 10 + index * 10 + Object.keys(rule).indexOf(key), col: 5 };
  });
  if (access.type === 'specific')
    access.categories.forEach(
      (_, index) => (positions[`/category_access/categories/${index}`] = { line: 5, col: 16 + index * 4 }),
    );
  return {
    name,
    is_default: false,
    is_group_for_guests: false,
    category_access: access,
    discount_rules: rules,
    source: { file: `groups/${name.toLowerCase()}.yaml`, line: 1, col: 1, positions },
  };
}
