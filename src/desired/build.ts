// A checked group file -> the LoadedGroup that resolution turns into what the planner compares, keeping
// where things were. Rules and categories keep the file's order, so problems can point into the file.
import { createHash } from 'node:crypto';
import type {
  CategoryAccessOf,
  DiscountRuleOf,
  GroupFile,
  LoadedGroup,
  Position,
  SourceRef,
  StorefrontKeysOf,
} from '../model/index.js';
import { API_DEFAULTS, canonicalJson, normalizeAmount, normalizeRule } from '../model/normalize.js';
import type { ParsedFile } from '../yaml/parse.js';
import type { PositionIndex } from '../schema/pointer.js';

export function buildDesiredGroup(parsed: ParsedFile, group: GroupFile): LoadedGroup {
  return {
    ...(typeof group.id === 'number' ? { id: group.id } : {}),
    ...(group.id !== undefined && typeof group.id === 'object' ? { pins: { ...group.id } } : {}),
    ...(group.renamed_from ? { renamed_from: [...group.renamed_from] } : {}),
    ...(group.merged_from ? { merged_from: [...group.merged_from] } : {}),
    ...(group.stores ? { stores: [...group.stores] } : {}),
    name: group.name,
    is_default: group.is_default ?? API_DEFAULTS.is_default,
    is_group_for_guests: group.is_group_for_guests ?? API_DEFAULTS.is_group_for_guests,
    category_access: loadAccess(group.category_access),
    discount_rules: (group.discount_rules ?? []).map(loadRule),
    ...pickStorefrontKeys(group),
    source: describeSource(parsed.file, parsed.positions),
  };
}

/** The group's source; its positions serve only plan-time messages, so they are found when first read. */
function describeSource(file: string, index: PositionIndex): SourceRef {
  let positions: Record<string, Position> | undefined;
  const root = (): Position => index.values.get('') ?? { line: 1, col: 1 };
  return {
    file,
    get line() {
      return root().line;
    },
    get col() {
      return root().col;
    },
    get positions() {
      if (!positions) {
        positions = {};
        for (const [pointer, position] of index.values) positions[pointer] = index.keys.get(pointer) ?? position;
      }
      return positions;
    },
  };
}

/** Only the keys the file has: an absent key is not managed, so it must stay absent. */
function pickStorefrontKeys(group: GroupFile): StorefrontKeysOf<'file'> {
  const keys: StorefrontKeysOf<'file'> = {};
  if (group.price_lists) keys.price_lists = group.price_lists.map((entry) => ({ ...entry }));
  if (group.default_on_channels) keys.default_on_channels = [...group.default_on_channels];
  if (group.guest_on_channels) keys.guest_on_channels = [...group.guest_on_channels];
  return keys;
}

function loadAccess(access: CategoryAccessOf<'file'> | undefined): CategoryAccessOf<'loaded'> {
  if (!access) return API_DEFAULTS.category_access;
  if (access.type !== 'specific') return { type: access.type };
  return { type: 'specific', categories: [...(access.categories ?? [])] };
}

/** Amounts normalized; a target by reference stays as written until resolved. */
function loadRule(rule: DiscountRuleOf<'file'>): DiscountRuleOf<'loaded'> {
  if ('category' in rule)
    return { type: 'category', method: rule.method, amount: normalizeAmount(rule.amount), category: rule.category };
  if ('product_sku' in rule)
    return {
      type: 'product',
      method: rule.method,
      amount: normalizeAmount(rule.amount),
      product_sku: rule.product_sku,
    };
  if ('price_list' in rule) return { type: 'price_list', price_list: rule.price_list };
  return normalizeRule(rule);
}

/**
 * sha256 of the groups as their files give them (references unresolved) and their pins, independent of
 * file names and the order of files, rules and categories.
 */
export function hashDesiredGroups(groups: readonly LoadedGroup[]): string {
  const sorted = [...groups].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // The hash of the canonical JSON of the whole sorted list, fed a group at a time so no one string holds it all.
  const hash = createHash('sha256').update('[');
  sorted.forEach((group, index) => hash.update(`${index > 0 ? ',' : ''}${canonicalJson(comparableOf(group))}`));
  return hash.update(']').digest('hex');
}

function comparableOf(group: LoadedGroup) {
  return {
    id: group.id ?? null,
    ...(group.renamed_from ? { renamed_from: group.renamed_from } : {}),
    ...(group.merged_from ? { merged_from: group.merged_from } : {}),
    name: group.name,
    is_default: group.is_default,
    is_group_for_guests: group.is_group_for_guests,
    category_access:
      group.category_access.type === 'specific'
        ? { type: 'specific', categories: sortCanonically(group.category_access.categories) }
        : group.category_access,
    discount_rules: sortCanonically(group.discount_rules),
    // Absent keys add nothing, so the hash of a file set without them is what it always was.
    ...(group.price_lists ? { price_lists: sortCanonically(group.price_lists) } : {}),
    ...(group.default_on_channels ? { default_on_channels: sortCanonically(group.default_on_channels) } : {}),
    ...(group.guest_on_channels ? { guest_on_channels: sortCanonically(group.guest_on_channels) } : {}),
  };
}

function sortCanonically<T>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, key: canonicalJson(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);
}
