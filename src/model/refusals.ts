// Why a plan may not run as it is, as numbers and facts (render/refusal.ts words them), and the plan-wide
// facts a reviewer must see beside it: the config's ownership patterns, the notices by code, and what in the
// store names a group a plan deletes.

/** What may name a group besides the group itself, in the order plans list them. */
export const REFERENCE_KINDS = ['promotion', 'tax_zone', 'price_list_assignment', 'channel'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/**
 * eligible/excluded: a promotion's group_ids/excluded_group_ids; shoppers: a tax zone's shopper targets;
 * assigned: a price list assignment (name: its price list); default_group/guest_group: a channel's settings.
 */
export type ReferenceRole = 'eligible' | 'excluded' | 'shoppers' | 'assigned' | 'default_group' | 'guest_group';

/** One thing in the store that names a group by id. */
export interface GroupReference {
  kind: ReferenceKind;
  id: number;
  name: string;
  role: ReferenceRole;
}

/** The read scope each kind of reference needs, as the API's specs name them. */
export const REFERENCE_SCOPES: Record<ReferenceKind, string> = {
  promotion: 'store_v2_marketing_read_only',
  tax_zone: 'store_v2_information_read_only',
  price_list_assignment: 'store_v2_products_read_only',
  channel: 'store_channel_settings_read_only and store_v2_customers_read_only',
};

export type SafetyCheck = SafetyRefusal['check'];

/** A threshold a plan exceeds, as numbers; render/ words it. `override` is the flag that lets it pass. */
export type SafetyRefusal = ThresholdRefusal | OwnershipRefusal;

/** A refusal of a threshold of `safety` in the config, which --force overrides. */
export type ThresholdRefusal = DeletesRefusal | PercentRefusal | DeletedCustomersRefusal | ReferencesRefusal;

interface RefusalCommon {
  /** The threshold of the config. */
  limit: number;
  override: '--force';
}

export interface DeletesRefusal extends RefusalCommon {
  check: 'maxDeletes';
  /** Groups the plan deletes. */
  actual: number;
}

export interface PercentRefusal extends RefusalCommon {
  check: 'maxDeletePercent' | 'maxUpdatePercent';
  /** The share, rounded to two decimals. */
  actual: number;
  /** Groups deleted or updated. */
  count: number;
  /** Live groups in the store. */
  total: number;
  /** Groups the share is counted of: the store, but never fewer than safety.minGroupsForPercent. */
  base: number;
  /** The share as computed, unrounded. */
  percent: number;
}

export interface DeletedCustomersRefusal extends RefusalCommon {
  check: 'maxDeletedCustomers';
  /** Customers in the deleted groups that were counted. */
  actual: number;
  /** Deleted groups whose customers were counted. */
  groups: number;
  /** Deleted groups whose customers were not counted (--no-customers): the limit cannot be checked. */
  uncounted: number;
}

/**
 * A change to a group the config protects (delete or rename) or ignores (any write, from a saved plan made
 * before the pattern was added or edited by hand). No flag overrides it: the config must change first.
 */
export interface OwnershipRefusal {
  check: 'protect' | 'ignore';
  action: 'delete' | 'rename' | 'write';
  key: string;
  /** The live group; null for a create. */
  id: number | null;
  name: string;
  pattern: string;
  /** The config file that holds the pattern, as the run names it. */
  config_file: string | null;
  override: null;
}

/** The config's ownership patterns a plan was made with, so a reviewer sees them beside the plan. */
export interface PlanOwnership {
  ignore: string[];
  protect: string[];
  config_file: string | null;
}

/** Something every reviewer of the plan must know once, by code; render/ words it. */
export interface PlanNotice {
  /** category_rules_include_subcategories: the store applies a category rule sent by the API to subcategories too. */
  code: 'category_rules_include_subcategories';
  /** Keys of the changes the notice is about. */
  changes: string[];
}

/** Deletes of groups that something else in the store names, or whose references could not all be read. */
export interface ReferencesRefusal extends RefusalCommon {
  check: 'references';
  /** Always 0: no delete of a named group passes without --force. */
  limit: 0;
  /** Deletes refused. */
  actual: number;
  groups: ReferencedGroup[];
}

export interface ReferencedGroup {
  id: number;
  name: string;
  references: GroupReference[];
  unchecked: ReferenceKind[];
}
