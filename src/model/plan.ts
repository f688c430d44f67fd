// A plan: its changes, their reasons, safety refusals, reads and attribution, and the saved plan file.
import type { FieldName, GroupBody, GroupRef, GroupState, HolderFlag, ResolvedReference } from './groups.js';
import type { GroupReference, PlanNotice, PlanOwnership, ReferenceKind, SafetyRefusal } from './refusals.js';
import type { StorefrontChange, StorefrontPlan } from './storefronts.js';

/** Why a change exists, as facts that render/ words; apply never branches on them. */
export type ChangeReason =
  | { fact: 'not_live' }
  | { fact: 'pruned' }
  | { fact: 'unmanaged' }
  | { fact: 'renamed'; id: number }
  | { fact: 'renamed_from'; from: string }
  | { fact: 'rename_source_missing'; from: string[] }
  | { fact: 'already_renamed'; from: string[] }
  | { fact: 'not_for_store'; file: string; stores: string[] }
  | { fact: 'edited'; file: string }
  | { fact: 'flag_moves'; flag: HolderFlag; to: string }
  | { fact: 'swap_release'; flags: HolderFlag[]; to: string }
  | { fact: 'holder_vanishes'; flag: HolderFlag }
  | { fact: 'merged_into'; to: string; file: string };

interface ChangeCommon {
  /**
   * Stable identity of the change inside its plan (see changeKey): "create:Retail", "update:12", "delete:12",
   * "update:12/release".
   */
  key: string;
  name: string;
  /** For people only, in the order they are told. */
  reasons: ChangeReason[];
  /** Keys of changes that must succeed before this one starts. */
  depends_on: string[];
  /** The exact request body (empty for deletes). */
  body: GroupBody;
  /** Customers in the group it touches, counted when planned; null when not counted (--no-customers). */
  customers?: number | null;
}

export interface CreateChange extends ChangeCommon {
  action: 'create';
  /** No live group yet; present so every change has the same shape in JSON. */
  id: null;
  after: GroupState;
  /** The file that asks for the group. */
  source?: string;
}

export interface UpdateChange extends ChangeCommon {
  action: 'update';
  id: number;
  before: GroupState;
  after: GroupState;
  fields: FieldName[];
  kind: UpdateKind;
  source?: string;
}

/**
 * edit: a file asks for it. unmanaged_release: the group is described by no file, and only a single-holder
 * flag that a file gives to another group is cleared. swap_release: a request of its own that only releases
 * flags first, so two groups can swap them.
 */
export type UpdateKind = 'edit' | 'unmanaged_release' | 'swap_release';

export interface DeleteChange extends ChangeCommon {
  action: 'delete';
  id: number;
  before: GroupState;
  /** What else in the store names the group, read when the delete was planned; absent when not read. */
  references?: GroupReference[];
  /** The kinds of reference the token could not read (403): the delete then needs --force too. */
  unchecked?: ReferenceKind[];
  /** merged_from: the group's customers move into this group first, and the delete runs once it is empty. */
  merge_into?: MergeTarget;
}

/** The group a merge moves customers into: a live group by id, or one the plan creates (id null until then). */
export interface MergeTarget {
  name: string;
  id: number | null;
}

export type Change = CreateChange | UpdateChange | DeleteChange;
export type ChangeAction = Change['action'];

export interface PlanSummary {
  create: number;
  update: number;
  delete: number;
  unchanged: number;
  unmanaged: number;
  /** Live groups left out by the config's ignore patterns; present when the config has any. */
  ignored?: number;
}

export interface Plan {
  changes: Change[];
  unchanged: GroupRef[];
  unmanaged: GroupRef[];
  summary: PlanSummary;
  /** Filled by the safety pass; a plan with refusals is printed but never applied. */
  refusals: SafetyRefusal[];
  /** Names of the categories, products and price lists the changes refer to; absent when none was read. */
  catalog_names?: CatalogNames;
  /** What was read of the store to make the plan, and what could not be checked. */
  reads?: PlanReads;
  /** What people should know about groups the plan leaves as they are (a rename already done); absent when none. */
  notes?: PlanNote[];
  /** Plan-wide notices (category rules reach subcategories); absent when none. */
  notices?: PlanNotice[];
  /** The ignore and protect patterns of the config; absent when it has none. */
  ownership?: PlanOwnership;
  /** Assignments and channel roles; absent when no file manages price_lists or a channel role. */
  storefront?: StorefrontPlan;
}

