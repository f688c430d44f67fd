// A merge in a saved plan moves customers before a delete: the group it moves them into must be one the
// plan creates first (and waits for) or another live group the plan keeps, and the reason must say so.
import type { Change, DeleteChange } from '../model/index.js';
import { changeKey } from '../plan/key.js';

export function findMergeProblems(changes: readonly Change[]): string[] {
  const problems: string[] = [];
  const deletedIds = new Set(changes.flatMap((change) => (change.action === 'delete' ? [change.id] : [])));
  const created = new Set(changes.flatMap((change) => (change.action === 'create' ? [change.after.name] : [])));
  for (const change of changes) {
    if (change.action !== 'delete') continue;
    const told = change.reasons.some((reason) => reason.fact === 'merged_into');
    if (!change.merge_into) {
      if (told) problems.push(`change '${change.key}': a reason says it merges, but it moves no customers`);
      continue;
    }
    problems.push(...findTargetProblems(change, change.merge_into, deletedIds, created));
    if (!told) problems.push(`change '${change.key}': it moves customers, but no reason says it merges`);
  }
  return problems;
}

function findTargetProblems(
  change: DeleteChange,
  target: NonNullable<DeleteChange['merge_into']>,
  deletedIds: ReadonlySet<number>,
  created: ReadonlySet<string>,
): string[] {
  const at = `change '${change.key}'`;
  if (target.id === null) {
    const create = changeKey({ action: 'create', name: target.name });
    if (!created.has(target.name))
      return [`${at}: it merges into '${target.name}', which the plan neither creates nor names by id`];
    return change.depends_on.includes(create)
      ? []
      : [`${at}: it merges into '${target.name}' but does not wait for '${create}'`];
  }
  if (target.id === change.id) return [`${at}: it merges group ${change.id} into itself`];
  if (deletedIds.has(target.id)) return [`${at}: it merges into group ${target.id}, which the plan deletes`];
  return [];
}
