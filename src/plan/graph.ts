// The dependency graph of a plan's changes, and every walk of it: whether it is whole, the order to run it in,
// the readable order to list it in, and what waits for what. Apply refuses a broken graph before any request;
// a saved plan's consistency check reports it with the rest.
import type { Change } from '../model/index.js';

/** Every duplicate key, unknown dependency, self-dependency and (the first) cycle, one sentence each. */
export function findGraphProblems(changes: readonly Change[]): string[] {
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
  const { cycle } = walkDepthFirst(changes);
  if (cycle) problems.push(`dependency cycle: ${cycle.join(' -> ')}`);
  return problems;
}

/** Indices of the changes with each one after everything it depends on, otherwise in list order. */
export function dependencyOrder(changes: readonly Change[]): number[] {
  return walkDepthFirst(changes).order;
}

/** "Does `later` wait, directly or through others, for `earlier`?" for a graph without cycles. */
export function createWaitsFor(changes: readonly Change[]): (later: string, earlier: string) => boolean {
  const reach = new Map<string, Set<string>>();
  // Dependencies come first in the walk's order, so each one's reach is known when a change needs it.
  for (const index of dependencyOrder(changes)) {
    const change = changes[index] as Change;
    const found = new Set<string>();
    for (const dependency of change.depends_on) {
      found.add(dependency);
      for (const further of reach.get(dependency) ?? []) found.add(further);
    }
    reach.set(change.key, found);
  }
  return (later, earlier) => reach.get(later)?.has(earlier) ?? false;
}

/**
 * The changes in the given order, except that a change is held back until everything it depends on is listed
 * (few ever wait): unlike dependencyOrder, a dependency is never pulled ahead of changes listed before it.
 */
export function listAfterDependencies(sorted: readonly Change[]): Change[] {
  const known = new Set(sorted.map((change) => change.key));
  const listed = new Set<string>();
  const ordered: Change[] = [];
  let waiting: Change[] = [];
  const isReady = (change: Change) => change.depends_on.every((key) => listed.has(key) || !known.has(key));
  const list = (change: Change) => {
    ordered.push(change);
    listed.add(change.key);
  };
  for (const change of sorted) {
    if (!isReady(change)) {
      waiting.push(change);
      continue;
    }
    list(change);
    for (let released = true; released && waiting.length > 0; ) {
      const ready = waiting.filter(isReady);
      waiting = waiting.filter((w) => !ready.includes(w));
      ready.forEach(list);
      released = ready.length > 0;
    }
  }
  // Only a broken graph leaves anything waiting; keep it visible rather than dropping it.
  return [...ordered, ...waiting];
}

/**
 * Depth first from each change in list order, dependencies in their listed order: every change's index after
 * those of its dependencies, and the first cycle met as keys that start and end on the same key. Unknown keys
 * and self-dependencies are passed over; a cycle is broken where the walk meets it again.
 */
function walkDepthFirst(changes: readonly Change[]): { order: number[]; cycle?: string[] } {
  const indexOf = new Map(changes.map((change, index) => [change.key, index]));
  const placed = new Set<number>();
  const onPath: number[] = [];
  const order: number[] = [];
  let cycle: string[] | undefined;
  const visit = (index: number): void => {
    if (placed.has(index)) return;
    const at = onPath.indexOf(index);
    if (at >= 0) {
      cycle ??= [...onPath.slice(at), index].map((step) => (changes[step] as Change).key);
      return;
    }
    const change = changes[index] as Change;
    onPath.push(index);
    for (const key of change.depends_on) {
      const dependency = indexOf.get(key);
      if (dependency !== undefined && key !== change.key) visit(dependency);
    }
    onPath.pop();
    placed.add(index);
    order.push(index);
  };
  changes.forEach((_change, index) => visit(index));
  return cycle ? { order, cycle } : { order };
}
