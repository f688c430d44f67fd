// Whom a change touches, in words: the customers of its group, what a delete takes from them, and the
// reach of the guest flag. Counts come from the plan (read when planned); nothing here reads the store.
import type { Change, Plan } from '../model/index.js';
import { count as countOf } from '../text/words.js';

/** Lines for one change; none for a plan made without the store reads (customers absent). */
export function audienceLines(change: Change): string[] {
  if (change.customers === undefined) return [];
  const lines: string[] = [];
  const counted = describeCount(change);
  if (counted) lines.push(counted);
  const guest = describeGuestReach(change);
  if (guest) lines.push(guest);
  return lines;
}

function describeCount(change: Change): string | undefined {
  const customers = change.customers;
  if (customers === undefined) return undefined;
  if (change.action === 'delete' && change.merge_into) {
    const moving = customers === null ? 'its customers (not counted, --no-customers)' : countOf(customers, 'customer');
    const verb = customers === 1 ? 'moves' : 'move';
    return `${moving} ${verb} to ${change.merge_into.name} first (at most 10 a request); the group goes once empty`;
  }
  if (customers === null) return 'customers not counted (--no-customers)';
  if (change.action === 'create') return 'a new group: no customers yet';
  const them = countOf(customers, 'customer');
  if (change.action === 'delete')
    return customers === 0
      ? 'no customers in this group: nobody loses its pricing'
      : `${them} in this group lose its pricing`;
  return `${them} in this group`;
}

/** The guest group prices every shopper who is not signed in, so gaining or losing the flag reaches them all. */
function describeGuestReach(change: Change): string | undefined {
  const before = change.action === 'create' ? false : change.before.is_group_for_guests;
  const after = change.action === 'delete' ? false : change.after.is_group_for_guests;
  if (before === after) return undefined;
  return after
    ? "guest flag: this group's pricing will apply to every shopper who is not signed in"
    : "guest flag: every shopper who is not signed in stops getting this group's pricing";
}

/** "Read requests: 11 (1 for groups, 8 for categories, ...)": the one closing count of what the plan read. */
export function describeReadRequests(plan: Pick<Plan, 'reads'>): string {
  if (!plan.reads) return '';
  const { groups, categories, products, price_lists: priceLists, customers } = plan.reads.requests;
  const { channels, channel_settings: settings, assignments, references } = plan.reads.requests;
  // The storefront kinds are shown only when read, so plans of files without those keys read as before.
  const storefront = [
    channels === undefined ? '' : `${channels} for channels`,
    settings === undefined ? '' : `${settings} for channel settings`,
    assignments === undefined ? '' : `${assignments} for assignments`,
  ].filter(Boolean);
  const extra = (channels ?? 0) + (settings ?? 0) + (assignments ?? 0) + (references ?? 0);
  const total = groups + categories + products + priceLists + customers + extra;
  const parts = [
    `${groups} for groups`,
    `${categories} for categories`,
    `${products} for products`,
    `${priceLists} for price lists`,
    ...storefront,
    `${customers} for customer counts`,
    ...(references === undefined ? [] : [`${references} for what names the deleted groups`]),
  ];
  return `Read requests: ${total} (${parts.join(', ')}).`;
}
