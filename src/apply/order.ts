// A saved plan is a contract read from disk: check its dependency graph is whole before any request,
// so a broken file fails at once instead of half-running.
import { BcgroupsError } from '../errors.js';
import type { Change } from '../model.js';

/** Throws a BcgroupsError naming every duplicate key, unknown dependency and cycle of the plan. */
export function checkDependencies(changes: readonly Change[]): void {
  const problems: string[] = [];
  const byKey = new Map<string, Change>();
  for (const change of changes) {
    if (byKey.has(change.key)) problems.push(`two changes share the key '${change.key}'`);
    byKey.set(change.key, change);
  }
  for (const change of changes) {
    for (const dependency of change.depends_on) {
      if (!byKey.has(dependency)) problems.push(`'${change.key}' depends on '${dependency}', which is not in the plan`);
      if (dependency === change.key) problems.push(`'${change.key}' depends on itself`);
    }
  }
  const cycle = findCycle(changes, byKey);
  if (cycle) problems.push(`dependency cycle: ${cycle.join(' -> ')}`);
  if (problems.length > 0) {
    throw new BcgroupsError(`The plan cannot be applied; nothing was sent:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The first cycle found by a depth-first walk, as a list of keys that starts and ends on the same key. */
function findCycle(changes: readonly Change[], byKey: Map<string, Change>): string[] | undefined {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (key: string): string[] | undefined => {
    const at = onPath.indexOf(key);
    if (at >= 0) return [...onPath.slice(at), key];
    if (done.has(key)) return undefined;
    const change = byKey.get(key);
    if (!change) return undefined;
    onPath.push(key);
    for (const dependency of change.depends_on) {
      if (dependency === key) continue;
      const cycle = visit(dependency);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(key);
    return undefined;
  };
  for (const change of changes) {
    const cycle = visit(change.key);
    if (cycle) return cycle;
  }
  return undefined;
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
