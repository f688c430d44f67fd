// merged_from: a live group no file describes is deleted once its customers moved into the group whose file
// names it, prune or not. When that group is new and takes the old group's guest or default flag, the flag
// leaves the old group in a request of its own first: the create waits for it, the merge for the create.
import {
  HOLDER_FLAGS,
  type Change,
  type DeleteChange,
  type DesiredGroup,
  type LiveGroup,
  type UpdateChange,
} from '../model/index.js';
import { nameKey } from '../model/normalize.js';
import { planDelete, planUnmanagedRelease } from './diff.js';
import { describeHandovers, type HolderPlan } from './holders.js';
import type { GroupMatch } from './identity.js';
import { changeKey } from './key.js';

/** Per unmanaged live group id that a file merges: the desired group it merges into. */
export function findMerges(desiredGroups: readonly DesiredGroup[], match: GroupMatch): Map<number, DesiredGroup> {
  const byName = new Map<string, DesiredGroup>();
  for (const desired of desiredGroups) for (const name of desired.merged_from ?? []) byName.set(nameKey(name), desired);
  const merges = new Map<number, DesiredGroup>();
  for (const live of match.unmanaged) {
    const into = byName.get(nameKey(live.name));
    if (into) merges.set(live.id, into);
  }
  return merges;
}

/** Whether the old group must release a flag before its merge target, which takes it, can be created. */
export function releasesFirst(live: LiveGroup, into: DesiredGroup, match: GroupMatch): boolean {
  return match.creates.includes(into) && HOLDER_FLAGS.some((flag) => live[flag] && into[flag]);
}

/** The changes of one merged group: its flag release when needed, then the delete that moves its customers. */
export function planMerge(live: LiveGroup, into: DesiredGroup, match: GroupMatch, holders: HolderPlan): Change[] {
  const targetId = match.pairs.find((pair) => pair.desired === into)?.live.id;
  const merged: DeleteChange['merge_into'] = { name: into.name, id: targetId ?? null };
  const waits = targetId === undefined ? [changeKey({ action: 'create', name: into.name })] : [];
  const reason = { fact: 'merged_into', to: into.name, file: into.source.file } as const;
  const release = releasesFirst(live, into, match) ? planUnmanagedRelease(live, holders) : undefined;
  if (!release)
    return [
      {
        ...planDelete(live, holders),
        reasons: [reason, ...describeHandovers(holders, live.id)],
        depends_on: waits,
        merge_into: merged,
      },
    ];
  const handover: UpdateChange = { ...release, reasons: describeHandovers(holders, live.id) };
  const deleted: DeleteChange = {
    ...planDelete(live, holders),
    reasons: [reason],
    depends_on: waits,
    before: release.after,
    merge_into: merged,
  };
  return [handover, deleted];
}
