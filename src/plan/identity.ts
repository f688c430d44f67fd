// Which live group is each desired group? Decided apart from field comparison: by pinned id, else by name.
import { PlanError, type Problem } from '../errors.js';
import type { DesiredGroup, LiveGroup } from '../model/index.js';
import { nameKey } from '../model/normalize.js';
import { describeNameDifference } from '../text/name-difference.js';
import { count as countOf } from '../text/words.js';

export interface MatchedPair {
  desired: DesiredGroup;
  live: LiveGroup;
  /** Matched by this earlier name (renamed_from): the live group still has it. */
  renamedFrom?: string;
}

export interface GroupMatch {
  pairs: MatchedPair[];
  /** Desired groups with no live match. */
  creates: DesiredGroup[];
  /** Live groups that no file describes. */
  unmanaged: LiveGroup[];
}

/** Pairs desired with live groups; throws a PlanError listing every pin or name conflict. */
export function matchGroups(desiredGroups: readonly DesiredGroup[], liveGroups: readonly LiveGroup[]): GroupMatch {
  refuseRepeatedIds(liveGroups);
  const liveById = new Map(liveGroups.map((group) => [group.id, group]));
  const liveByName = new Map<string, LiveGroup[]>();
  for (const group of liveGroups)
    liveByName.set(nameKey(group.name), [...(liveByName.get(nameKey(group.name)) ?? []), group]);
  const claimedBy = new Map<number, DesiredGroup>();
  const problems: Problem[] = [];
  const pairs: MatchedPair[] = [];
  const creates: DesiredGroup[] = [];

  for (const desired of desiredGroups) {
    const found = findLiveMatch(desired, liveById, liveByName, problems);
    if (found === null) continue;
    const live = found?.live;
    if (!live) {
      creates.push(desired);
      continue;
    }
    const earlier = claimedBy.get(live.id);
    if (earlier) {
      problems.push(
        problemAt(
          desired,
          desired.id === undefined ? '' : 'id',
          `matches live group ${live.id} ('${live.name}'), which ${whereIs(earlier)} also matches`,
          'Each live group can be described by one file only: remove one, or pin a different id.',
        ),
      );
      continue;
    }
    claimedBy.set(live.id, desired);
    pairs.push(found.renamedFrom === undefined ? { desired, live } : { desired, live, renamedFrom: found.renamedFrom });
  }
  if (problems.length > 0) {
    throw new PlanError(`${countOf(problems.length, 'problem')} matching the group files to the live store`, problems);
  }
  const unmanaged = liveGroups.filter((group) => !claimedBy.has(group.id));
  return { pairs, creates, unmanaged };
}

/** The live match; undefined when there is none, null when the desired group is in error. */
function findLiveMatch(
  desired: DesiredGroup,
  liveById: Map<number, LiveGroup>,
  liveByName: Map<string, LiveGroup[]>,
  problems: Problem[],
): { live: LiveGroup; renamedFrom?: string } | undefined | null {
  const holders = liveByName.get(nameKey(desired.name)) ?? [];
  if (desired.id === undefined) {
    if (holders.length > 1) {
      const listed = holders.map((group) => `${group.id} ('${group.name}')`).join(', ');
      const differences = holders
        .filter((group) => group.name !== desired.name)
        .map(
          (group) =>
            ` '${desired.name}' ${describeNameDifference(desired.name, group.name)} '${group.name}' of ${group.id}.`,
        );
      problems.push(
        problemAt(
          desired,
          'name',
          `name '${desired.name}' matches ${holders.length} live groups: ${listed}; the store holds the name more than once, so the file cannot tell which it describes.${differences.join('')}`,
          `Pin the one this file describes (id: ${holders.map((group) => group.id).join(' or id: ')}); the others are then unmanaged.`,
        ),
      );
      return null;
    }
    const byName = holders[0];
    if (byName && byName.name !== desired.name) {
      problems.push(
        problemAt(
          desired,
          'name',
          `name '${desired.name}' ${describeNameDifference(desired.name, byName.name)} live group ${byName.id} ('${byName.name}'), and the store may count them as the same name`,
          `Pin id: ${byName.id} to rename that group, or choose a name that differs by more than case or Unicode normalization.`,
        ),
      );
      return null;
    }
    return findRenamed(desired, byName, liveByName, problems);
  }
  const pinned = liveById.get(desired.id);
  if (!pinned) {
    problems.push({
      ...problemAt(
        desired,
        'id',
        `pinned id ${desired.id} does not exist in the live store`,
        'Remove the id to create the group anew, or pin the id of an existing group.',
      ),
      code: 'pin-missing',
    });
    return null;
  }
  const byName = holders.find((group) => group.id !== pinned.id);
  if (byName && !holders.includes(pinned)) {
    problems.push({
      ...problemAt(
        desired,
        'name',
        `name '${desired.name}' belongs to live group ${byName.id}, but this file pins id ${pinned.id} (now '${pinned.name}')`,
        'Names are unique in the store: pick another name, or pin the other group.',
      ),
      code: 'name-taken',
    });
    return null;
  }
  return { live: pinned };
}

