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
