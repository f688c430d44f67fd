// The multi-storefront side of a live store (issue 19), as the client reads it: channels, the guest and
// default group of each channel, and price list assignments.

export interface LiveChannel {
  id: number;
  name: string;
  /** storefront, pos, marketplace or marketing; kept as the store answers it. */
  type: string;
  platform: string;
  status: string;
}

/** A channel's customer_group_settings. null: no override, the store-wide setting applies; 0: no group. */
export interface ChannelGroupSettings {
  guest_customer_group_id: number | null;
  default_customer_group_id: number | null;
}

/** An assignment as the store holds it. customer_group_id 0 is the channel's default price list; channel_id
 *  null is the group's assignment on every channel. */
export interface LiveAssignment {
  id: number;
  price_list_id: number;
  customer_group_id: number;
  channel_id: number | null;
}

/** An assignment to add: a row of the POST batch. */
export type NewAssignment = Omit<LiveAssignment, 'id'>;

/** What became of one row of an add: saved (with its id when read back), or failed with the store's reason. */
export type AssignmentResult =
  | { row: NewAssignment; status: 'saved'; id?: number }
  | { row: NewAssignment; status: 'failed'; message: string };

/** A channel as a file names it: by name, or by id. */
export type ChannelRefOf<S extends 'file' | 'resolved'> = S extends 'file' ? string | number : number;

/** One entry of a file's `price_lists`: a price list on one channel, or on every channel (no channel). */
export type PriceListEntryOf<S extends 'file' | 'resolved'> = S extends 'file'
  ? ({ price_list: string } | { price_list_id: number }) & ({ channel?: string } | { channel_id?: number })
  : { price_list_id: number; channel_id: number | null };

/** The keys of a group file about channels; each absent key is not managed (never read, planned or shown). */
export interface StorefrontKeysOf<S extends 'file' | 'resolved'> {
  /** The complete set of the group's assignments; [] = none. */
  price_lists?: PriceListEntryOf<S>[];
  /** Channels whose own setting makes the group their default group. */
  default_on_channels?: ChannelRefOf<S>[];
  /** Channels whose own setting makes the group their guest group. */
  guest_on_channels?: ChannelRefOf<S>[];
}

export const STOREFRONT_KEYS = ['price_lists', 'default_on_channels', 'guest_on_channels'] as const;
export type StorefrontKey = (typeof STOREFRONT_KEYS)[number];

/** The two roles a channel's customer_group_settings gives, by the file key that manages each. */
export const CHANNEL_ROLES = {
  default_on_channels: 'default_customer_group_id',
  guest_on_channels: 'guest_customer_group_id',
} as const satisfies Record<Exclude<StorefrontKey, 'price_lists'>, keyof ChannelGroupSettings>;
export type ChannelRoleKey = keyof typeof CHANNEL_ROLES;

/** The group a storefront change is about: a live group by id, or one the plan creates (its create key). */
export type GroupPointer = { id: number } | { created: string };

interface StorefrontChangeCommon {
  /** Stable identity inside the plan: "assign:12@2", "assign:create:Retail@all", "channel:2". */
  key: string;
  /** The group's name (a channel change: the channel's name). */
  name: string;
  /** Keys of changes (group or storefront) that must succeed first. */
  depends_on: string[];
  /** The file that asks for it. */
  source?: string;
}

/** A new row, sent in the batch POST with the other adds. */
export interface AssignmentAdd extends StorefrontChangeCommon {
  action: 'assignment_add';
  group: GroupPointer;
  price_list_id: number;
  channel_id: number | null;
}

/** The (group, channel) pair moves to another list: one PUT upsert. */
export interface AssignmentMove extends StorefrontChangeCommon {
  action: 'assignment_move';
  group: { id: number };
  assignment_id: number;
  from_price_list_id: number;
  price_list_id: number;
  channel_id: number;
}

/** One row deleted by its id, never by a filter. */
export interface AssignmentRemove extends StorefrontChangeCommon {
  action: 'assignment_remove';
  group: { id: number };
  assignment_id: number;
  price_list_id: number;
  channel_id: number | null;
}

/** A channel's group value while planned: a group id, the group a plan creates, 0 (none) or null (inherit). */
export type RoleValue = number | null | { created: string; name: string };

/** One channel's guest and default group, set in one PUT of customer_group_settings with both ids. */
export interface ChannelRolesSet extends StorefrontChangeCommon {
  action: 'channel_roles';
  channel_id: number;
  before: ChannelGroupSettings;
  after: { guest_customer_group_id: RoleValue; default_customer_group_id: RoleValue };
  /** Group names by id, for people: the groups of before and after. */
  group_names: Record<string, string>;
}

export type StorefrontChange = AssignmentAdd | AssignmentMove | AssignmentRemove | ChannelRolesSet;
export type StorefrontAction = StorefrontChange['action'];

/** What a plan does on the store's channels: its changes, and what verify and the next plan compare with. */
export interface StorefrontPlan {
  changes: StorefrontChange[];
  /** Groups whose file assigns a price list on every channel: a V2 price_list rule naming it may mirror it. */
  every_channel: { group: GroupPointer; price_list_id: number }[];
  /** Names by id, for people: every channel, and the price lists the changes name. */
  channel_names: Record<string, string>;
  price_list_names: Record<string, string>;
}

/** What was read of the channels side for one plan: only what the files' keys need. */
export interface LiveStorefront {
  channels: LiveChannel[];
  /** Every channel's group settings, by channel id; read only when a file manages a channel role. */
  settings?: Map<number, ChannelGroupSettings>;
  /** The rows of the live groups whose files manage price_lists. */
  assignments: LiveAssignment[];
}

/** "The batch limit for Price List Assignments is 25" (price lists spec): adds per POST. */
export const MAX_ASSIGNMENT_BATCH_SIZE = 25;
