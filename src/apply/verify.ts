// The API may accept a write and ignore or reshape part of it, or change more than was asked; only a fresh
// read proves convergence, and it compares every comparable field of each touched group with the plan.
import { GROUP_FIELDS, type Change, type ChangeResult, type FieldName, type LiveGroup } from '../model/index.js';
import { differingFields } from '../model/normalize.js';
import { dependencyOrder } from '../plan/graph.js';

/**
 * Results with every applied change checked against the live groups read after the run: a group that differs
 * from its planned state in any field, or a deleted group still present, becomes 'not_converged'. Each change
 * finds its own group (an update by its id, a create by its name, never by an id the answer claimed), so
 * one answer carrying another group's id cannot stand in for that group's own check.
 */
export function verifyConverged(changes: Change[], results: ChangeResult[], liveGroups: LiveGroup[]): ChangeResult[] {
  const verified = results.map((result) => ({ ...result }));
  const liveById = new Map(liveGroups.map((group) => [group.id, group]));
  // Per touched group, its applied changes in the order they ran.
  const changesOf = new Map<number, number[]>();
  const notConverged = (index: number, error: string): void => {
    const result = verified[index];
    if (result) Object.assign(result, { outcome: 'not_converged', error });
  };

  // A merged group may give its flag away before its delete: once deleted, only the delete is checked.
  const deleted = new Set(
    changes.flatMap((change, index) =>
      change.action === 'delete' && verified[index]?.outcome === 'applied' ? [change.id] : [],
    ),
  );
  // A group's later change is the one that waits for its earlier one, wherever the list puts it.
  for (const index of dependencyOrder(changes)) {
    const change = changes[index] as Change;
    const result = verified[index];
    if (result?.outcome !== 'applied') continue;
    if (change.action === 'update' && deleted.has(change.id)) continue;
    if (change.action === 'delete') {
      if (liveById.has(change.id)) notConverged(index, `group still exists after delete (id ${change.id})`);
      changesOf.delete(change.id);
      continue;
    }
    const id = change.action === 'update' ? change.id : findCreated(change.after.name, result.id, liveGroups);
    if (id === undefined || !liveById.has(id)) {
      notConverged(index, `group '${change.after.name}' not found after ${change.action}`);
      continue;
    }
    result.id = id;
    changesOf.set(id, [...(changesOf.get(id) ?? []), index]);
  }

  for (const [id, indexes] of changesOf) {
    const live = liveById.get(id) as LiveGroup;
    const last = indexes[indexes.length - 1] as number;
    const writers = new Map<FieldName, number>();
    for (const index of indexes) {
      const change = changes[index] as Exclude<Change, { action: 'delete' }>;
      for (const field of change.action === 'update' ? change.fields : GROUP_FIELDS) writers.set(field, index);
    }
    const expected = (changes[last] as Exclude<Change, { action: 'delete' }>).after;
    // A field no change wrote still counts: the store must not have moved it either.
    const byChange = new Map<number, FieldName[]>();
    for (const field of differingFields(live, expected, GROUP_FIELDS)) {
      const index = writers.get(field) ?? last;
      byChange.set(index, [...(byChange.get(index) ?? []), field]);
    }
    for (const [index, fields] of byChange) {
      notConverged(
        index,
        `the store does not hold what was planned: ${fields.join(', ')} differ${fields.length === 1 ? 's' : ''}`,
      );
    }
  }
  return verified;
}

/** The group a create made: the one holding its name (the answered id first, if several do). */
function findCreated(name: string, answeredId: number | undefined, liveGroups: LiveGroup[]): number | undefined {
  const named = liveGroups.filter((group) => group.name === name);
  return (named.find((group) => group.id === answeredId) ?? named[0])?.id;
}
