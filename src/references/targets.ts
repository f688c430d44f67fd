// What a group points at, one entry per place in its file: a rule's target or an item of category access,
// by id or by reference. Resolution, the catalog reads and the saved plan all walk this one list.
import type { CatalogKind, CatalogNeeds, CategoryAccessOf, DiscountRuleOf } from '../model/index.js';

export interface Target {
  kind: CatalogKind;
  /** Where in the file: "/discount_rules/1/category", "/category_access/categories/0". */
  pointer: string;
  /** Set for a target by id; `ref` for one by reference. */
  id?: number;
  ref?: string;
  /** Index of the rule it belongs to; undefined for category access. */
  rule?: number;
}

type Pointing = { category_access: CategoryAccessOf<'loaded'>; discount_rules: readonly DiscountRuleOf<'loaded'>[] };

/** A place a group points at: a rule's field (rule set, key the field) or an item of category access (key its index). */
type Visit = (kind: CatalogKind, value: number | string, rule: number | undefined, key: string | number) => void;

/** Walks what a group points at in file order, building nothing: counting and the catalog needs need no pointers. */
function visitTargets(group: Pointing, visit: Visit): void {
  group.discount_rules.forEach((rule, index) => {
    if ('category_id' in rule) visit('category', rule.category_id, index, 'category_id');
    else if ('category' in rule) visit('category', rule.category, index, 'category');
    else if ('product_id' in rule) visit('product', rule.product_id, index, 'product_id');
    else if ('product_sku' in rule) visit('product', rule.product_sku, index, 'product_sku');
    else if ('price_list_id' in rule) visit('price_list', rule.price_list_id, index, 'price_list_id');
    else if ('price_list' in rule) visit('price_list', rule.price_list, index, 'price_list');
  });
  if (group.category_access.type === 'specific') {
    group.category_access.categories.forEach((item, index) => visit('category', item, undefined, index));
  }
}

export function listTargets(group: Pointing): Target[] {
  const targets: Target[] = [];
  visitTargets(group, (kind, value, rule, key) => {
    const pointer = rule === undefined ? `/category_access/categories/${key}` : `/discount_rules/${rule}/${key}`;
    const target: Target = typeof value === 'number' ? { kind, pointer, id: value } : { kind, pointer, ref: value };
    if (rule !== undefined) target.rule = rule;
    targets.push(target);
  });
  return targets;
}

/** How many places of the groups point by id and how many by reference. */
export function countTargets(groups: readonly Pointing[]): { byId: number; byName: number } {
  const counts = { byId: 0, byName: 0 };
  const count: Visit = (_kind, value) => {
    if (typeof value === 'number') counts.byId += 1;
    else counts.byName += 1;
  };
  for (const group of groups) visitTargets(group, count);
  return counts;
}

/**
 * The reads resolution and the missing-id checks need: categories and price lists when any group points
 * at one, and only the products named (by id or SKU). Live groups may be passed too, for their names.
 */
export function listCatalogNeeds(groups: readonly Pointing[]): CatalogNeeds {
  const needs: CatalogNeeds = { categories: false, priceLists: false, productIds: [], productSkus: [] };
  const ids = new Set<number>();
  const skus = new Set<string>();
  const need: Visit = (kind, value) => {
    if (kind === 'category') needs.categories = true;
    else if (kind === 'price_list') needs.priceLists = true;
    else if (typeof value === 'number') ids.add(value);
    else skus.add(value);
  };
  for (const group of groups) visitTargets(group, need);
  needs.productIds = [...ids].sort((a, b) => a - b);
  needs.productSkus = [...skus].sort();
  return needs;
}

export function needsNothing(needs: CatalogNeeds): boolean {
  return !needs.categories && !needs.priceLists && needs.productIds.length === 0 && needs.productSkus.length === 0;
}
