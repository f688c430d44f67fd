// The planner: a pure function of (desired groups, live groups, options) -> Plan. No file, no request.
import type {
  Change,
  DesiredGroup,
  ExcludedGroup,
  GroupRef,
  LiveGroup,
  Plan,
  PlanNote,
  PlanSummary,
} from '../model/index.js';
import { nameKey } from '../model/normalize.js';
import { planCreate, planDelete, planUnmanagedRelease, planUpdates } from './diff.js';
import { findMerges, planMerge, releasesFirst } from './merges.js';
import { planHolders } from './holders.js';
import { matchGroups, type MatchedPair } from './identity.js';
import { findNotices } from './notices.js';
import { orderChanges } from './order.js';
import { compareText } from '../text/compare.js';

export interface PlanOptions {
  /** Delete live groups that no file describes. */
  prune: boolean;
  /** Groups that files describe for other stores only: here they are not desired, like groups of no file. */
  excluded?: readonly ExcludedGroup[];
}

export function createPlan(
  desiredGroups: readonly DesiredGroup[],
  liveGroups: readonly LiveGroup[],
  options: PlanOptions,
): Plan {
  const match = matchGroups(desiredGroups, liveGroups);
  const merges = findMerges(desiredGroups, match);
  const holders = planHolders(match, options.prune, (live) => {
    const into = merges.get(live.id);
    return into === undefined ? undefined : !releasesFirst(live, into, match);
  });
  const changes: Change[] = [];
  const unchanged: GroupRef[] = [];
  for (const { desired, live, renamedFrom } of match.pairs) {
    const updates = planUpdates(desired, live, holders, renamedFrom);
    if (updates.length > 0) changes.push(...updates);
    else unchanged.push({ id: live.id, name: live.name });
  }
  changes.push(...match.creates.map((desired) => planCreate(desired, holders)));
  const excludedByName = new Map((options.excluded ?? []).map((group) => [nameKey(group.name), group]));
  for (const live of match.unmanaged) {
    const into = merges.get(live.id);
    if (into) {
      changes.push(...planMerge(live, into, match, holders));
      continue;
    }
    const change = options.prune
      ? planDelete(live, holders, excludedByName.get(nameKey(live.name)))
      : planUnmanagedRelease(live, holders);
    if (change) changes.push(change);
  }
  const unmanaged = options.prune
    ? []
    : match.unmanaged.filter((group) => !merges.has(group.id)).map((group) => ({ id: group.id, name: group.name }));
  const ordered = orderChanges(changes);
  const notes = noteDoneRenames(match.pairs);
  const notices = findNotices(ordered);
  return {
    changes: ordered,
    unchanged: unchanged.sort(compareRefs),
    unmanaged: unmanaged.sort(compareRefs),
    summary: summarize(ordered, unchanged.length, unmanaged.length),
    refusals: [],
    ...(notes.length > 0 ? { notes } : {}),
    ...(notices.length > 0 ? { notices } : {}),
  };
}

/** A file renamed by renamed_from whose store already has the new name: nothing to rename, and the plan says so. */
function noteDoneRenames(pairs: readonly MatchedPair[]): PlanNote[] {
  return pairs
    .filter((pair) => pair.desired.renamed_from && pair.renamedFrom === undefined && pair.desired.id === undefined)
    .map(({ desired, live }) => ({
      name: live.name,
      id: live.id,
      reasons: [{ fact: 'already_renamed', from: desired.renamed_from ?? [] }],
    }));
}

function compareRefs(a: GroupRef, b: GroupRef): number {
  return compareText(a.name, b.name) || a.id - b.id;
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
