// A checked group file -> the normalized DesiredGroup the planner compares, keeping where things were.
import { createHash } from 'node:crypto';
import type { DesiredGroup, GroupFile, Position } from '../model.js';
import { API_DEFAULTS, canonicalJson, normalizeAccess, normalizeRules, pickState } from '../normalize.js';
import type { ParsedFile } from './parse.js';

export function buildDesiredGroup(parsed: ParsedFile, group: GroupFile): DesiredGroup {
  const { keys, values } = parsed.positions;
  const positions: Record<string, Position> = {};
  for (const [pointer, position] of values) positions[pointer] = keys.get(pointer) ?? position;
  const root = values.get('') ?? { line: 1, col: 1 };
  return {
    ...(group.id === undefined ? {} : { id: group.id }),
    name: group.name,
    is_default: group.is_default ?? API_DEFAULTS.is_default,
    is_group_for_guests: group.is_group_for_guests ?? API_DEFAULTS.is_group_for_guests,
    category_access: normalizeAccess(group.category_access),
    discount_rules: normalizeRules(group.discount_rules),
    source: { file: parsed.file, line: root.line, col: root.col, positions },
  };
}

/** sha256 of the normalized groups and their pins, independent of file names and order. */
export function hashDesiredGroups(groups: readonly DesiredGroup[]): string {
  const comparable = groups
    .map((group) => ({ id: group.id ?? null, ...pickState(group) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return createHash('sha256').update(canonicalJson(comparable)).digest('hex');
}
