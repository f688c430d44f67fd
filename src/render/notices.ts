// The words of a plan's notices, shared by text and markdown; JSON carries the code and the change keys.
import type { Plan, PlanNotice } from '../model/index.js';
import { count } from '../text/words.js';

/** One paragraph per notice: what the store does that no line of the plan shows. */
export function describeNotices(plan: Pick<Plan, 'notices' | 'changes'>): string[] {
  return (plan.notices ?? []).map((notice) => describeNotice(notice, plan));
}

export function describeNotice(notice: PlanNotice, plan: Pick<Plan, 'changes'>): string {
  const names = notice.changes.map((key) => plan.changes.find((change) => change.key === key)?.name ?? key);
  const listed = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  return (
    `Category rules reach subcategories: ${count(names.length, 'change')} send${names.length === 1 ? 's' : ''} ` +
    `category discount rules (${listed}). BigCommerce applies a category rule sent through its API to the ` +
    `category's subcategories too, and the API can neither set nor report "this category only": a rule set ` +
    'to this category only in the control panel reaches the subcategories too once this plan is applied.'
  );
}
