// The words of storefront changes, shared by every renderer: price lists and channels by name (and id),
// groups by name, the two roles of a channel side by side.
import {
  MAX_ASSIGNMENT_BATCH_SIZE,
  type Plan,
  type RoleValue,
  type StorefrontChange,
  type StorefrontPlan,
} from '../model/index.js';
import type { PlanAttribution } from './attribution.js';

export type StorefrontSign = '+' | '~' | '-';

export interface StorefrontLine {
  sign: StorefrontSign;
  /** "Wholesale: price list 'Trade EU' (id 3) on channel 'EU' (id 2)". */
  text: string;
}

/** Next to a baseline: a change the baseline plan makes identically was pending before this change. */
export const STOREFRONT_PENDING = ' (pending before this change)';

export const STOREFRONT_HEADING = 'Changes to price list assignments and channel groups';

const SIGNS: Record<StorefrontChange['action'], StorefrontSign> = {
  assignment_add: '+',
  assignment_move: '~',
  assignment_remove: '-',
  channel_roles: '~',
};

export function storefrontLines(
  storefront: StorefrontPlan | undefined,
  attribution?: PlanAttribution,
): StorefrontLine[] {
  const origins = attribution?.compared ? attribution.origins : {};
  const lines = (storefront?.changes ?? []).map((change) => ({
    sign: SIGNS[change.action],
    text:
      describeStorefrontChange(change, storefront as StorefrontPlan) +
      (origins[change.key] === 'pending' ? STOREFRONT_PENDING : ''),
  }));
  const dropped = attribution?.compared ? (attribution.dropped_storefront ?? []) : [];
  const names = storefront ?? { channel_names: {}, price_list_names: {} };
  return [
    ...lines,
    ...dropped.map((change) => ({
      sign: SIGNS[change.action],
      text: `no longer planned, the store keeps what it has: ${describeStorefrontChange(change, names)}`,
    })),
  ];
}

export function describeStorefrontChange(
  change: StorefrontChange,
  names: Pick<StorefrontPlan, 'channel_names' | 'price_list_names'>,
): string {
  const list = (id: number) => `price list ${quoted(names.price_list_names[id])}(id ${id})`;
  const channel = (id: number | null) =>
    id === null ? 'every channel' : `channel ${quoted(names.channel_names[id])}(id ${id})`;
  switch (change.action) {
    case 'assignment_add':
      return `${change.name}: ${list(change.price_list_id)} on ${channel(change.channel_id)}`;
    case 'assignment_move':
      return `${change.name}: on ${channel(change.channel_id)}, ${list(change.from_price_list_id)} -> ${list(
        change.price_list_id,
      )}`;
    case 'assignment_remove': {
      const row = `assignment ${change.assignment_id}`;
      return `${change.name}: ${list(change.price_list_id)} on ${channel(change.channel_id)} (${row})`;
    }
    case 'channel_roles': {
      const role = (label: string, key: 'guest_customer_group_id' | 'default_customer_group_id') => {
        const [before, after] = [change.before[key], change.after[key]];
        const group = (value: RoleValue) => describeRole(value, change.group_names);
        return before === after ? '' : `${label} ${group(before)} -> ${group(after)}`;
      };
      const parts = [
        role('default group', 'default_customer_group_id'),
        role('guest group', 'guest_customer_group_id'),
      ];
      return `${channel(change.channel_id)}: ${parts.filter(Boolean).join('; ')}`;
    }
  }
}

function describeRole(value: RoleValue, names: Record<string, string>): string {
  if (value === null) return 'the store-wide group (inherit)';
  if (value === 0) return 'no group';
  if (typeof value === 'object') return `${value.name} (new)`;
  const name = names[value];
  return name === undefined ? `group ${value}` : `${name} (id ${value})`;
}

function quoted(name: string | undefined): string {
  return name === undefined ? '' : `'${name}' `;
}

/** Write requests the storefront changes send: adds share batch POSTs of 25, every other change one request. */
export function countStorefrontRequests(plan: Pick<Plan, 'storefront'>): number {
  const changes = plan.storefront?.changes ?? [];
  const adds = changes.filter((change) => change.action === 'assignment_add').length;
  return Math.ceil(adds / MAX_ASSIGNMENT_BATCH_SIZE) + changes.length - adds;
}

/** Whether a plan changes anything at all: a group, an assignment or a channel's roles. */
export function hasChanges(plan: Pick<Plan, 'changes' | 'storefront'>): boolean {
  return plan.changes.length > 0 || (plan.storefront?.changes.length ?? 0) > 0;
}

/** Drift words: what the store has against what the files say, a line per assignment or channel. */
export function storefrontDriftLines(storefront: StorefrontPlan | undefined): string[] {
  if (!storefront) return [];
  return storefront.changes.map((change) => {
    const text = describeStorefrontChange(change, storefront);
    switch (change.action) {
      case 'assignment_add':
        return `${text}: in a file but not in the store`;
      case 'assignment_remove':
        return `${text}: in the store, not in the file`;
      case 'assignment_move':
        return `${text} (the store has the first, the file says the second)`;
      case 'channel_roles':
        return `${text} (the store has the first, the files say the second)`;
    }
  });
}
