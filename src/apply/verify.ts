// The API may accept a write and ignore or reshape part of it; only a fresh read proves convergence.
import { GROUP_FIELDS, type Change, type ChangeResult, type FieldName, type GroupState, type LiveGroup } from '../model.js';
import { differingFields, pickState } from '../normalize.js';

interface Expectation {
  /** Per field, the value the last applied change set and the index of that change. */
  fields: Map<FieldName, { value: unknown; index: number }>;
}

/**
 * Results with every applied change checked against the live groups read after the run: a field that
 * does not hold what the plan wrote, or a deleted group still present, becomes 'not_converged'.
 */
export function verifyConverged(changes: Change[], results: ChangeResult[], liveGroups: LiveGroup[]): ChangeResult[] {
  const verified = results.map((result) => ({ ...result }));
  const liveById = new Map(liveGroups.map((group) => [group.id, group]));
  const expectations = new Map<number, Expectation>();
  const notConverged = (index: number, error: string): void => {
    const result = verified[index];
    if (result) Object.assign(result, { outcome: 'not_converged', error });
  };

  changes.forEach((change, index) => {
    const result = verified[index];
    if (!result || result.outcome !== 'applied') return;
    if (change.action === 'delete') {
      if (liveById.has(change.id)) notConverged(index, `group still exists after delete (id ${change.id})`);
      expectations.delete(change.id);
      return;
    }
    const id = change.action === 'update' ? change.id : (result.id ?? liveGroups.find((g) => g.name === change.after.name)?.id);
    if (id === undefined || !liveById.has(id)) {
      notConverged(index, `group '${change.after.name}' not found after ${change.action}`);
      return;
    }
    if (result.id === undefined) result.id = id;
    const fields = change.action === 'update' ? change.fields : GROUP_FIELDS;
    const expectation = expectations.get(id) ?? { fields: new Map() };
    for (const field of fields) expectation.fields.set(field, { value: change.after[field], index });
    expectations.set(id, expectation);
  });

  for (const [id, expectation] of expectations) {
    const live = liveById.get(id) as LiveGroup;
    const expected: GroupState = { ...pickState(live) };
    for (const [field, { value }] of expectation.fields) (expected as unknown as Record<string, unknown>)[field] = value;
    const mismatched = differingFields(live, expected, [...expectation.fields.keys()]);
    const byChange = new Map<number, FieldName[]>();
    for (const field of mismatched) {
      const index = (expectation.fields.get(field) as { index: number }).index;
      byChange.set(index, [...(byChange.get(index) ?? []), field]);
    }
    for (const [index, fields] of byChange) {
      notConverged(index, `the store does not hold what was written: ${fields.join(', ')} differ${fields.length === 1 ? 's' : ''}`);
    }
  }
  return verified;
}
