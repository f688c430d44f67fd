// After apply, the rows and channel settings read again must hold what each applied storefront change wrote:
// an added or moved pair on its list, a removed row gone, a channel's two roles as set. A V2 group that a
// channel or an every-channel assignment explains is compared as the planner compared it.
import type {
  ChangeResult,
  ChannelGroupSettings,
  LiveAssignment,
  LiveGroup,
  StorefrontChange,
  StorefrontPlan,
} from '../model/index.js';
import type { ResultsByKey } from './storefronts.js';

export interface StorefrontReread {
  rows: readonly LiveAssignment[];
  settings: ReadonlyMap<number, ChannelGroupSettings>;
}

export function verifyStorefront(
  changes: readonly StorefrontChange[],
  results: readonly ChangeResult[],
  reread: StorefrontReread,
  done: ResultsByKey,
): ChangeResult[] {
  return results.map((result, index) => {
    const change = changes[index];
    if (!change || result.outcome !== 'applied') return result;
    const problem = findMismatch(change, reread, done);
    return problem ? { ...result, outcome: 'not_converged', error: problem } : result;
  });
}

function findMismatch(change: StorefrontChange, reread: StorefrontReread, done: ResultsByKey): string | undefined {
  if (change.action === 'assignment_remove')
    return reread.rows.some((row) => row.id === change.assignment_id)
      ? `row ${change.assignment_id} is still there`
      : undefined;
  if (change.action === 'channel_roles') {
    const live = reread.settings.get(change.channel_id);
    const wanted = (value: unknown) =>
      value !== null && typeof value === 'object' ? done.get((value as { created: string }).created)?.id : value;
    const same =
      live?.guest_customer_group_id === wanted(change.after.guest_customer_group_id) &&
      live?.default_customer_group_id === wanted(change.after.default_customer_group_id);
    return same ? undefined : `channel ${change.channel_id} does not hold the planned groups`;
  }
  const groupId = 'id' in change.group ? change.group.id : done.get(change.group.created)?.id;
  const row = reread.rows.find((live) => live.customer_group_id === groupId && live.channel_id === change.channel_id);
  return row?.price_list_id === change.price_list_id ? undefined : 'the store does not hold the planned assignment';
}

/** Re-read V2 groups as the planner compared them: a price_list rule mirroring the every-channel assignment. */
export function explainRereadGroups(
  groups: readonly LiveGroup[],
  storefront: Pick<StorefrontPlan, 'every_channel'>,
  done: ResultsByKey,
): LiveGroup[] {
  const lists = new Map<number, number>();
  for (const { group, price_list_id } of storefront.every_channel) {
    const id = 'id' in group ? group.id : done.get(group.created)?.id;
    if (id !== undefined) lists.set(id, price_list_id);
  }
  return groups.map((group) => {
    const [rule, ...others] = group.discount_rules;
    const mirrored = rule?.type === 'price_list' && others.length === 0 && lists.get(group.id) === rule.price_list_id;
    return mirrored ? { ...group, discount_rules: [] } : group;
  });
}
