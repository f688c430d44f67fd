// One canonical form for a group, shared by the loader (files), the client (API answers) and the
// planner, so that "5" and "5.0000", reordered rules or a dropped `categories` never show as changes.
import { createHash } from 'node:crypto';
import { canonicalJson, equalJson } from './canonical.js';
import type {
  AmountInput,
  CategoryAccess,
  CategoryAccessOf,
  DiscountRule,
  FieldName,
  GroupBody,
  GroupState,
  DiscountRuleOf,
} from './index.js';

export { canonicalJson, equalJson };

/** What the API assumes for a field that a create leaves out. */
export const API_DEFAULTS: Omit<GroupState, 'name'> = {
  is_default: false,
  is_group_for_guests: false,
  category_access: { type: 'all' },
  discount_rules: [],
};

/** A number from 5, 5.5 or "5.0000"; NaN when it is not numeric. Rounded to the API's 4 decimals. */
export function normalizeAmount(amount: AmountInput): number {
  // Files that fail the schema are still read by the rule checks, so anything but a number or string is NaN.
  const value =
    typeof amount === 'number' ? amount : typeof amount === 'string' && amount.trim() !== '' ? Number(amount) : NaN;
  return Number.isFinite(value) ? Math.round(value * 10_000) / 10_000 : NaN;
}

/**
 * The key under which two names clash, as a person reading them would: folded by NFKC (full-width and
 * other compatibility forms are their plain letters; NFD and NFC are one name) and by case (upper-casing
 * first folds ß to ss and final sigma to sigma). Whether the store's uniqueness ignores case is not
 * documented either, so the tool never plans a create that could be refused for that.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

/** Whether any of `others` (names with the nameKey of `name`) matches it only after Unicode normalization. */
export function clashesByNormalization(name: string, others: readonly string[]): boolean {
  return others.some((other) => name.toLowerCase() !== other.toLowerCase());
}

/** Ids arrive as numbers or (in old answers) numeric strings. */
export function normalizeId(id: number | string): number {
  return typeof id === 'number' ? id : Number.parseInt(id, 10);
}

export function normalizeAccess(access: CategoryAccessOf<'live'> | undefined): CategoryAccess {
  if (!access) return { type: 'all' };
  if (access.type !== 'specific') return { type: access.type };
  const categories = [...new Set((access.categories ?? []).map(normalizeId))].sort((a, b) => a - b);
  return { type: 'specific', categories };
}

const RULE_ORDER: Record<DiscountRule['type'], number> = { price_list: 0, all: 1, category: 2, product: 3 };

function ruleTarget(rule: DiscountRule): number {
  switch (rule.type) {
    case 'category':
      return rule.category_id;
    case 'product':
      return rule.product_id;
    case 'price_list':
      return rule.price_list_id;
    case 'all':
      return 0;
  }
}

function compareRules(a: DiscountRule, b: DiscountRule): number {
  return (
    RULE_ORDER[a.type] - RULE_ORDER[b.type] ||
    ruleTarget(a) - ruleTarget(b) ||
    JSON.stringify(a).localeCompare(JSON.stringify(b))
  );
}

/** A rule by id in any accepted spelling (amounts and ids as strings or numbers) in canonical form. */
export function normalizeRule(rule: DiscountRuleOf<'live'>): DiscountRule {
  switch (rule.type) {
    case 'price_list':
      return { type: 'price_list', price_list_id: normalizeId(rule.price_list_id) };
    case 'all':
      return { type: 'all', method: rule.method, amount: normalizeAmount(rule.amount) };
    case 'category':
      return {
        type: 'category',
        method: rule.method,
        amount: normalizeAmount(rule.amount),
        category_id: normalizeId(rule.category_id),
      };
    case 'product':
      return {
        type: 'product',
        method: rule.method,
        amount: normalizeAmount(rule.amount),
        product_id: normalizeId(rule.product_id),
      };
  }
}

/** Rules in canonical order: price list, store-wide, categories by id, products by id. */
export function normalizeRules(rules: readonly Parameters<typeof normalizeRule>[0][] | undefined): DiscountRule[] {
  return (rules ?? []).map(normalizeRule).sort(compareRules);
}

/** Field by field, as their canonical JSON would compare them (a non-finite number writes as null). */
export function fieldsEqual(field: FieldName, a: GroupState, b: GroupState): boolean {
  switch (field) {
    case 'name':
    case 'is_default':
    case 'is_group_for_guests':
      return a[field] === b[field];
    case 'category_access':
      return sameAccess(a.category_access, b.category_access);
    case 'discount_rules':
      return (
        a.discount_rules.length === b.discount_rules.length &&
        a.discount_rules.every((rule, index) => sameRule(rule, b.discount_rules[index]))
      );
  }
}

function sameAccess(a: CategoryAccess, b: CategoryAccess): boolean {
  if (a.type !== b.type) return false;
  if (a.type !== 'specific' || b.type !== 'specific') return equalJson(a, b);
  return (
    a.categories.length === b.categories.length &&
    a.categories.every((id, index) => sameNumber(id, b.categories[index]))
  );
}

function sameRule(a: DiscountRule, b: DiscountRule | undefined): boolean {
  if (!b || a.type !== b.type) return false;
  const [x, y] = [a as Partial<Record<string, unknown>>, b as Partial<Record<string, unknown>>];
  return (
    x.method === y.method &&
    sameNumber(x.amount, y.amount) &&
    sameNumber(x.category_id, y.category_id) &&
    sameNumber(x.product_id, y.product_id) &&
    sameNumber(x.price_list_id, y.price_list_id) &&
    Object.keys(a).length === Object.keys(b).length
  );
}

function sameNumber(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && !Number.isFinite(a) && !Number.isFinite(b));
}

/** The fields whose normalized values differ, in GROUP_FIELDS order. */
export function differingFields(before: GroupState, after: GroupState, fields: readonly FieldName[]): FieldName[] {
  return fields.filter((field) => !fieldsEqual(field, before, after));
}

/** Only the comparable fields of a group, in a fixed key order. */
export function pickState(group: GroupState): GroupState {
  return {
    name: group.name,
    is_default: group.is_default,
    is_group_for_guests: group.is_group_for_guests,
    category_access: group.category_access,
    discount_rules: group.discount_rules,
  };
}

/** A short, stable hash of a group's normalized content; a saved plan uses it to detect hand edits. */
export function fingerprint(group: GroupState): string {
  return createHash('sha256')
    .update(canonicalJson(pickState(group)))
    .digest('hex')
    .slice(0, 16);
}

/** An amount as the API writes it back: a decimal string with 4 places. */
export function formatAmount(amount: number): string {
  return amount.toFixed(4);
}

export function toWireRule(rule: DiscountRule): DiscountRuleOf<'request'> {
  return rule.type === 'price_list' ? { ...rule } : { ...rule, amount: formatAmount(rule.amount) };
}

/** The request body that sets the given fields of a state, in the API's shape. */
export function toWireBody(state: GroupState, fields: readonly FieldName[]): GroupBody {
  const body: GroupBody = {};
  for (const field of fields) {
    switch (field) {
      case 'name':
      case 'is_default':
      case 'is_group_for_guests':
        (body as Record<string, unknown>)[field] = state[field];
        break;
      case 'category_access':
        body.category_access =
          state.category_access.type === 'specific'
            ? { type: 'specific', categories: [...state.category_access.categories] }
            : { type: state.category_access.type };
        break;
      case 'discount_rules':
        body.discount_rules = state.discount_rules.map(toWireRule);
        break;
    }
  }
  return body;
}
