// What else in a store names a customer group: promotions (whose customer condition targets or excludes
// groups) and tax zones (whose shopper targets are groups). Seeded once, read through V3 as the promotions
// and tax zones specs answer; a deleted group's id stays where it was named, since the API documents no
// clean-up.

export interface SeedPromotion {
  id?: number;
  name: string;
  /** AUTOMATIC by default; a COUPON promotion also carries coupon_type SINGLE. */
  redemption_type?: 'AUTOMATIC' | 'COUPON';
  status?: 'ENABLED' | 'DISABLED' | 'INVALID';
  /** Only these groups are eligible (0 = guests and customers in no group). */
  group_ids?: number[];
  /** Everyone but these groups is eligible. The spec says a promotion fills one list, never both. */
  excluded_group_ids?: number[];
}

export interface SeedTaxZone {
  id?: number;
  name: string;
  enabled?: boolean;
  /** The groups whose shoppers the zone targets; empty for all customers. */
  customer_groups?: number[];
}

export type StoredPromotion = ReturnType<typeof toStoredPromotion>;
export type StoredTaxZone = ReturnType<typeof toStoredTaxZone>;

export class ReferenceStore {
  readonly promotions: StoredPromotion[];
  readonly taxZones: StoredTaxZone[];

  /** The caller has validated the seed (findReferenceProblems). */
  constructor(promotions: readonly SeedPromotion[] = [], taxZones: readonly SeedTaxZone[] = []) {
    this.promotions = withIds(promotions).map(toStoredPromotion);
    this.taxZones = withIds(taxZones).map(toStoredTaxZone);
  }
}

/** Entries with the seed's id or the next free one after every id so far, sorted by id as the API lists. */
function withIds<T extends { id?: number }>(entries: readonly T[]): Array<T & { id: number }> {
  let nextId = 1;
  return entries
    .map((entry) => {
      const id = entry.id ?? nextId;
      nextId = Math.max(nextId, id + 1);
      return { ...entry, id };
    })
    .sort((a, b) => a.id - b.id);
}

/** A promotion with every field the spec's SavedAutomaticPromotion or SavedCouponPromotion requires. */
function toStoredPromotion(seed: SeedPromotion & { id: number }) {
  const coupon = seed.redemption_type === 'COUPON';
  return {
    id: seed.id,
    redemption_type: seed.redemption_type ?? 'AUTOMATIC',
    name: seed.name,
    display_name: seed.name,
    created_from: 'api' as const,
    channels: [] as Array<{ id: number }>,
    customer: {
      group_ids: [...(seed.group_ids ?? [])],
      excluded_group_ids: [...(seed.excluded_group_ids ?? [])],
      minimum_order_count: 0,
    },
    rules: [{ action: { cart_value: { discount: { percentage_amount: '10' } } }, apply_once: true, stop: false }],
    notifications: [] as unknown[],
    stop: false,
    currency_code: 'USD',
    current_uses: 0,
    max_uses: 0,
    start_date: '2024-01-01T00:00:00+00:00',
    status: seed.status ?? 'ENABLED',
    can_be_used_with_other_promotions: true,
    ...(coupon ? { coupon_overrides_other_promotions: false, coupon_type: 'SINGLE' as const } : {}),
  };
}

function toStoredTaxZone(seed: SeedTaxZone & { id: number }) {
  return {
    id: seed.id,
    name: seed.name,
    enabled: seed.enabled ?? true,
    price_display_settings: { show_inclusive: false, show_both_on_detail_view: false, show_both_on_list_view: false },
    shopper_target_settings: {
      locations: [] as Array<{ country_code: string; subdivision_codes: string[]; postal_codes: string[] }>,
      customer_groups: [...(seed.customer_groups ?? [])],
    },
  };
}
