// A seeded set of channels and price list assignments is checked against what a real store could hold
// (the channels and price lists specs), so the sandbox never serves a store that could not exist.
import { CHANNEL_STATUSES, CHANNEL_TYPES } from './channels.js';

type Fields = Record<string, unknown>;

const CHANNEL_FIELDS = ['id', 'name', 'type', 'platform', 'status', 'customer_settings'];
const SETTINGS_FIELDS = ['privacy_settings', 'customer_group_settings', 'allow_global_logins'];
const GROUP_SETTINGS_FIELDS = ['guest_customer_group_id', 'default_customer_group_id'];
const ASSIGNMENT_FIELDS = ['id', 'price_list_id', 'customer_group_id', 'channel_id'];

export interface StorefrontIds {
  groups: ReadonlySet<number>;
  /** Undefined when the seed has no catalog: price list ids cannot be checked then. */
  priceLists: ReadonlySet<number> | undefined;
}

/** Messages for every seeded channel and assignment no store could hold. */
export function findStorefrontProblems(channels: unknown, assignments: unknown, ids: StorefrontIds): string[] {
  const problems: string[] = [];
  const channelIds = new Set<number>([1]);
  if (channels !== undefined && !Array.isArray(channels)) problems.push('channels must be a list');
  const seen = new Set<number>();
  (Array.isArray(channels) ? channels : []).forEach((entry: unknown, index) => {
    const named = isRecord(entry) && typeof entry.name === 'string' && entry.name !== '';
    const at = `channel ${index + 1}${named ? ` ('${entry.name}')` : ''}`;
    if (!isRecord(entry)) return void problems.push(`${at}: must be a mapping`);
    problems.push(...unknownKeys(entry, CHANNEL_FIELDS, at));
    if (!isPositiveInt(entry.id)) problems.push(`${at}: id must be a positive integer`);
    else if (seen.has(entry.id as number)) problems.push(`${at}: id ${entry.id} is used twice`);
    else seen.add(entry.id as number);
    if (isPositiveInt(entry.id)) channelIds.add(entry.id as number);
    if (typeof entry.name !== 'string' || entry.name.trim() === '')
      problems.push(`${at}: name must be a non-empty string`);
    if (entry.type !== undefined && !(CHANNEL_TYPES as readonly unknown[]).includes(entry.type))
      problems.push(`${at}: type must be one of ${CHANNEL_TYPES.join(', ')}`);
    if (entry.status !== undefined && !(CHANNEL_STATUSES as readonly unknown[]).includes(entry.status))
      problems.push(`${at}: status must be one of ${CHANNEL_STATUSES.join(', ')}`);
    if (entry.platform !== undefined && (typeof entry.platform !== 'string' || entry.platform === ''))
      problems.push(`${at}: platform must be a non-empty string`);
    if (entry.customer_settings !== undefined) problems.push(...checkSettings(entry.customer_settings, at, ids));
  });
  problems.push(...checkAssignments(assignments, channelIds, ids));
  return problems;
}

function checkSettings(raw: unknown, at: string, ids: StorefrontIds): string[] {
  const where = `${at}: customer_settings`;
  if (!isRecord(raw)) return [`${where} must be a mapping`];
  const problems = unknownKeys(raw, SETTINGS_FIELDS, where);
  const groups = raw.customer_group_settings;
  if (groups === undefined) return problems;
  if (!isRecord(groups)) return [...problems, `${where}.customer_group_settings must be a mapping`];
  problems.push(...unknownKeys(groups, GROUP_SETTINGS_FIELDS, `${where}.customer_group_settings`));
  for (const field of GROUP_SETTINGS_FIELDS) {
    const id = groups[field];
    if (id === undefined || id === null || id === 0) continue;
    if (!isPositiveInt(id) || !ids.groups.has(id as number))
      problems.push(`${where}.customer_group_settings.${field}: ${JSON.stringify(id)} is no group of the seed`);
  }
  return problems;
}

function checkAssignments(raw: unknown, channelIds: ReadonlySet<number>, ids: StorefrontIds): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return ['price_list_assignments must be a list'];
  const problems: string[] = [];
  const rowIds = new Set<number>();
  const pairs = new Map<string, number>();
  raw.forEach((entry: unknown, index) => {
    const at = `price list assignment ${index + 1}`;
    if (!isRecord(entry)) return void problems.push(`${at}: must be a mapping`);
    problems.push(...unknownKeys(entry, ASSIGNMENT_FIELDS, at));
    if (entry.id !== undefined) {
      if (!isPositiveInt(entry.id)) problems.push(`${at}: id must be a positive integer`);
      else if (rowIds.has(entry.id as number)) problems.push(`${at}: id ${entry.id} is used twice`);
      else rowIds.add(entry.id as number);
    }
    if (!isPositiveInt(entry.price_list_id)) problems.push(`${at}: price_list_id must be a positive integer`);
    else if (ids.priceLists && !ids.priceLists.has(entry.price_list_id as number))
      problems.push(`${at}: price_list_id ${entry.price_list_id} is no price list of the catalog`);
    const group = entry.customer_group_id ?? 0;
    if (!(Number.isInteger(group) && (group as number) >= 0))
      problems.push(`${at}: customer_group_id must be 0 (the channel's default) or a group id`);
    else if (group !== 0 && !ids.groups.has(group as number))
      problems.push(`${at}: customer_group_id ${group} is no group of the seed`);
    const channel = entry.channel_id;
    if (channel !== undefined && !(isPositiveInt(channel) && channelIds.has(channel as number)))
      problems.push(`${at}: channel_id ${JSON.stringify(channel)} is no channel of the seed`);
    if (group === 0 && channel === undefined)
      problems.push(`${at}: a channel's default price list (customer_group_id 0) needs a channel_id`);
    const pair = `${String(group)}/${String(channel ?? 'any')}`;
    const first = pairs.get(pair);
    if (first !== undefined) problems.push(`${at}: assignment ${first + 1} already assigns this group on this channel`);
    else pairs.set(pair, index);
  });
  return problems;
}

function unknownKeys(entry: Fields, allowed: readonly string[], at: string): string[] {
  return Object.keys(entry)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${at}: unknown field '${key}' (allowed: ${allowed.join(', ')})`);
}

function isRecord(value: unknown): value is Fields {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

function isPositiveInt(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
