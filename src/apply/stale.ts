// A saved plan is only safe to apply against the store it was made from, unchanged since.
import type { Change, LiveGroup, SavedPlan } from '../model.js';
import { fingerprint } from '../normalize.js';

/** Every reason the saved plan no longer fits the live store, each naming the group; empty when fresh. */
export function findStaleReasons(saved: SavedPlan, liveGroups: LiveGroup[], storeHash: string): string[] {
  const reasons: string[] = [];
  if (saved.store_hash !== storeHash) {
    reasons.push(`the plan was made for store '${saved.store_hash}', but this is store '${storeHash}'`);
  }
  const liveById = new Map(liveGroups.map((group) => [group.id, group]));
  const touched = touchedGroups(saved.changes);
  for (const change of touched.values()) {
    const live = liveById.get(change.id);
    const label = `group '${change.name}' (id ${change.id})`;
    if (!live) {
      reasons.push(`${label} no longer exists`);
      continue;
    }
    const planned = saved.live[String(change.id)] ?? { date_modified: undefined, fingerprint: fingerprint(change.before) };
    if (planned.date_modified !== undefined && planned.date_modified !== live.date_modified) {
      reasons.push(`${label} was modified since planning (date_modified ${planned.date_modified ?? 'none'} -> ${live.date_modified ?? 'none'})`);
    } else if (planned.fingerprint !== fingerprint(live)) {
      reasons.push(`${label} changed content since planning`);
    }
  }
  for (const change of saved.changes) {
    if (change.action !== 'create') continue;
    // A live group the plan itself renames or deletes may hold the name now; its own checks cover it.
    const holder = liveGroups.find((group) => group.name === change.after.name && !touched.has(group.id));
    if (holder) reasons.push(`group '${change.after.name}' the plan creates now exists (id ${holder.id})`);
  }
  return reasons;
}

/** The first update or delete of each live group the plan touches, by id. */
function touchedGroups(changes: readonly Change[]): Map<number, Exclude<Change, { action: 'create' }>> {
  const touched = new Map<number, Exclude<Change, { action: 'create' }>>();
  for (const change of changes) {
    if (change.action !== 'create' && !touched.has(change.id)) touched.set(change.id, change);
  }
  return touched;
}
