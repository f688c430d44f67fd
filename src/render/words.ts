// Discount rules, field values and reasons in words a reviewer reads at a glance:
// "10% off Tools/Power Tools (category 18) -> 15%", or "10% off category 18 -> 15%" when no names were read.
import type {
  CatalogNames,
  CategoryAccess,
  Change,
  ChangeReason,
  DiscountRule,
  FieldName,
  GroupState,
  HolderFlag,
} from '../model/index.js';

/** The names a plan carries; undefined when none was read. */
export type Names = CatalogNames | undefined;

/** A live group may refer to an id the catalog lost since: shown as such, never an error. */
const MISSING = 'not in the catalog';

/** "10", "12.5": percentages drop trailing zeros. */
function formatPercent(amount: number): string {
  return String(amount);
}

/** "$5.00", "$5.125": money keeps two decimals unless it needs more. */
function formatMoney(amount: number): string {
  const cents = amount.toFixed(2);
  return `$${Number(cents) === amount ? cents : String(amount)}`;
}

function targetOf(rule: DiscountRule, names: Names): string {
  switch (rule.type) {
    case 'all':
      return 'all products';
    case 'category':
      return nameCategory(rule.category_id, names);
    case 'product':
      return nameProduct(rule.product_id, names);
    case 'price_list':
      return namePriceList(rule.price_list_id, names);
  }
}

/** "Tools/Power Tools (category 18)", "category 99 (not in the catalog)", "category 18" (names not read). */
export function nameCategory(id: number, names: Names): string {
  const name = names?.categories[id];
  return name === undefined
    ? `category ${id}`
    : name === null
      ? `category ${id} (${MISSING})`
      : `${name} (category ${id})`;
}

/** "Claw Hammer (SKU HAM-16, product 112)". */
export function nameProduct(id: number, names: Names): string {
  const product = names?.products[id];
  if (product === undefined) return `product ${id}`;
  if (product === null) return `product ${id} (${MISSING})`;
  return `${product.name} (${product.sku ? `SKU ${product.sku}, ` : ''}product ${id})`;
}

/** "price list Wholesale 2026 (id 2)". */
export function namePriceList(id: number, names: Names): string {
  const name = names?.price_lists[id];
  return name === undefined
    ? `price list ${id}`
    : name === null
      ? `price list ${id} (${MISSING})`
      : `price list ${name} (id ${id})`;
}

/** An item of category access: "Tools/Power Tools (18)", "99 (not in the catalog)", "18". */
function nameAccessItem(id: number, names: Names): string {
  const name = names?.categories[id];
  return name === undefined ? String(id) : name === null ? `${id} (${MISSING})` : `${name} (${id})`;
}

/** The discount without its target: "15%", "$5.00 off", "fixed price $12.00". */
function describeValue(rule: DiscountRule, names: Names, sameMethodAs?: DiscountRule): string {
  if (rule.type === 'price_list') return targetOf(rule, names);
  const sameMethod =
    sameMethodAs !== undefined && sameMethodAs.type !== 'price_list' && sameMethodAs.method === rule.method;
  switch (rule.method) {
    case 'percent':
      return sameMethod ? `${formatPercent(rule.amount)}%` : `${formatPercent(rule.amount)}% off`;
    case 'price':
      return sameMethod ? formatMoney(rule.amount) : `${formatMoney(rule.amount)} off`;
    case 'fixed':
      return sameMethod ? formatMoney(rule.amount) : `fixed price ${formatMoney(rule.amount)}`;
  }
}

/** "10% off category 18", "$5.00 off product 77", "fixed price $12.00 on product 9", "price list 3". */
export function describeRule(rule: DiscountRule, names?: Names): string {
  if (rule.type === 'price_list') return targetOf(rule, names);
  return `${describeValue(rule, names)} ${rule.method === 'fixed' ? 'on ' : ''}${targetOf(rule, names)}`;
}

/** A rule as one line in the shape of a file of groups/, for line diffs. */
export function formatRuleLine(rule: DiscountRule): string {
  const target =
    rule.type === 'all'
      ? ''
      : rule.type === 'price_list'
        ? `, price_list_id: ${rule.price_list_id}`
        : rule.type === 'category'
          ? `, category_id: ${rule.category_id}`
          : `, product_id: ${rule.product_id}`;
  const discount = rule.type === 'price_list' ? '' : `, method: ${rule.method}, amount: ${rule.amount}`;
  return `{ type: ${rule.type}${target}${discount} }`;
}

/** The file-shaped line with the target's name as a comment, as import writes it: "{ ... }  # Power Tools". */
export function labelRuleLine(rule: DiscountRule, names: Names): string {
  const line = formatRuleLine(rule);
  const target =
    rule.type === 'category'
      ? names?.categories[rule.category_id]
      : rule.type === 'product'
        ? names?.products[rule.product_id]
        : rule.type === 'price_list'
          ? names?.price_lists[rule.price_list_id]
          : undefined;
  if (target === undefined) return line;
  if (target === null) return `${line}  # ${MISSING}`;
  return `${line}  # ${typeof target === 'string' ? target : target.sku ? `${target.name} (SKU ${target.sku})` : target.name}`;
}

