// What every reviewer must know once per plan, though no change states it: the store applies a category
// rule sent through the API to the category's subcategories too, and the API can neither set nor report
// "this category only", so a control-panel setting of it is widened by any request that sends the rules.
import type { Change, PlanNotice } from '../model/index.js';

export function findNotices(changes: readonly Change[]): PlanNotice[] {
  const sending = changes.filter((change) => change.body.discount_rules?.some((rule) => rule.type === 'category'));
  if (sending.length === 0) return [];
  return [{ code: 'category_rules_include_subcategories', changes: sending.map((change) => change.key) }];
}
