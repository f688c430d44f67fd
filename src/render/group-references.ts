// What else in the store names a deleted group, in words, as the plan read it: each reference by kind, id
// and name, and each kind the token could not read with the scope it needs.
import {
  type Change,
  type GroupReference,
  type ReferenceKind,
  type ReferencesRefusal,
  REFERENCE_SCOPES,
  type ReferenceRole,
} from '../model/index.js';
import { count } from '../text/words.js';
import { escapeControl } from './escape.js';

const KIND_WORDS: Record<ReferenceKind, string> = {
  promotion: 'promotion',
  tax_zone: 'tax zone',
  price_list_assignment: 'price list assignment',
  channel: 'channel',
};

const UNCHECKED_WORDS: Record<ReferenceKind, string> = {
  promotion: 'promotions',
  tax_zone: 'tax zones',
  price_list_assignment: 'price list assignments',
  channel: "channels' guest and default groups",
};

const ROLE_WORDS: Record<ReferenceRole, string> = {
  eligible: 'only this group is eligible (group_ids)',
  excluded: 'excludes this group (excluded_group_ids): its customers would become eligible',
  shoppers: "targets this group's shoppers",
  assigned: "this group's prices",
  default_group: 'its default group for new customers',
  guest_group: 'its guest group',
};

/** "promotion 'Summer Sale' (id 3): excludes this group ...". Names come from the store: shown escaped. */
export function describeReference(reference: GroupReference): string {
  const name = escapeControl(reference.name);
  return `${KIND_WORDS[reference.kind]} '${name}' (id ${reference.id}): ${ROLE_WORDS[reference.role]}`;
}

/** "promotions not checked (needs scope store_v2_marketing_read_only)". */
export function describeUncheckedKind(kind: ReferenceKind): string {
  return `${UNCHECKED_WORDS[kind]} not checked (needs scope ${REFERENCE_SCOPES[kind]})`;
}

/** Lines under a delete: "named by ..." per reference, then each kind not checked; none when not read. */
export function referenceLines(change: Change): string[] {
  if (change.action !== 'delete' || change.references === undefined) return [];
  const unchecked = change.unchecked ?? [];
  if (change.references.length === 0 && unchecked.length === 0)
    return ['nothing else in the store names this group (promotions, tax zones, price lists, channels)'];
  return [
    ...change.references.map((reference) => `named by ${describeReference(reference)}`),
    ...unchecked.map(describeUncheckedKind),
  ];
}

/** The refusal: each group with what names it, and what could not be read. */
export function describeReferencesRefusal(refusal: ReferencesRefusal): string {
  const groups = refusal.groups.map((group) => {
    const named = group.references.map(describeReference);
    const unread = group.unchecked.map(describeUncheckedKind);
    return `'${escapeControl(group.name)}' (id ${group.id}): ${[...named, ...unread].join('; ')}`;
  });
  const what = `delete ${count(refusal.actual, 'group')} that the store still names, or that could not be checked`;
  return `${what}: ${groups.join(' | ')}.`;
}
