// A saved plan is only safe to apply against the store it was made from (check.ts), unchanged since.
import { HOLDER_FLAGS, type Change, type LiveGroup, type SavedPlan } from '../model/index.js';
import { fingerprint, nameKey } from '../model/normalize.js';

/** Every reason the saved plan no longer fits the live store, each naming the group; empty when fresh. */
export function findStaleReasons(saved: SavedPlan, liveGroups: LiveGroup[]): string[] {
  const reasons: string[] = [];
  const liveById = new Map(liveGroups.map((group) => [group.id, group]));
  const touched = touchedGroups(saved.plan.changes);
  for (const change of touched.values()) {
    const live = liveById.get(change.id);
    const label = `group '${change.name}' (id ${change.id})`;
    if (!live) {
      reasons.push(`${label} no longer exists`);
      continue;
    }
    const planned = saved.live[String(change.id)] ?? {
      date_modified: undefined,
      fingerprint: fingerprint(change.before),
    };
    if (planned.date_modified !== undefined && planned.date_modified !== live.date_modified) {
      reasons.push(
        `${label} was modified since planning (date_modified ${planned.date_modified ?? 'none'} ` +
          `-> ${live.date_modified ?? 'none'})`,
      );
    } else if (planned.fingerprint !== fingerprint(live)) {
      reasons.push(`${label} changed content since planning`);
    }
  }
  const untouched = liveGroups.filter((group) => !touched.has(group.id));
  for (const change of saved.plan.changes) {
    if (change.action === 'delete') continue;
    const label =
      change.action === 'create'
        ? `group '${change.after.name}' the plan creates`
        : `the new name '${change.after.name}' of group ${change.id}`;
    // A live group the plan itself renames or deletes may hold the name now; its own checks cover it.
    const renamed = change.action === 'create' || change.fields.includes('name');
    const nameHolder = renamed
      ? untouched.find((group) => nameKey(group.name) === nameKey(change.after.name))
      : undefined;
    if (nameHolder) reasons.push(`${label} is now taken by group '${nameHolder.name}' (id ${nameHolder.id})`);
    for (const flag of HOLDER_FLAGS) {
      if (!change.after[flag] || (change.action === 'update' && change.before[flag])) continue;
      // The plan would take the flag from a group it never mentions: with the API's "move" behaviour, silently.
      const flagHolder = untouched.find((group) => group[flag]);
      if (flagHolder)
        reasons.push(
          `group '${flagHolder.name}' (id ${flagHolder.id}) now holds ${flag}, ` +
            `which the plan gives to '${change.after.name}'`,
        );
    }
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