export interface RulePair {
  before?: DiscountRule;
  after?: DiscountRule;
}

/** Rules paired by what they discount (a store-wide rule, a category, a product, the price list); equal pairs left out. */
export function pairChangedRules(before: readonly DiscountRule[], after: readonly DiscountRule[]): RulePair[] {
  const keyOf = (rule: DiscountRule) =>
    rule.type === 'price_list' ? 'price_list' : `${rule.type}:${targetOf(rule, undefined)}`;
  const pairs = new Map<string, RulePair[]>();
  const slot = (key: string) => pairs.get(key) ?? (pairs.set(key, []).get(key) as RulePair[]);
  for (const rule of before) slot(keyOf(rule)).push({ before: rule });
  for (const rule of after) {
    const open = slot(keyOf(rule)).find((pair) => !pair.after);
    if (open) open.after = rule;
    else slot(keyOf(rule)).push({ after: rule });
  }
  return [...pairs.values()]
    .flat()
    .filter((pair) => !pair.before || !pair.after || formatRuleLine(pair.before) !== formatRuleLine(pair.after));
}

/** "10% off category 18 -> 15%", "added $5.00 off product 77", "removed price list 3". */
export function describeRulePair(pair: RulePair, names?: Names): string {
  if (pair.before && pair.after)
    return `${describeRule(pair.before, names)} -> ${describeValue(pair.after, names, pair.before)}`;
  if (pair.after) return `added ${describeRule(pair.after, names)}`;
  return `removed ${describeRule(pair.before as DiscountRule, names)}`;
}

/** The same pair from the store's side: "store has 10% off category 18, the file says 15%". */
export function describeRuleDrift(pair: RulePair, names?: Names): string {
  if (pair.before && pair.after)
    return `store has ${describeRule(pair.before, names)}, the file says ${describeValue(pair.after, names, pair.before)}`;
  if (pair.after) return `store lacks ${describeRule(pair.after, names)}`;
  return `store also has ${describeRule(pair.before as DiscountRule, names)}`;
}

export function describeAccess(access: CategoryAccess, names?: Names): string {
  return access.type === 'specific'
    ? `specific [${access.categories.map((id) => nameAccessItem(id, names)).join(', ')}]`
    : access.type;
}

/** A field's value in one short line; rules as a count (their detail is shown line by line). */
export function formatField(field: FieldName, state: GroupState, names?: Names): string {
  switch (field) {
    case 'name':
      return JSON.stringify(state.name);
    case 'is_default':
    case 'is_group_for_guests':
      return String(state[field]);
    case 'category_access':
      return describeAccess(state.category_access, names);
    case 'discount_rules':
      return state.discount_rules.length === 0
        ? 'none'
        : state.discount_rules.map((rule) => describeRule(rule, names)).join(', ');
  }
}

const FLAG_WORDS: Record<HolderFlag, string> = { is_group_for_guests: 'guest flag', is_default: 'default flag' };

/** One fact of why a change exists, in words: "renamed (pinned id 12)", "guest flag moves to Retail". */
export function describeReason(reason: ChangeReason): string {
  switch (reason.fact) {
    case 'not_live':
      return 'not in live store';
    case 'pruned':
      return 'described by no file (prune is on)';
    case 'unmanaged':
      return 'described by no file';
    case 'renamed':
      return `renamed (pinned id ${reason.id})`;
    case 'renamed_from':
      return `renamed from ${reason.from}`;
    case 'rename_source_missing':
      return `not in live store, nor is ${listNames(reason.from)} it was renamed from`;
    case 'already_renamed':
      return `already named so: the store has no ${listNames(reason.from)} left to rename (renamed_from can go once every store is renamed)`;
    case 'not_for_store':
      return `${reason.file} is only for ${reason.stores.join(', ')} (prune is on)`;
    case 'edited':
      return `changed in ${reason.file}`;
    case 'flag_moves':
      return `${FLAG_WORDS[reason.flag]} moves to ${reason.to}`;
    case 'swap_release':
      return `${reason.flags.map((flag) => FLAG_WORDS[flag]).join(' and ')} ${reason.flags.length > 1 ? 'move' : 'moves'} to ${reason.to} (released first: the two groups swap flags)`;
    case 'holder_vanishes':
      return `the store is left without a ${reason.flag === 'is_default' ? 'default' : 'guest'} group`;
    case 'merged_into':
      return `merged into ${reason.to} (merged_from in ${reason.file}): its customers move there first`;
  }
}

/** 'Old', 'Old' or 'Older': earlier names as a reader says them. */
function listNames(names: readonly string[]): string {
  return names.map((name) => `'${name}'`).join(' or ');
}

/** Why a change exists, in one line: its facts in order, joined by "; ". */
export function describeReasons(change: Pick<Change, 'reasons'>): string {
  return change.reasons.map(describeReason).join('; ');
}
