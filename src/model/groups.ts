// A customer group in each of its forms: as a file gives it, as the planner compares it, as the API
// sends and takes it; and the catalog its rules point at.
import type { LiveChannel, StorefrontKeysOf } from './storefronts.js';
export const ACCESS_TYPES = ['all', 'specific', 'none'] as const;
export const RULE_TYPES = ['all', 'category', 'product', 'price_list'] as const;
export const RULE_METHODS = ['percent', 'fixed', 'price'] as const;
/** The comparable fields of a group, in the order plans show them. */
export const GROUP_FIELDS = ['name', 'is_default', 'is_group_for_guests', 'category_access', 'discount_rules'] as const;
/** Flags the store lets one group hold at a time. */
export const HOLDER_FLAGS = ['is_group_for_guests', 'is_default'] as const;

export type AccessType = (typeof ACCESS_TYPES)[number];
export type RuleType = (typeof RULE_TYPES)[number];
export type RuleMethod = (typeof RULE_METHODS)[number];
export type FieldName = (typeof GROUP_FIELDS)[number];
export type HolderFlag = (typeof HOLDER_FLAGS)[number];

/** An amount as people and the API write it: 5, 5.5, "5.0000". */
export type AmountInput = number | string;

/** One file of groups/ exactly as the schema allows it (before normalization). */
export interface GroupFile extends StorefrontKeysOf<'file'> {
  /** One pin, or one per store when the config names stores. */
  id?: number | Record<string, number>;
  name: string;
  renamed_from?: string[];
  /** Live groups merged into this one: their customers move here, then they are deleted. */
  merged_from?: string[];
  /** The stores of the config that have this group; absent: every store. */
  stores?: string[];
  is_default?: boolean;
  is_group_for_guests?: boolean;
  category_access?: CategoryAccessOf<'file'>;
  discount_rules?: DiscountRuleOf<'file'>[];
}

/**
 * The stages a discount rule and a category access pass through, and how each writes them. One family of
 * types (DiscountRuleOf, CategoryAccessOf) follows them, so the stages cannot drift apart. A live group is
 * normalized into the resolved form as it is read. schemas/customer-group.schema.json stays the truth of the file stage
 * (test/desired/schema-types.test.ts compares them).
 */
interface StageForms {
  /** A file as the schema allows it: amounts as written, targets by id or by name, access as one shape. */
  file: { amount: AmountInput; id: number; category: number | string; byName: true; normalized: false };
  /** Loaded from its file: amounts normalized, names not yet resolved, rules and categories in file order. */
  loaded: { amount: number; id: number; category: number | string; byName: true; normalized: true };
  /** Resolved and canonical, as the planner compares desired and live groups. */
  resolved: { amount: number; id: number; category: number; byName: false; normalized: true };
  /** As the API answers, before normalization: amounts and ids in any spelling (old answers send "12"). */
  live: { amount: AmountInput; id: number | string; category: number | string; byName: false; normalized: false };
  /** A request body in the API's own shape: amounts as decimal strings. */
  request: { amount: string; id: number; category: number; byName: false; normalized: false };
}
export type Stage = keyof StageForms;

type Amounted<S extends Stage> = { method: RuleMethod; amount: StageForms[S]['amount'] };

/** A rule's target: its id, or (before resolution) a reference by name; exactly one of the two. */
type TargetOf<S extends Stage, Id extends string, Ref extends string> =
  | { [K in Id]: StageForms[S]['id'] }
  | (StageForms[S]['byName'] extends true ? { [K in Ref]: string } : never);

export type DiscountRuleOf<S extends Stage> =
  | ({ type: 'all' } & Amounted<S>)
  | ({ type: 'category' } & Amounted<S> & TargetOf<S, 'category_id', 'category'>)
  | ({ type: 'product' } & Amounted<S> & TargetOf<S, 'product_id', 'product_sku'>)
  | ({ type: 'price_list' } & TargetOf<S, 'price_list_id', 'price_list'>);

/** Normalized stages keep categories only under `specific`; a file and a request body write one loose shape. */
export type CategoryAccessOf<S extends Stage> = StageForms[S]['normalized'] extends true
  ? { type: 'all' } | { type: 'none' } | { type: 'specific'; categories: StageForms[S]['category'][] }
  : { type: AccessType; categories?: StageForms[S]['category'][] };

