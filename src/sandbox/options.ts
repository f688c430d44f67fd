// What the sandbox can be told to do, and the shapes it stores and answers.
import type { SeedCatalog, SeedCustomer } from './catalog.js';
import type { SeedAssignment, SeedChannel } from './channels.js';
import type { SeedPromotion, SeedTaxZone } from './references.js';

export type HolderMode = 'strict' | 'move';

/** The scopes an API account may hold that the sandbox knows about. */
export const SCOPES = [
  'store_v2_customers',
  'store_v2_customers_read_only',
  'store_v2_products',
  'store_v2_products_read_only',
  'store_channel_settings',
  'store_channel_settings_read_only',
  'store_v2_marketing',
  'store_v2_marketing_read_only',
  'store_v2_information',
  'store_v2_information_read_only',
] as const;
export type Scope = (typeof SCOPES)[number];

/** A group to start with: loose like a POST body (amounts as numbers or strings), optionally with its id. */
export interface SeedGroup {
  id?: number;
  name: string;
  is_default?: boolean;
  is_group_for_guests?: boolean;
  category_access?: { type: string; categories?: number[] };
  discount_rules?: Array<Record<string, unknown>>;
  date_created?: string;
  date_modified?: string;
}

/** A group exactly as the API answers it. */
export interface RawGroup {
  id: number;
  name: string;
  is_default: boolean;
  category_access: { type: 'all' | 'specific' | 'none'; categories?: number[] };
  discount_rules: RawRule[];
  date_created: string;
  date_modified: string;
  is_group_for_guests: boolean;
}

export type RawRule =
  | { type: 'price_list'; price_list_id: number }
  | { type: 'all'; method: string; amount: string }
  | { type: 'category'; method: string; amount: string; category_id: number }
  | { type: 'product'; method: string; amount: string; product_id: number };

export interface SandboxOptions {
  /** 0 = any free port. */
  port?: number;
  host?: '127.0.0.1';
  token?: string;
  storeHash?: string;
  seed?: SeedGroup[];
  /** The store around the groups, served through V3; without it the V3 catalog lists are empty. */
  catalog?: SeedCatalog;
  customers?: SeedCustomer[];
  /** Channels (channel 1, the default storefront, is added when missing) with their customer settings. */
  channels?: SeedChannel[];
  /** Price list assignments; customer_group_id 0 is a channel's default price list. */
  assignments?: SeedAssignment[];
  /** Whether a V2 group's `price_list` discount rule is its channel-less assignment (undocumented): `mirror`
   *  keeps the two in step both ways, `independent` (default) keeps them apart. */
  priceListRules?: 'mirror' | 'independent';
  /** Who may hold is_group_for_guests / is_default in V2 (undocumented on multi-storefront stores):
   *  `store-wide` (default) one group, as guestMode/defaultMode say, channel settings apart; `per-channel`
   *  every group that is a channel's guest/default group holds the flag, and a V2 write of the flag sets
   *  or clears the group on channel 1. */
  channelHolders?: 'store-wide' | 'per-channel';
  /** A POST /v3/pricelists/assignments batch with a bad row: 422 and nothing saved (`none-saved`, default),
   *  or 422 with the good rows saved and counted in meta.saved_records (`partial`), as the spec allows. */
  assignmentBatchErrors?: 'none-saved' | 'partial';
  /** Path prefixes below /stores/{hash} ("/v3/pricelists/assignments") answered 403, as a missing scope. */
  forbiddenPaths?: string[];
  /** Promotions whose customer condition names groups (GET /v3/promotions). */
  promotions?: SeedPromotion[];
  /** Tax zones whose shopper targets name groups (GET /v3/tax/zones). */
  taxZones?: SeedTaxZone[];
  /** The scopes of the token; a request outside them is answered 403. */
  scopes?: Scope[];
  /** A group write naming a category, product or price list id the catalog lacks: accepted silently
   *  (the real API's behaviour is unknown) or refused with 422. Only with a seeded catalog. */
  unknownReferences?: 'accept' | 'refuse';
  /** Rule target ids answered as strings ("category_id": "20"), as some real answers have them. */
  stringIds?: boolean;
  /** Dates the store writes: "2023-07-25 01:15:19" (api) or "Tue, 25 Jul 2023 01:15:19 +0000" (rfc2822). */
  dateStyle?: 'api' | 'rfc2822';
  /** Error bodies of the V2 endpoints: arrays (v2) or objects {status, title, type, errors} (v3). */
  errorStyle?: 'v2' | 'v3';
  /** Requests in flight beyond this are answered 429 (the spec's cap of 40 concurrent requests). */
  maxConcurrent?: number;
  /** Added to every request before it is handled. */
  latencyMs?: number;
  /** Requests per window, like the store's rate-limit quota. */
  quota?: number;
  windowMs?: number;
  /** Share of requests answered 500 before anything is done. */
  faultRate?: number;
  /** The methods faultRate applies to (all by default); tests fail writes only to reach the applier. */
  faultMethods?: string[];
  /** Share of POSTs that save the group and then answer 500. */
  ambiguousCreateRate?: number;
  /** Share of group POSTs and PUTs that are saved, then answered 200 with a body cut short (not JSON). */
  unreadableWriteRate?: number;
  /** Share of requests whose socket is destroyed, half before and half after the work is done. */
  resetRate?: number;
  /** Share of requests answered 429 without any rate-limit header (platform load). */
  rateLimit429WithoutHeaders?: number;
  /** Share of POST/PUT carrying discount_rules answered 207: the group is saved but its rules are not
   *  (a new group has none, an old one keeps its previous rules) until the rules are sent again. */
  partialRate?: number;
  guestMode?: HolderMode;
  defaultMode?: HolderMode;
  /** How the list says it is past the last page. */
  endOfList?: '204' | 'empty';
  createStatus?: 200 | 201;
  /** Refuse a second group with a name already used (409), as the store does; false models a store
   *  whose uniqueness check is missing, so tests see any duplicate a client makes. Default true. */
  uniqueNames?: boolean;
  /** Source of randomness for the fault rates; tests pass a seeded one. */
  random?: () => number;
}

/** The options that seed the store once, rather than set how it behaves. */
export const SEED_OPTIONS = [
  'seed',
  'catalog',
  'customers',
  'channels',
  'assignments',
  'promotions',
  'taxZones',
] as const;
export type ResolvedOptions = Required<Omit<SandboxOptions, (typeof SEED_OPTIONS)[number]>>;

export const SANDBOX_DEFAULTS: ResolvedOptions = {
  port: 0,
  host: '127.0.0.1',
  token: 'sandbox-token',
  storeHash: 'sandbox',
  latencyMs: 0,
  quota: 10_000,
  windowMs: 30_000,
  faultRate: 0,
  faultMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  ambiguousCreateRate: 0,
  unreadableWriteRate: 0,
  resetRate: 0,
  rateLimit429WithoutHeaders: 0,
  partialRate: 0,
  guestMode: 'strict',
  defaultMode: 'strict',
  endOfList: '204',
  createStatus: 200,
  uniqueNames: true,
  scopes: [
    'store_v2_customers',
    'store_v2_products_read_only',
    'store_v2_marketing_read_only',
    'store_v2_information_read_only',
    'store_channel_settings_read_only',
  ],
  unknownReferences: 'accept',
  stringIds: false,
  dateStyle: 'api',
  errorStyle: 'v2',
  maxConcurrent: 40,
  priceListRules: 'independent',
  channelHolders: 'store-wide',
  assignmentBatchErrors: 'none-saved',
  forbiddenPaths: [],
  random: Math.random,
};
