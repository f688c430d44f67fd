// A merge moves every customer of a group into another before deleting it. Where they go is what apply
// does, so it is never taken from the file alone: the groups/ of this checkout must say the same merge
// (a file named like the target lists the old group in merged_from), and a live target must be the group
// of that name, not one an edited id points at.
import { BcgroupsError } from '../errors.js';
import type { Change, LiveGroup, LoadedGroup } from '../model/index.js';
import { nameKey } from '../model/normalize.js';

export function checkMergeTargets(
  file: string,
  changes: readonly Change[],
  current: readonly LoadedGroup[] | undefined,
  liveGroups: readonly LiveGroup[],
): void {
  const problems = changes.flatMap((change) => {
    if (change.action !== 'delete' || !change.merge_into) return [];
    const target = change.merge_into;
    const old = `'${change.before.name}' into '${target.name}'`;
    const describer = current?.find(
      (group) =>
        nameKey(group.name) === nameKey(target.name) &&
        (group.merged_from ?? []).some((name) => nameKey(name) === nameKey(change.before.name)),
    );
    if (!describer) return [`the merge of ${old}: no file in groups/ lists it in merged_from now`];
    const live = target.id === null ? undefined : liveGroups.find((group) => group.id === target.id);
    if (target.id !== null && (!live || nameKey(live.name) !== nameKey(target.name)))
      return [`the merge of ${old}: group id ${target.id} is not '${target.name}' in the store`];
    return [];
  });
  if (problems.length === 0) return;
  throw new BcgroupsError(
    `${file} moves customers where groups/ does not say to:\n  ${problems.join('\n  ')}\n` +
      `Nothing was sent. Re-create the plan from groups/ with \`bcgroups plan --out ${file}\` and review it.`,
  );
}
