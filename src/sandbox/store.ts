// The sandbox's in-memory store: ids that auto-increment, unique names, single guest/default holders,
// amounts kept as 4-decimal strings and a date_modified that moves on every write.
import type { HolderMode, RawGroup, RawRule, SeedGroup } from './options.js';
import { parseDateValue } from '../model/dates.js';
import { formatStamp } from './dates.js';
import { parseAmount, refuse, type Refusal } from './rules.js';

export type WriteResult = { group: RawGroup } | { refusal: Refusal };

type Body = Record<string, unknown>;

const HOLDER_FLAGS = [
  { flag: 'is_group_for_guests', message: 'There can only be one customer group for guests at a time.' },
  { flag: 'is_default', message: 'There can only be one default customer group at a time.' },
] as const;

export class GroupStore {
  private readonly groups = new Map<number, RawGroup>();
  private nextId = 1;

  constructor(
    private readonly modes: () => {
      guestMode: HolderMode;
      defaultMode: HolderMode;
      uniqueNames: boolean;
      dateStyle?: 'api' | 'rfc2822';
    },
  ) {}

  /** Stored groups sorted by id, as the list answers them. */
  all(): RawGroup[] {
    return [...this.groups.values()].sort((a, b) => a.id - b.id);
  }

  get(id: number): RawGroup | undefined {
    return this.groups.get(id);
  }

  delete(id: number): boolean {
    return this.groups.delete(id);
  }

  /** Puts seed groups in place as they are, ids kept; the caller has validated them. */
  seed(seedGroups: SeedGroup[]): void {
    for (const seedGroup of seedGroups) {
      const id = seedGroup.id ?? this.nextId;
      const now = Math.floor(Date.now() / 1000);
      const group = this.build(id, seedGroup as unknown as Body, undefined, now);
      if (seedGroup.date_created) group.date_created = seedGroup.date_created;
      if (seedGroup.date_modified) group.date_modified = seedGroup.date_modified;
      this.groups.set(id, group);
      this.nextId = Math.max(this.nextId, id + 1);
    }
  }

  /** Sets a holder flag as the side effect of a channel settings write, past the holder modes. */
  setFlag(id: number, flag: 'is_default' | 'is_group_for_guests', value: boolean): void {
    const group = this.groups.get(id);
    if (!group || group[flag] === value) return;
    this.groups.set(id, { ...group, [flag]: value, date_modified: this.nextStamp(group) });
  }

  create(body: Body): WriteResult {
    const conflict = this.findConflict(body, undefined);
    if (conflict) return { refusal: conflict };
    const group = this.build(this.nextId++, body, undefined, Math.floor(Date.now() / 1000));
    this.moveHolders(group);
    this.groups.set(group.id, group);
    return { group };
  }

  update(id: number, body: Body): WriteResult | undefined {
    const existing = this.groups.get(id);
    if (!existing) return undefined;
    const conflict = this.findConflict(body, id);
    if (conflict) return { refusal: conflict };
    const group = this.build(id, body, existing, Math.floor(Date.now() / 1000));
    this.moveHolders(group);
    this.groups.set(id, group);
    return { group };
  }

  private findConflict(body: Body, selfId: number | undefined): Refusal | undefined {
    const name = typeof body.name === 'string' ? body.name.trim().toLowerCase() : undefined;
    const others = this.all().filter((group) => group.id !== selfId);
    const modes = this.modes();
    if (modes.uniqueNames && name !== undefined && others.some((group) => group.name.toLowerCase() === name)) {
      return refuse(409, `A customer group with the name '${String(body.name).trim()}' already exists.`);
    }
    for (const { flag, message } of HOLDER_FLAGS) {
      const mode = flag === 'is_default' ? modes.defaultMode : modes.guestMode;
      if (mode === 'strict' && body[flag] === true && others.some((group) => group[flag])) return refuse(422, message);
    }
    return undefined;
  }

  /** In `move` mode a new holder takes the flag from the previous one, which counts as a write of it.
   *  In `strict` mode findConflict already refused a second holder, so no other group is touched. */
  private moveHolders(holder: RawGroup): void {
    const modes = this.modes();
    for (const { flag } of HOLDER_FLAGS) {
      const mode = flag === 'is_default' ? modes.defaultMode : modes.guestMode;
      if (mode !== 'move' || !holder[flag]) continue;
      for (const group of this.groups.values()) {
        if (group.id !== holder.id && group[flag]) {
          this.groups.set(group.id, { ...group, [flag]: false, date_modified: this.nextStamp(group) });
        }
      }
    }
  }

  private build(id: number, body: Body, existing: RawGroup | undefined, now: number): RawGroup {
    const access =
      (body.category_access as { type: RawGroup['category_access']['type']; categories?: number[] } | undefined) ??
      existing?.category_access;
    return {
      id,
      name: typeof body.name === 'string' ? body.name.trim() : (existing?.name ?? ''),
      is_default: typeof body.is_default === 'boolean' ? body.is_default : (existing?.is_default ?? false),
      category_access:
        access?.type === 'specific'
          ? { type: 'specific', categories: [...(access.categories ?? [])] }
          : { type: access?.type ?? 'all' },
      // A list replaces every rule; no list leaves them alone.
      discount_rules: Array.isArray(body.discount_rules)
        ? body.discount_rules.map(toRawRule)
        : (existing?.discount_rules ?? []),
      date_created: existing?.date_created ?? this.stamp(now),
      date_modified: existing ? this.nextStamp(existing, now) : this.stamp(now),
      is_group_for_guests:
        typeof body.is_group_for_guests === 'boolean'
          ? body.is_group_for_guests
          : (existing?.is_group_for_guests ?? false),
    };
  }

  /** Never the same stamp twice for one group, even for two writes within a second. */
  private nextStamp(group: RawGroup, now = Math.floor(Date.now() / 1000)): string {
    return this.stamp(Math.max(now, (parseDateValue(group.date_modified) ?? 0) + 1));
  }

  private stamp(seconds: number): string {
    return formatStamp(seconds, this.modes().dateStyle);
  }
}

function toRawRule(raw: unknown): RawRule {
  const rule = raw as Record<string, unknown>;
  const amount = parseAmount(rule.amount) ?? '0.0000';
  const method = String(rule.method);
  switch (rule.type) {
    case 'price_list':
      return { type: 'price_list', price_list_id: Number(rule.price_list_id) };
    case 'category':
      return { type: 'category', method, amount, category_id: Number(rule.category_id) };
    case 'product':
      return { type: 'product', method, amount, product_id: Number(rule.product_id) };
    default:
      return { type: 'all', method, amount };
  }
}
