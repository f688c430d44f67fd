// The shapes every stage agrees on. Data flows one way:
// files -> DesiredGroup[] -> (with LiveGroup[]) -> Plan -> rendered text | ChangeResult[].

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
export interface GroupFile {
  /** One pin, or one per store when the config names stores. */
  id?: number | Record<string, number>;
  name: string;
  renamed_from?: string[];
  /** The stores of the config that have this group; absent: every store. */
  stores?: string[];
  is_default?: boolean;
  is_group_for_guests?: boolean;
  category_access?: CategoryAccessFile;
  discount_rules?: DiscountRuleFile[];
}

export interface CategoryAccessFile {
  type: AccessType;
  /** Category ids, or category paths ("Tools/Power Tools") resolved at plan time. */
  categories?: (number | string)[];
}

/** A rule names its target by id or by reference (exactly one of the two), resolved at plan time. */
export type DiscountRuleFile =
  | { type: 'all'; method: RuleMethod; amount: AmountInput }
  | { type: 'category'; method: RuleMethod; amount: AmountInput; category_id: number }
  | { type: 'category'; method: RuleMethod; amount: AmountInput; category: string }
  | { type: 'product'; method: RuleMethod; amount: AmountInput; product_id: number }
  | { type: 'product'; method: RuleMethod; amount: AmountInput; product_sku: string }
  | { type: 'price_list'; price_list_id: number }
  | { type: 'price_list'; price_list: string };

/** Normalized category access: categories only under `specific`, sorted and unique. */
export type CategoryAccess = { type: 'all' } | { type: 'none' } | { type: 'specific'; categories: number[] };

/** Normalized rule: amounts are numbers rounded to 4 decimals, ids are integers. */
export type DiscountRule =
  | { type: 'all'; method: RuleMethod; amount: number }
  | { type: 'category'; method: RuleMethod; amount: number; category_id: number }
  | { type: 'product'; method: RuleMethod; amount: number; product_id: number }
  | { type: 'price_list'; price_list_id: number };

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

export interface DesiredGroup extends GroupState {
  /** A pin to a live group (of the store being planned); how a rename is expressed. */
  id?: number;
  /** Pins per store (the config names stores); `id` is set from it once a store is picked. */
  pins?: Record<string, number>;
  /** Earlier names: a live group by one of them is this group, renamed. */
  renamed_from?: string[];
  /** The stores that have this group; absent: every store. */
  stores?: string[];
  source: SourceRef;
}

/** A rule as its file gives it, amount normalized: the target by id, or by a reference not yet resolved. */
export type LoadedRule =
  | DiscountRule
  | { type: 'category'; method: RuleMethod; amount: number; category: string }
  | { type: 'product'; method: RuleMethod; amount: number; product_sku: string }
  | { type: 'price_list'; price_list: string };

/** Category access as its file gives it: ids and paths in file order. */
export type LoadedAccess = { type: 'all' } | { type: 'none' } | { type: 'specific'; categories: (number | string)[] };

/**
 * A desired group as loaded from its file, before references by name are resolved against the catalog.
 * Rules and categories keep the file's order, so index i is the file's `discount_rules[i]`.
 */
export interface LoadedGroup extends Omit<DesiredGroup, 'category_access' | 'discount_rules'> {
  category_access: LoadedAccess;
  discount_rules: LoadedRule[];
}

/** What a group can point at besides itself. */
export const CATALOG_KINDS = ['category', 'product', 'price_list'] as const;
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
  /** Why a kind that was needed is undefined, for messages ("--no-catalog was given"). */
  unread?: string;
}

/** The reads of the catalog a set of groups needs; nothing at all when no group points at anything. */
export interface CatalogNeeds {
  categories: boolean;
  priceLists: boolean;
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
  category_access?: { type: AccessType; categories?: number[] };
  discount_rules?: WireRule[];
}

export type WireRule =
  | { type: 'all'; method: RuleMethod; amount: string }
  | { type: 'category'; method: RuleMethod; amount: string; category_id: number }
  | { type: 'product'; method: RuleMethod; amount: string; product_id: number }
  | { type: 'price_list'; price_list_id: number };

export interface GroupRef {
  id: number;
  name: string;
}

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
  | { fact: 'holder_vanishes'; flag: HolderFlag };

interface ChangeCommon {
  /** Stable identity of the change inside its plan (see changeKey): "create:Retail", "update:12", "delete:12", "update:12/release". */
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
}

export type Change = CreateChange | UpdateChange | DeleteChange;
export type ChangeAction = Change['action'];

export interface PlanSummary {
  create: number;
  update: number;
  delete: number;
  unchanged: number;
  unmanaged: number;
}

export type SafetyCheck = 'maxDeletes' | 'maxDeletePercent' | 'maxUpdatePercent' | 'maxDeletedCustomers';

