// A stable, readable order: deletes and flag releases first, then updates, then creates, each by name.
// The listed order also respects depends_on, so reading top to bottom is a valid way to apply.
import type { Change } from '../model/index.js';
import { listAfterDependencies } from './graph.js';
import { compareText } from '../text/compare.js';

function rankOf(change: Change): number {
  if (change.action === 'delete') return 0;
  if (change.action === 'update') return change.kind === 'edit' ? 2 : 1;
  return 3;
}

export function compareChanges(a: Change, b: Change): number {
  return rankOf(a) - rankOf(b) || compareText(a.name, b.name) || compareText(a.key, b.key);
}

/** Sorted readably, then each change held back until its dependencies are listed. */
export function orderChanges(changes: readonly Change[]): Change[] {
  return listAfterDependencies([...changes].sort(compareChanges));
}
