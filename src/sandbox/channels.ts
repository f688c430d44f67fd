// The multi-storefront side of the store: channels, each channel's customer settings, and price list
// assignments (a row with customer_group_id 0 is a channel's default price list). Seeded once, then
// written through the V3 routes; the caller has validated the seed (findStorefrontProblems).

export const CHANNEL_TYPES = ['pos', 'marketplace', 'storefront', 'marketing'] as const;
export const CHANNEL_STATUSES = [
  'active',
  'prelaunch',
  'inactive',
  'connected',
  'disconnected',
  'archived',
  'deleted',
  'terminated',
] as const;

export interface CustomerGroupSettings {
  /** null: no override on this channel, the global setting applies. 0: no group. */
  guest_customer_group_id: number | null;
  default_customer_group_id: number | null;
}

export interface ChannelCustomerSettings {
  privacy_settings: { ask_shopper_for_tracking_consent: boolean; policy_url: string };
  customer_group_settings: CustomerGroupSettings;
  allow_global_logins: boolean;
}

export interface SeedChannel {
  id: number;
  name: string;
  type?: (typeof CHANNEL_TYPES)[number];
  platform?: string;
  status?: (typeof CHANNEL_STATUSES)[number];
  /** The channel's customer settings; what is left out takes the defaults of a new channel. */
  customer_settings?: {
    privacy_settings?: Partial<ChannelCustomerSettings['privacy_settings']>;
    customer_group_settings?: Partial<CustomerGroupSettings>;
    allow_global_logins?: boolean;
  };
}

export interface SeedAssignment {
  id?: number;
  price_list_id: number;
  /** 0 or absent: the channel's default price list. */
  customer_group_id?: number;
  /** Absent: the group's assignment on every channel. */
  channel_id?: number;
}

export interface StoredChannel {
  id: number;
  name: string;
  type: string;
  platform: string;
  status: string;
  is_listable_from_ui: boolean;
  is_visible: boolean;
  date_created: string;
  date_modified: string;
}

export interface StoredAssignment {
  id: number;
  price_list_id: number;
  customer_group_id: number;
  channel_id: number | null;
}

/** Channel 1 always exists: the spec says the list "will always return the default storefront with an ID of 1". */
export const DEFAULT_CHANNEL: SeedChannel = {
  id: 1,
  name: 'Default Storefront',
  type: 'storefront',
  platform: 'bigcommerce',
  status: 'active',
};

export class ChannelStore {
  readonly channels: StoredChannel[];
  private readonly settings = new Map<number, ChannelCustomerSettings>();
  /** Per channel, the settings other than customer_group_settings that a PUT has written. */
  private readonly touched = new Map<number, Set<string>>();
  private assignmentRows: StoredAssignment[] = [];
  private nextAssignmentId = 1;

  constructor(channels: readonly SeedChannel[] = [], assignments: readonly SeedAssignment[] = [], stamp = '') {
    const seeded = channels.some((c) => c.id === 1) ? channels : [DEFAULT_CHANNEL, ...channels];
    const date = stamp || '2024-01-01T00:00:00Z';
    this.channels = seeded
      .map((c) => ({
        id: c.id,
        name: c.name,
        type: c.type ?? 'storefront',
        platform: c.platform ?? (c.type === undefined || c.type === 'storefront' ? 'bigcommerce' : 'custom'),
        status: c.status ?? 'active',
        is_listable_from_ui: true,
        is_visible: true,
        date_created: date,
        date_modified: date,
      }))
      .sort((a, b) => a.id - b.id);
    for (const channel of seeded) {
      const seed = channel.customer_settings ?? {};
      this.settings.set(channel.id, {
        privacy_settings: { ask_shopper_for_tracking_consent: false, policy_url: '', ...seed.privacy_settings },
        customer_group_settings: {
          guest_customer_group_id: null,
          default_customer_group_id: null,
          ...seed.customer_group_settings,
        },
        allow_global_logins: seed.allow_global_logins ?? true,
      });
    }
    for (const row of assignments) this.insert(row);
  }

  hasChannel(id: number): boolean {
    return this.settings.has(id);
  }

  settingsOf(channelId: number): ChannelCustomerSettings | undefined {
    const settings = this.settings.get(channelId);
    return settings && structuredClone(settings);
  }

  /** Which settings besides customer_group_settings a PUT has written on the channel (sorted). */
  touchedSettings(channelId: number): string[] {
    return [...(this.touched.get(channelId) ?? [])].sort();
  }

  /** Writes the fields the (checked) body carries; the rest of the channel's settings stay as they are. */
  writeSettings(channelId: number, body: Record<string, unknown>): ChannelCustomerSettings | undefined {
    const current = this.settings.get(channelId);
    if (!current) return undefined;
    const touched = this.touched.get(channelId) ?? new Set<string>();
    for (const [key, value] of Object.entries(body)) {
      if (key !== 'customer_group_settings') touched.add(key);
      if (value && typeof value === 'object')
        Object.assign(current[key as 'privacy_settings' | 'customer_group_settings'], value);
      else if (key === 'allow_global_logins') current.allow_global_logins = value as boolean;
    }
    this.touched.set(channelId, touched);
    return this.settingsOf(channelId);
  }

  /** Every channel whose explicit setting names the group for this role. */
  channelsHolding(role: keyof CustomerGroupSettings, groupId: number): number[] {
    return [...this.settings.entries()]
      .filter(([, settings]) => settings.customer_group_settings[role] === groupId)
      .map(([id]) => id);
  }

  /** The groups that hold this role on at least one channel. */
  holders(role: keyof CustomerGroupSettings): Set<number> {
    const ids = [...this.settings.values()].map((settings) => settings.customer_group_settings[role]);
    return new Set(ids.filter((id): id is number => typeof id === 'number' && id > 0));
  }

  assignments(): StoredAssignment[] {
    return this.assignmentRows.map((row) => ({ ...row }));
  }

  /** The row of this (group, channel) pair; channel null is the group's row for every channel. */
  findPair(groupId: number, channelId: number | null): StoredAssignment | undefined {
    return this.assignmentRows.find((row) => row.customer_group_id === groupId && row.channel_id === channelId);
  }

  insert(row: SeedAssignment): StoredAssignment {
    const stored = {
      id: row.id ?? this.nextAssignmentId,
      price_list_id: row.price_list_id,
      customer_group_id: row.customer_group_id ?? 0,
      channel_id: row.channel_id ?? null,
    };
    this.nextAssignmentId = Math.max(this.nextAssignmentId, stored.id + 1);
    this.assignmentRows.push(stored);
    this.assignmentRows.sort((a, b) => a.id - b.id);
    return { ...stored };
  }

  /** Upsert of the (group, channel) pair: the pair's row keeps its id and takes the new price list. */
  upsert(priceListId: number, groupId: number, channelId: number | null): StoredAssignment {
    const existing = this.findPair(groupId, channelId);
    if (!existing)
      return this.insert({
        price_list_id: priceListId,
        customer_group_id: groupId,
        channel_id: channelId ?? undefined,
      });
    existing.price_list_id = priceListId;
    return { ...existing };
  }

  /** Removes every row the predicate matches; answers the removed rows. */
  remove(matches: (row: StoredAssignment) => boolean): StoredAssignment[] {
    const removed = this.assignmentRows.filter(matches);
    this.assignmentRows = this.assignmentRows.filter((row) => !matches(row));
    return removed;
  }
}
