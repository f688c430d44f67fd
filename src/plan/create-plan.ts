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
import { HOLDER_FLAGS } from '../model/index.js';
import { nameKey } from '../model/normalize.js';
import { PlanError } from '../errors.js';
import { count as countOf } from '../text/words.js';
import { planCreate, planDelete, planMergeDelete, planUnmanagedRelease, planUpdates } from './diff.js';
import { planHolders } from './holders.js';
import { matchGroups, type MatchedPair } from './identity.js';
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
  const mergedInto = collectMerges(desiredGroups);
  const merged = new Set(match.unmanaged.filter((live) => mergedInto.has(nameKey(live.name))).map((live) => live.id));
  refuseMergeCycles(match.unmanaged, mergedInto, match.creates);
  const holders = planHolders(match, options.prune, merged);
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
    const into = mergedInto.get(nameKey(live.name));
    if (into) {
      const target = match.pairs.find((pair) => pair.desired === into)?.live.id;
      changes.push(planMergeDelete(live, holders, into, target));
      continue;
    }
    const change = options.prune
      ? planDelete(live, holders, excludedByName.get(nameKey(live.name)))
      : planUnmanagedRelease(live, holders);
    if (change) changes.push(change);
  }
  const unmanaged = options.prune
    ? []
    : match.unmanaged.filter((group) => !merged.has(group.id)).map((group) => ({ id: group.id, name: group.name }));
  const ordered = orderChanges(changes);
  const notes = noteDoneRenames(match.pairs);
  return {
    changes: ordered,
    unchanged: unchanged.sort(compareRefs),
    unmanaged: unmanaged.sort(compareRefs),
    summary: summarize(ordered, unchanged.length, unmanaged.length),
    refusals: [],
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** Each merged name (as names compare) -> the desired group it merges into; validation keeps them unique. */
function collectMerges(desiredGroups: readonly DesiredGroup[]): Map<string, DesiredGroup> {
  const merges = new Map<string, DesiredGroup>();
  for (const desired of desiredGroups) for (const name of desired.merged_from ?? []) merges.set(nameKey(name), desired);
  return merges;
}

/**
 * A new group that takes the guest or default flag from the group it merges would wait for that group's
 * delete to free the flag, and the delete for the new group to move its customers into: no order exists.
 */
function refuseMergeCycles(
  unmanaged: readonly LiveGroup[],
  mergedInto: ReadonlyMap<string, DesiredGroup>,
  creates: readonly DesiredGroup[],
): void {
  const problems = unmanaged.flatMap((live) => {
    const into = mergedInto.get(nameKey(live.name));
    const flag = HOLDER_FLAGS.find((candidate) => live[candidate] && into?.[candidate]);
    if (!into || !flag || !creates.includes(into)) return [];
    const position = into.source.positions['/merged_from'] ?? into.source;
    return [
      {
        file: into.source.file,
        line: position.line,
        col: position.col,
        field: 'merged_from',
        message:
          `${into.name} is not in the store yet and takes ${flag} from '${live.name}', which it merges: the flag ` +
          `must leave '${live.name}' before ${into.name} is created, and its customers cannot move before then`,
        hint: `apply once without merged_from (${into.name} is created and takes the flag), then add merged_from back`,
      },
    ];
  });
  if (problems.length > 0) throw new PlanError(`${countOf(problems.length, 'problem')} planning a merge`, problems);
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