/**
 * By name, else by an earlier name (renamed_from), so a rename works in every store without ids. A store
 * with both the name and an earlier one cannot tell which group is meant: a problem, never a guess.
 */
function findRenamed(
  desired: DesiredGroup,
  byName: LiveGroup | undefined,
  liveByName: Map<string, LiveGroup[]>,
  problems: Problem[],
): { live: LiveGroup; renamedFrom?: string } | undefined | null {
  const earlier = (desired.renamed_from ?? []).flatMap((name) => liveByName.get(nameKey(name)) ?? []);
  if (earlier.length === 0) return byName && { live: byName };
  const [first] = earlier;
  if (byName || earlier.length > 1 || !first) {
    const holders = [...(byName ? [byName] : []), ...earlier]
      .map((group) => `'${group.name}' (id ${group.id})`)
      .join(' and ');
    const spare = earlier[earlier.length - 1]?.name ?? '';
    problems.push({
      ...problemAt(
        desired,
        'renamed_from',
        `the store has ${holders}: this group and ${byName ? 'a name it had' : 'more than one name it had'}, so it cannot tell which live group is this one`,
        `Delete or rename the extra group by hand, or drop '${spare}' from renamed_from (that group is then unmanaged, or deleted with --prune).`,
      ),
      code: 'renamed-clash',
    });
    return null;
  }
  return { live: first, renamedFrom: first.name };
}

/** One group twice in the list (it changed between pages, or answers are inconsistent): one copy would vanish from the plan. */
function refuseRepeatedIds(liveGroups: readonly LiveGroup[]): void {
  const namesById = new Map<number, string[]>();
  for (const group of liveGroups) namesById.set(group.id, [...(namesById.get(group.id) ?? []), group.name]);
  const repeated = [...namesById].filter(([, names]) => names.length > 1);
  if (repeated.length === 0) return;
  const lines = repeated.map(
    ([id, names]) => `  - id ${id}: ${countOf(names.length, 'group')} (${names.map((name) => `'${name}'`).join(', ')})`,
  );
  throw new PlanError(
    `The store sent the same group id more than once, so its list of groups is inconsistent:\n${lines.join('\n')}\nNothing was planned. Re-run (the list may have changed while it was read); if it persists, check the groups in the store's control panel.`,
  );
}

function problemAt(desired: DesiredGroup, field: string, message: string, hint: string): Problem {
  const position = (field && desired.source.positions[`/${field}`]) || desired.source;
  return { file: desired.source.file, line: position.line, col: position.col, field, message, hint };
}

function whereIs(desired: DesiredGroup): string {
  return `${desired.source.file}:${desired.source.line}:${desired.source.col}`;
}
