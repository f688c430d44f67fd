// The one set of builders of groups and changes for tests: only what a case is about needs spelling out.
import type { AccessType, Change, DesiredGroup, DiscountRule, GroupState, LiveGroup } from '../../src/model/index.js';
import { GROUP_FIELDS } from '../../src/model/index.js';
import { differingFields, normalizeAccess, normalizeRules, toWireBody } from '../../src/model/normalize.js';
import { changeKey } from '../../src/plan/index.js';

type RuleInput = Parameters<typeof normalizeRules>[0] extends readonly (infer R)[] | undefined ? R : never;

export interface GroupOver {
  name?: string;
  is_default?: boolean;
  is_group_for_guests?: boolean;
  category_access?: { type: AccessType; categories?: (number | string)[] };
  /** Any accepted spelling: amounts as "5.0000" or 5, ids as strings; normalized like the loader and client do. */
  discount_rules?: RuleInput[];
}

export function desired(name: string, over: GroupOver & { id?: number; file?: string } = {}): DesiredGroup {
  const file = over.file ?? `groups/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.yaml`;
  return {
    ...(over.id === undefined ? {} : { id: over.id }),
    ...stateOf(name, over),
    source: { file, line: 1, col: 1, positions: over.id === undefined ? {} : { '/id': { line: 2, col: 5 } } },
  };
}

export function live(id: number, name: string, over: GroupOver & { date_modified?: string } = {}): LiveGroup {
  return {
    id,
    ...stateOf(name, over),
    date_created: '2024-01-02 03:04:05',
    date_modified: over.date_modified ?? '2024-05-06 07:08:09',
  };
}

function stateOf(name: string, over: GroupOver) {
  return {
    name: over.name ?? name,
    is_default: over.is_default ?? false,
    is_group_for_guests: over.is_group_for_guests ?? false,
    category_access: normalizeAccess(over.category_access),
    discount_rules: normalizeRules(over.discount_rules),
  };
}

export const rule = {
  all: (amount: number | string, method: 'percent' | 'fixed' | 'price' = 'percent'): RuleInput => ({
    type: 'all',
    method,
    amount,
  }),
  category: (
    category_id: number | string,
    amount: number | string,
    method: 'percent' | 'fixed' | 'price' = 'percent',
  ): RuleInput => ({ type: 'category', method, amount, category_id }),
  product: (
    product_id: number | string,
    amount: number | string,
    method: 'percent' | 'fixed' | 'price' = 'percent',
  ): RuleInput => ({ type: 'product', method, amount, product_id }),
  priceList: (price_list_id: number | string): RuleInput => ({ type: 'price_list', price_list_id }),
};

export type { DiscountRule };

/** A whole group state, for apply's changes. */
export function state(name: string, over: Partial<GroupState> = {}): GroupState {
  return {
    name,
    is_default: false,
    is_group_for_guests: false,
    category_access: { type: 'all' },
    discount_rules: [],
    ...over,
  };
}

export function createChange(after: GroupState, depends_on: string[] = []): Change {
  return {
    action: 'create',
    key: changeKey({ action: 'create', name: after.name }),
    id: null,
    name: after.name,
    reasons: [{ fact: 'not_live' }],
    depends_on,
    body: toWireBody(after, GROUP_FIELDS),
    after,
  };
}

export function updateChange(
  id: number,
  before: GroupState,
  after: GroupState,
  options: { key?: string; depends_on?: string[] } = {},
): Change {
  const fields = differingFields(before, after, GROUP_FIELDS);
  return {
    action: 'update',
    key: options.key ?? changeKey({ action: 'update', id, kind: 'edit' }),
    name: after.name,
    reasons: [],
    depends_on: options.depends_on ?? [],
    body: toWireBody(after, fields),
    id,
    before,
    after,
    fields,
    kind: 'edit',
  };
}

export function deleteChange(id: number, before: GroupState, depends_on: string[] = []): Change {
  return {
    action: 'delete',
    key: changeKey({ action: 'delete', id }),
    name: before.name,
    reasons: [{ fact: 'unmanaged' }],
    depends_on,
    body: {},
    id,
    before,
  };
}
