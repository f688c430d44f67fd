// The single-holder rule, checked on a saved plan as apply may run it: at most one guest group and one
// default group after every request, in any order the dependencies allow (changes run concurrently).
import {
  HOLDER_FLAGS,
  type Change,
  type CreateChange,
  type DeleteChange,
  type HolderFlag,
  type UpdateChange,
} from '../model/index.js';
import { createWaitsFor } from '../plan/graph.js';

/** The changes of one group, first to last; `id` is absent for a group the plan creates. */
export interface GroupSteps {
  id?: number;
  group: string;
  changes: Array<CreateChange | UpdateChange | DeleteChange>;
}

/**
 * A stretch in which one group holds a flag: from the change that sets it (or before the plan) to the one that clears
 * it (or after the plan).
 */
interface Holding {
  group: string;
  flag: HolderFlag;
  from?: string;
  until?: string;
}

export function findHolderProblems(changes: readonly Change[], steps: readonly GroupSteps[]): string[] {
  const waitsFor = createWaitsFor(changes);
  const problems: string[] = [];
  for (const { group, changes: chain } of steps) {
    for (let i = 1; i < chain.length; i++) {
      const [earlier, later] = [chain[i - 1] as Change, chain[i] as Change];
      if (!waitsFor(later.key, earlier.key))
        problems.push(
          `change '${later.key}': it must wait for '${earlier.key}', the earlier change of '${group}', but does not`,
        );
    }
  }
  for (const flag of HOLDER_FLAGS) {
    const holdings = steps.flatMap((group) => holdingsOf(group, flag));
    for (let i = 0; i < holdings.length; i++) {
      for (let j = i + 1; j < holdings.length; j++) {
        const problem = findOverlap(holdings[i] as Holding, holdings[j] as Holding, waitsFor);
        if (problem) problems.push(problem);
      }
    }
  }
  return problems;
}

function holdingsOf({ group, changes }: GroupSteps, flag: HolderFlag): Holding[] {
  const holdings: Holding[] = [];
  const first = changes[0];
  let holds = first !== undefined && first.action !== 'create' && first.before[flag];
  let from: string | undefined;
  for (const change of changes) {
    const next = change.action !== 'delete' && change.after[flag];
    if (holds && !next) holdings.push({ group, flag, ...(from ? { from } : {}), until: change.key });
    if (!holds && next) from = change.key;
    holds = next;
  }
  if (holds) holdings.push({ group, flag, ...(from ? { from } : {}) });
  return holdings;
}

/** Two groups may hold the flag at once unless one's holding ends in a change the other's start waits for. */
function findOverlap(
  a: Holding,
  b: Holding,
  waitsFor: (later: string, earlier: string) => boolean,
): string | undefined {
  // Two holders before the plan is the store's state, not something the file does.
  if (a.from === undefined && b.from === undefined) return undefined;
  const ordered = (first: Holding, second: Holding) =>
    first.until !== undefined && second.from !== undefined && waitsFor(second.from, first.until);
  if (ordered(a, b) || ordered(b, a)) return undefined;
  const [taker, holder] = b.from !== undefined ? [b, a] : [a, b];
  const release =
    holder.until === undefined
      ? `while '${holder.group}' keeps it`
      : `without waiting for '${holder.until}', which takes it from '${holder.group}'`;
  return (
    `change '${taker.from}': it gives ${taker.flag} to '${taker.group}' ${release}, ` +
    'so two groups could hold it at once'
  );
}
