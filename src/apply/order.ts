// A plan is a contract, maybe read from disk: check its dependency graph is whole before any request,
// so a broken file fails at once instead of half-running.
import { BcgroupsError } from '../errors.js';
import type { Change } from '../model/index.js';
import { findGraphProblems } from '../plan/graph.js';

/** Throws a BcgroupsError naming every duplicate key, unknown dependency and cycle of the plan. */
export function checkDependencies(changes: readonly Change[]): void {
  const problems = findGraphProblems(changes);
  if (problems.length > 0) {
    throw new BcgroupsError(
      `The plan cannot be applied; nothing was sent:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

/** Indices of the changes with each one after everything it depends on, otherwise in list order. */
export function dependencyOrder(changes: readonly Change[]): number[] {
  const indexOf = new Map(changes.map((change, index) => [change.key, index]));
  const placed = new Set<number>();
  const order: number[] = [];
  const place = (index: number, path: Set<number>): void => {
    if (placed.has(index) || path.has(index)) return;
    path.add(index);
    for (const key of changes[index]?.depends_on ?? []) {
      const dependency = indexOf.get(key);
      if (dependency !== undefined) place(dependency, path);
    }
    placed.add(index);
    order.push(index);
  };
  changes.forEach((_change, index) => place(index, new Set()));
  return order;
}
