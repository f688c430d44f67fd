// Rules about a group's storefront keys that a JSON Schema cannot say: one assignment per channel (and one
// for every channel), and no assignment beside discounts, which BigCommerce refuses. Across files: one
// default and one guest group per channel. Values are read defensively: files may fail the schema too.
import type { Problem } from '../errors.js';
import { clipQuoted } from '../text/clip.js';
import type { ParsedFile } from '../yaml/parse.js';
import { locate, toFieldPath, valueAt, type PositionIndex } from '../schema/pointer.js';

/** The problems of one file's price_lists. */
export function checkStorefrontRules(file: string, value: unknown, positions: PositionIndex): Problem[] {
  const entries = valueAt(value, '/price_lists');
  if (!Array.isArray(entries)) return [];
  const problemAt = (pointer: string, message: string, hint: string): Problem => ({
    file,
    ...locate(positions, pointer),
    field: toFieldPath(pointer),
    message,
    hint,
  });
  const lineOf = (index: number) => locate(positions, `/price_lists/${index}`).line;
  const problems: Problem[] = [];
  const firstByChannel = new Map<string, number>();
  entries.forEach((entry, index) => {
    const channel = describeChannelOf(entry);
    if (channel === undefined) return;
    const first = firstByChannel.get(channel);
    if (first === undefined) firstByChannel.set(channel, index);
    else
      problems.push(
        problemAt(
          `/price_lists/${index}`,
          `${channel} already has a price list in this group, at line ${lineOf(first)}`,
          'a group has at most one price list per channel and one for every channel (no channel); keep one',
        ),
      );
  });
  const rules = valueAt(value, '/discount_rules');
  if (entries.length > 0 && Array.isArray(rules) && rules.length > 0) {
    const linked = rules.some((rule) => valueAt(rule, '/type') === 'price_list');
    const rulesLine = locate(positions, '/discount_rules').line;
    problems.push(
      linked
        ? problemAt(
            '/price_lists',
            `the price_list rule at line ${rulesLine} and price_lists both assign price lists; BigCommerce keeps ` +
              'one assignment of a group for every channel, so the two would fight',
            'move the price_list rule into price_lists as an entry without a channel, and remove discount_rules',
          )
        : problemAt(
            '/price_lists',
            'BigCommerce refuses a price list assignment on a group with customer group discounts ' +
              `(discount_rules, line ${rulesLine})`,
            'give the group price lists or discounts, not both: remove discount_rules, or empty price_lists',
          ),
    );
  }
  return problems;
}

/** "every channel", "channel 'EU'", "channel 2"; undefined for an entry the schema refuses anyway. */
function describeChannelOf(entry: unknown): string | undefined {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
  const { channel, channel_id: channelId } = entry as { channel?: unknown; channel_id?: unknown };
  if (channel === undefined && channelId === undefined) return 'every channel';
  if (typeof channel === 'string') return `channel '${clipQuoted(channel)}'`;
  if (Number.isInteger(channelId)) return `channel ${String(channelId)}`;
  return undefined;
}

const ROLE_WORDS = { default_on_channels: 'default group', guest_on_channels: 'guest group' } as const;

/** Across the files of one store: a channel has one default and one guest group, as the store has one each. */
export function checkChannelRoles(files: readonly ParsedFile[]): Problem[] {
  const problems: Problem[] = [];
  for (const key of ['default_on_channels', 'guest_on_channels'] as const) {
    const claims = new Map<string, { parsed: ParsedFile; pointer: string }[]>();
    for (const parsed of files) {
      const channels = valueAt(parsed.value, `/${key}`);
      if (!Array.isArray(channels)) continue;
      channels.forEach((channel, index) => {
        if (typeof channel !== 'string' && !Number.isInteger(channel)) return;
        const ref = typeof channel === 'string' ? `channel '${clipQuoted(channel)}'` : `channel ${channel}`;
        claims.set(ref, [...(claims.get(ref) ?? []), { parsed, pointer: `/${key}/${index}` }]);
      });
    }
    for (const [ref, holders] of claims) {
      if (holders.length < 2) continue;
      const where = holders.map(({ parsed, pointer }) => `${parsed.file}:${locate(parsed.positions, pointer).line}`);
      for (const { parsed, pointer } of holders)
        problems.push({
          file: parsed.file,
          ...locate(parsed.positions, pointer),
          field: toFieldPath(pointer),
          message: `${holders.length} files make ${ref} their ${ROLE_WORDS[key]} (${where.join(', ')}); one is allowed`,
          hint: `list the channel in ${key} of one file only`,
        });
    }
  }
  return problems;
}