/** Normalized category access: categories only under `specific`, sorted and unique. */
export type CategoryAccess = CategoryAccessOf<'resolved'>;

/** Normalized rule: amounts are numbers rounded to 4 decimals, ids are integers. */
export type DiscountRule = DiscountRuleOf<'resolved'>;

/** The comparable state of a group, fully normalized (defaults filled, rules in canonical order). */
export interface GroupState {
  name: string;
  is_default: boolean;
  is_group_for_guests: boolean;
  category_access: CategoryAccess;
  discount_rules: DiscountRule[];
}

export interface Position {
  line: number;
  col: number;
}

/** Where a desired group came from, for messages: the file, the group's own position, and each key's. */
export interface SourceRef extends Position {
  file: string;
  /** JSON-pointer-like paths ("/discount_rules/0/amount") to the position of that key or value. */
  positions: Record<string, Position>;
}

export interface DesiredGroup extends GroupState, StorefrontKeysOf<'resolved'> {
  /** A pin to a live group (of the store being planned); how a rename is expressed. */
  id?: number;
  /** Pins per store (the config names stores); `id` is set from it once a store is picked. */
  pins?: Record<string, number>;
  /** Earlier names: a live group by one of them is this group, renamed. */
  renamed_from?: string[];
  /** Names of live groups whose customers move into this group before they are deleted. */
  merged_from?: string[];
  /** The stores that have this group; absent: every store. */
  stores?: string[];
  source: SourceRef;
}

/**
 * A desired group as loaded from its file, before references by name are resolved against the catalog.
 * Rules and categories keep the file's order, so index i is the file's `discount_rules[i]`.
 */
export interface LoadedGroup
  extends Omit<DesiredGroup, 'category_access' | 'discount_rules' | keyof StorefrontKeysOf<'resolved'>>,
    StorefrontKeysOf<'file'> {
  category_access: CategoryAccessOf<'loaded'>;
  discount_rules: DiscountRuleOf<'loaded'>[];
}

/** What a group can point at besides itself. */
export const CATALOG_KINDS = ['category', 'product', 'price_list', 'channel'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** One category of one tree (a multi-storefront store has a tree per channel); the client reads these shapes. */
export interface CategoryNode {
  id: number;
  name: string;
  /** 0 at the root of its tree. */
  parent_id: number;
  tree_id: number;
}

export interface CatalogProduct {
  id: number;
  name: string;
  /** "" when the product has none. */
  sku: string;
}

export interface CatalogPriceList {
  id: number;
  name: string;
}

/**
 * The parts of the store the groups point at. A kind left undefined was not read: its ids are not
 * checked and its references cannot resolve. Products hold only those looked up (by id and SKU).
 */
export interface Catalog {
  categories?: CategoryNode[];
  products?: CatalogProduct[];
  priceLists?: CatalogPriceList[];
  /** Read when a file names a channel or manages price lists or channel roles. */
  channels?: LiveChannel[];
  /** Why a kind that was needed is undefined, for messages ("--no-catalog was given"). */
  unread?: string;
}

/** The reads of the catalog a set of groups needs; nothing at all when no group points at anything. */
export interface CatalogNeeds {
  categories: boolean;
  priceLists: boolean;
  channels: boolean;
  productIds: number[];
  productSkus: string[];
}

/** What one reference by name of a file resolved to when planned; a saved plan keeps them to detect moves. */
export interface ResolvedReference {
  file: string;
  /** The field, as a path ("discount_rules[1].category", "category_access.categories[0]"). */
  path: string;
  kind: CatalogKind;
  ref: string;
  resolved_id: number;
}

/** A group some file describes, but for other stores only: not desired in the store being planned. */
export interface ExcludedGroup {
  name: string;
  file: string;
  stores: string[];
}

export interface LiveGroup extends GroupState {
  id: number;
  /** As the API sent them; compared as strings only. */
  date_created: string | null;
  date_modified: string | null;
}

/** A request body in the API's own shape (amounts as decimal strings). */
export interface GroupBody {
  name?: string;
  is_default?: boolean;
  is_group_for_guests?: boolean;
  category_access?: CategoryAccessOf<'request'>;
  discount_rules?: DiscountRuleOf<'request'>[];
}

export interface GroupRef {
  id: number;
  name: string;
}