export interface SafetyRefusal {
  check: SafetyCheck;
  limit: number;
  actual: number;
  message: string;
}

export interface Plan {
  changes: Change[];
  unchanged: GroupRef[];
  unmanaged: GroupRef[];
  summary: PlanSummary;
  /** Filled by the safety pass; a plan with refusals is printed but never applied. */
  refusals: SafetyRefusal[];
  /** The write requests apply will send: one per change. */
  requests: number;
  /** Names of the categories, products and price lists the changes refer to; absent when none was read. */
  catalog_names?: CatalogNames;
  /** What was read of the store to make the plan, and what could not be checked. */
  reads?: PlanReads;
  /** What people should know about groups the plan leaves as they are (a rename already done); absent when none. */
  notes?: PlanNote[];
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

export interface PlanReads {
  /** Requests each kind of read took (retries included); 0 when not needed or skipped. */
  requests: Record<ReadKind, number>;
  /** What could not be checked, for people: "category names not read (--no-catalog)". */
  unchecked: string[];
}

/** A fact about a group that needs no change, for people only. */
export interface PlanNote {
  name: string;
  id: number;
  reasons: ChangeReason[];
}

/** Where a change of a plan comes from, next to a baseline (the base branch's groups/ planned against the same store). */
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
  /** Changes of the baseline plan that this plan no longer makes: the store keeps what it has there. */
  dropped: Change[];
}

/** A baseline was asked for but could not be planned: the plan shows without attribution, and says why. */
export interface AttributionOff {
  compared: false;
  reason: string;
}

/** What `plan --out` writes and `apply PLANFILE` reads: the plan, wrapped with what detects a stale plan. */
export interface SavedPlan {
  format_version: 1;
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
  plan: Plan;
}

export type Outcome = 'applied' | 'failed' | 'skipped' | 'not_converged';

/** How far a run is, after each finished change. */
export interface ApplyProgress {
  done: number;
  total: number;
  failed: number;
}

export interface ChangeResult {
  key: string;
  action: ChangeAction;
  name: string;
  id?: number;
  outcome: Outcome;
  status?: number;
  error?: string;
}

export interface ClientStats {
  requests: Record<'GET' | 'POST' | 'PUT' | 'DELETE', number>;
  retries: number;
  rateLimited: number;
  waitedMs: number;
  bytesSent: number;
}

export interface RateLimitState {
  left: number;
  quota: number;
  resetMs: number;
  windowMs: number;
  /** Date.now() when these were read. */
  at: number;
}

/** The store as the planner and applier see it; implemented over HTTP in src/bigcommerce/. */
export interface GroupsApi {
  listGroups(): Promise<LiveGroup[]>;
  createGroup(body: GroupBody): Promise<LiveGroup>;
  updateGroup(id: number, body: GroupBody): Promise<LiveGroup>;
  deleteGroup(id: number): Promise<void>;
  readonly stats: ClientStats;
  readonly rateLimit: RateLimitState | undefined;
}

export interface SafetyConfig {
  maxDeletes: number;
  maxDeletePercent: number;
  maxUpdatePercent: number;
  /** Both percent checks count a smaller store as this many groups, so a few changes never read as most of it. */
  minGroupsForPercent: number;
  /** Most customers the deleted groups may hold together (0: deleting any group with members needs --force). */
  maxDeletedCustomers: number;
}

export interface RequestConfig {
  timeoutMs: number;
  retries: number;
  /** Share of the rate-limit quota left to other apps of the store (0..1). */
  reserveShare: number;
  /** The most pages one list may take; a longer one is a server that never ends. */
  maxPages: number;
  /** The longest single wait for a rate limit; a server asking for more is refused at once. */
  maxWaitMs: number;
}

/** One of several stores in the config (`stores: {production: {...}}`). */
export interface StoreSettings {
  storeHash: string;
  /** Default: the config's apiUrl. */
  apiUrl?: string;
  /** Default: BIGCOMMERCE_ACCESS_TOKEN_<NAME>, never another store's variable. */
  accessTokenEnv?: string;
}

export interface Config {
  storeHash?: string;
  apiUrl: string;
  accessTokenEnv: string;
  groupsDir: string;
  concurrency: number;
  prune: boolean;
  /** Read category, product and price list names (false: --no-catalog). */
  catalog: boolean;
  /** Count the customers of each group a change touches (false: --no-customers). */
  customers: boolean;
  safety: SafetyConfig;
  request: RequestConfig;
  /** The stores a config names; absent for a config of one store. */
  stores?: Record<string, StoreSettings>;
  /** The store picked from `stores` (--store or BCGROUPS_STORE); storeHash, apiUrl and accessTokenEnv are then its own. */
  storeName?: string;
  /** The file the config came from, if any. */
  configFile?: string;
}
