// The planner: a pure function of (desired groups, live groups, options) -> Plan. No file, no request.
import type { Change, DesiredGroup, GroupRef, LiveGroup, Plan, PlanSummary } from '../model.js';
import { planCreate, planDelete, planUnmanagedRelease, planUpdates } from './diff.js';
import { planHolders } from './holders.js';
import { matchGroups } from './identity.js';
import { orderChanges } from './order.js';

export interface PlanOptions {
  /** Delete live groups that no file describes. */
  prune: boolean;
}

export function createPlan(desiredGroups: readonly DesiredGroup[], liveGroups: readonly LiveGroup[], options: PlanOptions): Plan {
  const match = matchGroups(desiredGroups, liveGroups);
  const holders = planHolders(match, options.prune);
  const changes: Change[] = [];
  const unchanged: GroupRef[] = [];
  for (const { desired, live } of match.pairs) {
    const updates = planUpdates(desired, live, holders);
    if (updates.length > 0) changes.push(...updates);
    else unchanged.push({ id: live.id, name: live.name });
  }
  changes.push(...match.creates.map((desired) => planCreate(desired, holders)));
  for (const live of match.unmanaged) {
    const change = options.prune ? planDelete(live, holders) : planUnmanagedRelease(live, holders);
    if (change) changes.push(change);
  }
  const unmanaged = options.prune ? [] : match.unmanaged.map((group) => ({ id: group.id, name: group.name }));
  const ordered = orderChanges(changes);
  return {
    changes: ordered,
    unchanged: unchanged.sort(compareRefs),
    unmanaged: unmanaged.sort(compareRefs),
    summary: summarize(ordered, unchanged.length, unmanaged.length),
    refusals: [],
    requests: countRequests({ changes: ordered }),
  };
}

function compareRefs(a: GroupRef, b: GroupRef): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id;
}

/** Updates count groups, not requests: a swap's separate flag release is the same group. */
export function summarize(changes: readonly Change[], unchanged: number, unmanaged: number): PlanSummary {
  const updatedIds = new Set<number>();
  let create = 0;
  let remove = 0;
  for (const change of changes) {
    if (change.action === 'create') create++;
    else if (change.action === 'delete') remove++;
    else updatedIds.add(change.id);
  }
  return { create, update: updatedIds.size, delete: remove, unchanged, unmanaged };
}

/** What apply will send: one request per change. */
export function countRequests(plan: Pick<Plan, 'changes'>): number {
  return plan.changes.length;
}
