// A group's storefront keys with ids in place of names, and the clashes only ids reveal: one channel named
// twice (by name and by id) in the group's assignments or in one role list.
import type { Problem } from '../errors.js';
import type { LoadedGroup, StorefrontKeysOf } from '../model/index.js';
import { toFieldPath } from '../schema/pointer.js';

type ProblemAt = (pointer: string, message: string, hint?: string) => Problem;

/** The keys the file manages, resolved; absent keys stay absent (not managed). */
export function resolveStorefrontKeys(
  group: LoadedGroup,
  idAt: (pointer: string) => number,
  problemAt: ProblemAt,
): { keys: StorefrontKeysOf<'resolved'>; claims: RoleClaim[] } | { problems: Problem[] } {
  const keys: StorefrontKeysOf<'resolved'> = {};
  const problems: Problem[] = [];
  const claims: RoleClaim[] = [];
  if (group.price_lists) {
    const seen = new Map<string, string>();
    keys.price_lists = group.price_lists.map((entry, index) => {
      const at = `/price_lists/${index}/`;
      const listKey = 'price_list_id' in entry ? 'price_list_id' : 'price_list';
      const channelKey = 'channel_id' in entry ? 'channel_id' : 'channel' in entry ? 'channel' : undefined;
      const channelId = channelKey ? idAt(`${at}${channelKey}`) : null;
      const place = channelId === null ? 'every channel' : `channel ${channelId}`;
      const earlier = seen.get(place);
      if (earlier)
        problems.push(
          problemAt(
            channelKey ? `${at}${channelKey}` : `/price_lists/${index}`,
            `${place} already has a price list in this group: ${earlier} names the same channel`,
            'a group has one price list per channel and one for every channel; keep one of them',
          ),
        );
      else seen.set(place, toFieldPath(`/price_lists/${index}`));
      return { price_list_id: idAt(`${at}${listKey}`), channel_id: channelId };
    });
  }
  for (const key of ['default_on_channels', 'guest_on_channels'] as const) {
    const refs = group[key];
    if (!refs) continue;
    const ids = refs.map((_, index) => idAt(`/${key}/${index}`));
    ids.forEach((channel, index) =>
      claims.push({
        key,
        channel,
        problemAt: (message, hint) => problemAt(`/${key}/${index}`, message, hint),
        file: group.source.file,
      }),
    );
    ids.forEach((id, index) => {
      const first = ids.indexOf(id);
      if (first < index)
        problems.push(
          problemAt(`/${key}/${index}`, `channel ${id} is listed twice: ${key}[${first}] names the same channel`),
        );
    });
    keys[key] = [...new Set(ids)].sort((a, b) => a - b);
  }
  return problems.length > 0 ? { problems } : { keys, claims };
}

/** One file's claim of one channel's role, resolved to the channel's id. */
export interface RoleClaim {
  key: 'default_on_channels' | 'guest_on_channels';
  channel: number;
  file: string;
  problemAt: (message: string, hint?: string) => Problem;
}

/** Two files claiming one channel's role by different spellings (a name and an id): only ids show it. */
export function findRoleClashes(claims: readonly RoleClaim[]): Problem[] {
  const byRole = new Map<string, RoleClaim[]>();
  for (const claim of claims) {
    const key = `${claim.key}:${claim.channel}`;
    byRole.set(key, [...(byRole.get(key) ?? []), claim]);
  }
  const problems: Problem[] = [];
  for (const holders of byRole.values()) {
    const files = [...new Set(holders.map((holder) => holder.file))];
    if (files.length < 2) continue;
    for (const holder of holders)
      problems.push(
        holder.problemAt(
          `channel ${holder.channel} is in ${holder.key} of ${files.length} files (${files.join(', ')}); one is`,
          `list the channel in ${holder.key} of one file only`,
        ),
      );
  }
  return problems;
}
