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
