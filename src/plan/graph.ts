// The dependency graph of a plan's changes: whether it is whole, and what waits for what. Apply refuses a
// broken graph before any request; a saved plan's consistency check reports it with the rest.
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
  const cycle = findCycle(changes, byKey);
  if (cycle) problems.push(`dependency cycle: ${cycle.join(' -> ')}`);
  return problems;
}

/** "Does `later` wait, directly or through others, for `earlier`?" for a graph without cycles. */
export function createWaitsFor(changes: readonly Change[]): (later: string, earlier: string) => boolean {
  const byKey = new Map(changes.map((change) => [change.key, change]));
  const reach = new Map<string, Set<string>>();
  const reachOf = (key: string): Set<string> => {
    const known = reach.get(key);
    if (known) return known;
    const found = new Set<string>();
    reach.set(key, found);
    for (const dependency of byKey.get(key)?.depends_on ?? []) {
      found.add(dependency);
      for (const further of reachOf(dependency)) found.add(further);
    }
    return found;
  };
  return (later, earlier) => reachOf(later).has(earlier);
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
