// The channel-side writes bound to the client's transport, so they share its pacing, retries and counts.
import type { AssignmentResult, ChannelGroupSettings, LiveAssignment, NewAssignment } from '../model/index.js';
import { addAssignments, deleteAssignment, upsertAssignment } from './assignments.js';
import { writeChannelGroupSettings } from './channels.js';
import type { Transport } from './http.js';

export interface StorefrontWrites {
  addAssignments(rows: readonly NewAssignment[]): Promise<AssignmentResult[]>;
  upsertAssignment(row: {
    price_list_id: number;
    customer_group_id: number;
    channel_id: number;
  }): Promise<LiveAssignment>;
  deleteAssignment(id: number): Promise<void>;
  writeChannelGroupSettings(channelId: number, settings: ChannelGroupSettings): Promise<ChannelGroupSettings>;
}

export function createStorefrontWrites(transport: Transport): StorefrontWrites {
  return {
    addAssignments: (rows) => addAssignments(transport, rows),
    upsertAssignment: (row) => upsertAssignment(transport, row),
    deleteAssignment: (id) => deleteAssignment(transport, id),
    writeChannelGroupSettings: (channelId, settings) => writeChannelGroupSettings(transport, channelId, settings),
  };
}
