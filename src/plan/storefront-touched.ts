// The live groups a plan's storefront changes touch: the group of each assignment change, and the groups a
// channel's roles leave or reach. Safety counts them as updated groups.
import type { StorefrontChange } from '../model/index.js';

export function listStorefrontTouched(changes: readonly StorefrontChange[]): number[] {
  const ids = new Set<number>();
  for (const change of changes) {
    if (change.action !== 'channel_roles') {
      if ('id' in change.group) ids.add(change.group.id);
      continue;
    }
    for (const role of ['guest_customer_group_id', 'default_customer_group_id'] as const) {
      const [before, after] = [change.before[role], change.after[role]];
      if (before === after) continue;
      for (const value of [before, after]) if (typeof value === 'number' && value > 0) ids.add(value);
    }
  }
  return [...ids].sort((a, b) => a - b);
}