/** What a referenced id is called in the store, by id (as a string key); null: the store has no such id. */
export interface CatalogNames {
  categories: Record<string, string | null>;
  products: Record<string, { name: string; sku: string } | null>;
  price_lists: Record<string, string | null>;
}

/** The kinds of reads a plan makes, in the order the plan output lists them. */
export const READ_KINDS = ['groups', 'categories', 'products', 'price_lists', 'customers'] as const;
export type ReadKind = (typeof READ_KINDS)[number];
/** The reads of channels, their group settings and assignments, after price_lists in the plan's list. */
export const STOREFRONT_READ_KINDS = ['channels', 'channel_settings', 'assignments'] as const;
export type StorefrontReadKind = (typeof STOREFRONT_READ_KINDS)[number];

export interface PlanReads {
  /** Requests each kind of read took (retries included); 0 when not needed or skipped. `references`: what
   *  may name a deleted group (promotions, tax zones, assignments, channels), present once read. The
   *  storefront kinds are present only when a file manages a storefront key, so other plans read as before. */
  requests: Record<ReadKind, number> & { references?: number } & Partial<Record<StorefrontReadKind, number>>;
  /** What could not be checked, for people: "category names not read (--no-catalog)". */
  unchecked: string[];
}

/** A fact about a group that needs no change, for people only. */
export interface PlanNote {
  name: string;
  id: number;
  reasons: ChangeReason[];
}

/**
 * Where a change of a plan comes from, next to a baseline (the base branch's groups/ planned against the same store).
 */
export type ChangeOrigin = 'change' | 'pending';

/** A plan read next to a baseline: which changes the compared groups/ causes, and which were pending already. */
export interface Attribution {
  compared: true;
  /** Per change key: 'pending' when the baseline plan sends the very same request, else 'change'. */
  origins: Record<string, ChangeOrigin>;
  /**
   * Per key of a change from this change (update or delete): the fields it writes over a live value that the
   * baseline's files do not hold either, so merging overwrites a hand edit in the store (or an unapplied merge).
   */
  overwrites: Record<string, FieldName[]>;
  /**
   * Per key of an update: the fields whose value the baseline plan would send to that group too, so they were
   * pending before this change. All of a pending update's fields; some, none or all of this change's own.
   */
  pending_fields: Record<string, FieldName[]>;
  /** Changes of the baseline plan that this plan no longer makes: the store keeps what it has there. */
  dropped: Change[];
  /** The same for assignments and channel roles; absent when none. */
  dropped_storefront?: StorefrontChange[];
}

/** A baseline was asked for but could not be planned: the plan shows without attribution, and says why. */
export interface AttributionOff {
  compared: false;
  reason: string;
}

/** What `plan --out` writes and `apply PLANFILE` reads: the plan, wrapped with what detects a stale plan. */
export interface SavedPlan {
  /** 2: refusals are numbers that render/ words (1 held sentences; it is refused with advice to re-plan). */
  format_version: 2;
  store_hash: string;
  /** The store's name in the config, when the config names several. */
  store?: string;
  /** Identifies the groups/ state the plan was made from. */
  desired_hash: string;
  created_at: string;
  /** Made with --force: apply skips the safety checks it otherwise runs again. */
  forced: boolean;
  /** Per live group the plan touches: what it looked like when planned. */
  live: Record<string, { date_modified: string | null; fingerprint: string }>;
  /** What each reference by name resolved to; apply re-resolves them and refuses a plan whose references moved. */
  references?: ResolvedReference[];
  /** How `plan` showed it, so `show` prints the same bytes without a store or config. */
  view?: SavedView;
  plan: Plan;
}

/** The header and split of the plan as `plan` rendered it: all that the plan itself does not hold. */
export interface SavedView {
  /** The groups folder, as messages name it. */
  dir: string;
  /** The store line: hash, the API when not the default, the config file (relative to where plan ran). */
  store: { hash: string; apiUrl?: string; configFile?: string | null };
  /** Made with --force: the thresholds it overrode. */
  forced?: SafetyRefusal[];
  /** Made with --baseline: which changes were this change's own. */
  attribution?: Attribution | AttributionOff;
  /** The retries and waits of the reads, printed under the text plan. */
  readTrouble?: string;
}
