// A merge (merged_from): every customer of the old group moves into the target, then the old group is
// deleted, only once a fresh count finds it empty. A failed or unconfirmed batch keeps the group, so the
// next apply moves the rest: customers already moved stay, and nobody is left in no group by a delete.
import type { DeleteChange, MergeMoves, MergeProgress } from '../model/index.js';
import { count } from '../text/words.js';

/** What a merge needs of the store's customers; only ids are ever read. */
export interface CustomerMover {
  readCustomerIds(groupId: number): Promise<number[]>;
  countCustomers(groupId: number): Promise<number>;
  moveCustomers(
    customerIds: readonly number[],
    groupId: number,
    onBatch: (done: number, total: number) => void,
  ): Promise<Array<{ customerIds: number[]; outcome: 'moved' | 'unconfirmed' | 'failed'; status?: number }>>;
}

export type MergeOutcome = { empty: true; moved: MergeMoves } | { empty: false; moved: MergeMoves; error: string };

/** Moves the group's customers into `targetId` and counts what is left. */
export async function moveGroupCustomers(
  mover: CustomerMover,
  change: DeleteChange,
  targetId: number,
  onProgress?: (progress: MergeProgress) => void,
): Promise<MergeOutcome> {
  const ids = await mover.readCustomerIds(change.id);
  const batches = await mover.moveCustomers(ids, targetId, (done, total) =>
    onProgress?.({ name: change.name, done, total }),
  );
  const remaining = ids.length === 0 && batches.length === 0 ? 0 : await mover.countCustomers(change.id);
  const moved: MergeMoves = {
    customers: ids.length,
    batches: batches.map(({ customerIds, outcome, status }) => ({
      size: customerIds.length,
      outcome,
      ...(status === undefined ? {} : { status }),
    })),
    remaining,
  };
  if (remaining === 0) return { empty: true, moved };
  const failed = moved.batches.filter((batch) => batch.outcome !== 'moved').length;
  const why =
    failed > 0 ? `${failed} of ${count(moved.batches.length, 'batch', 'batches')} did not move` : 'new ones joined';
  return {
    empty: false,
    moved,
    error: `${count(remaining, 'customer')} still in the group (${why}); it is kept: run apply again to move the rest`,
  };
}
