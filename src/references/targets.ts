// What a group points at, one entry per place in its file: a rule's target or an item of category access,
// by id or by reference. Resolution, the catalog reads and the saved plan all walk this one list.
import {
  STOREFRONT_KEYS,
  type CatalogKind,
  type CatalogNeeds,
  type CategoryAccessOf,
  type DiscountRuleOf,
  type StorefrontKeysOf,
} from '../model/index.js';

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

type Pointing = {
  category_access: CategoryAccessOf<'loaded'>;
  discount_rules: readonly DiscountRuleOf<'loaded'>[];
} & StorefrontKeysOf<'file'>;

export function listTargets(group: Pointing): Target[] {
  const targets: Target[] = [];
  group.discount_rules.forEach((rule, index) => {
    const at = (key: string) => `/discount_rules/${index}/${key}`;
    const add = (kind: CatalogKind, key: string, value: number | string) =>
      targets.push(
        typeof value === 'number'
          ? { kind, pointer: at(key), id: value, rule: index }
          : { kind, pointer: at(key), ref: value, rule: index },
      );
    if ('category_id' in rule) add('category', 'category_id', rule.category_id);
    else if ('category' in rule) add('category', 'category', rule.category);
    else if ('product_id' in rule) add('product', 'product_id', rule.product_id);
    else if ('product_sku' in rule) add('product', 'product_sku', rule.product_sku);
    else if ('price_list_id' in rule) add('price_list', 'price_list_id', rule.price_list_id);
    else if ('price_list' in rule) add('price_list', 'price_list', rule.price_list);
  });
  if (group.category_access.type === 'specific') {
    group.category_access.categories.forEach((item, index) => {
      const pointer = `/category_access/categories/${index}`;
      targets.push(
        typeof item === 'number' ? { kind: 'category', pointer, id: item } : { kind: 'category', pointer, ref: item },
      );
    });
  }
  targets.push(...listStorefrontTargets(group));
  return targets;
}

/** The price lists and channels of a group's storefront keys (a resolved id is a number like any id). */
function listStorefrontTargets(group: StorefrontKeysOf<'file'>): Target[] {
  const targets: Target[] = [];
  const add = (kind: CatalogKind, pointer: string, value: number | string) =>
    targets.push(typeof value === 'number' ? { kind, pointer, id: value } : { kind, pointer, ref: value });
  (group.price_lists ?? []).forEach((entry, index) => {
    const at = `/price_lists/${index}/`;
    if ('price_list_id' in entry) add('price_list', `${at}price_list_id`, entry.price_list_id);
    else add('price_list', `${at}price_list`, entry.price_list);
    if ('channel_id' in entry && entry.channel_id !== undefined) add('channel', `${at}channel_id`, entry.channel_id);
    else if ('channel' in entry && entry.channel !== undefined) add('channel', `${at}channel`, entry.channel);
  });
  for (const key of ['default_on_channels', 'guest_on_channels'] as const)
    (group[key] ?? []).forEach((channel, index) => add('channel', `/${key}/${index}`, channel));
  return targets;
}

/** Whether a group manages any storefront key: then the store's channels are read, to name them. */
export function managesStorefront(group: StorefrontKeysOf<'file'>): boolean {
  return STOREFRONT_KEYS.some((key) => group[key] !== undefined);
}

/**
 * The reads resolution and the missing-id checks need: categories and price lists when any group points
 * at one, and only the products named (by id or SKU). Live groups may be passed too, for their names.
 */
export function listCatalogNeeds(groups: readonly Pointing[]): CatalogNeeds {
  const needs: CatalogNeeds = {
    categories: false,
    priceLists: false,
    channels: false,
    productIds: [],
    productSkus: [],
  };
  const ids = new Set<number>();
  const skus = new Set<string>();
  for (const target of groups.flatMap(listTargets)) {
    if (target.kind === 'category') needs.categories = true;
    else if (target.kind === 'price_list') needs.priceLists = true;
    else if (target.kind === 'channel') needs.channels = true;
    else if (target.id !== undefined) ids.add(target.id);
    else if (target.ref !== undefined) skus.add(target.ref);
  }
  if (groups.some(managesStorefront)) needs.channels = true;
  needs.productIds = [...ids].sort((a, b) => a - b);
  needs.productSkus = [...skus].sort();
  return needs;
}

export function needsNothing(needs: CatalogNeeds): boolean {
  return (
    !needs.categories &&
    !needs.priceLists &&
    !needs.channels &&
    needs.productIds.length === 0 &&
    needs.productSkus.length === 0
  );
}
