// A stable, readable order: deletes and flag releases first, then updates, then creates, each by name.
// The listed order also respects depends_on, so reading top to bottom is a valid way to apply.
import type { Change } from '../model/index.js';

function rankOf(change: Change): number {
  if (change.action === 'delete') return 0;
  if (change.action === 'update') return change.kind === 'edit' ? 2 : 1;
  return 3;
}

export function compareChanges(a: Change, b: Change): number {
  return rankOf(a) - rankOf(b) || compareText(a.name, b.name) || compareText(a.key, b.key);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted readably, then each change held back until its dependencies are listed (few ever wait). */
export function orderChanges(changes: readonly Change[]): Change[] {
  const sorted = [...changes].sort(compareChanges);
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
