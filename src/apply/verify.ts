// The API may accept a write and ignore or reshape part of it, or change more than was asked; only a fresh
// read proves convergence, and it compares every comparable field of each touched group with the plan.
import {
  GROUP_FIELDS,
  type Change,
  type ChangeResult,
  type FieldName,
  type GroupState,
  type LiveGroup,
} from '../model/index.js';
import { differingFields } from '../model/normalize.js';
import { dependencyOrder } from '../plan/graph.js';

/** What one group should look like now: the `after` of its last applied change, and who wrote each field. */
interface Expectation {
  state: GroupState;
  /** The index of the last applied change of the group. */
  last: number;
  /** Per field, the index of the last applied change that wrote it. */
  writers: Map<FieldName, number>;
}

/**
 * Results with every applied change checked against the live groups read after the run: a group that differs
 * from its planned state in any field, or a deleted group still present, becomes 'not_converged'.
 */
export function verifyConverged(changes: Change[], results: ChangeResult[], liveGroups: LiveGroup[]): ChangeResult[] {
  const verified = results.map((result) => ({ ...result }));
  const liveById = new Map(liveGroups.map((group) => [group.id, group]));
  const expectations = new Map<number, Expectation>();
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
      expectations.delete(change.id);
      continue;
    }
    const id =
      change.action === 'update' ? change.id : (result.id ?? liveGroups.find((g) => g.name === change.after.name)?.id);
    if (id === undefined || !liveById.has(id)) {
      notConverged(index, `group '${change.after.name}' not found after ${change.action}`);
      continue;
    }
    if (result.id === undefined) result.id = id;
    const writers = expectations.get(id)?.writers ?? new Map<FieldName, number>();
    for (const field of change.action === 'update' ? change.fields : GROUP_FIELDS) writers.set(field, index);
    expectations.set(id, { state: change.after, last: index, writers });
  }

  for (const [id, expectation] of expectations) {
    const live = liveById.get(id) as LiveGroup;
    // A field no change wrote still counts: the store must not have moved it either.
    const byChange = new Map<number, FieldName[]>();
    for (const field of differingFields(live, expectation.state, GROUP_FIELDS)) {
      const index = expectation.writers.get(field) ?? expectation.last;
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
