// Runs a plan exactly as written: independent changes concurrently up to a bound, dependent ones after
// what they depend on, and every change ends in a result; one failure never stops the rest.
import pLimit from 'p-limit';
import { BcgroupsError } from '../errors.js';
import type { ApplyProgress, Change, ChangeResult, DeleteChange, GroupsApi, MergeProgress } from '../model/index.js';
import { dependencyOrder } from '../plan/graph.js';
import { type CustomerMover, moveGroupCustomers } from './merge.js';
import { describeFailure } from './failure.js';
import { checkDependencies } from './order.js';

export interface ApplyOptions {
  concurrency: number;
  onResult?: (result: ChangeResult, progress: ApplyProgress) => void;
  /** Moves a merge's customers; a plan with a merge and no mover fails that change. */
  customers?: CustomerMover;
  onMergeProgress?: (progress: MergeProgress) => void;
}

/** Applies every change and returns one result per change, in plan order. */
export async function applyPlan(changes: Change[], api: GroupsApi, options: ApplyOptions): Promise<ChangeResult[]> {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new BcgroupsError(`Concurrency must be a whole number of at least 1 (got ${options.concurrency}).`);
  }
  checkDependencies(changes);
  const limit = pLimit(options.concurrency);
  // Each merge already sends 3 moves at once, the API's cap for the customers endpoint: one merge at a time.
  const mergeLimit = pLimit(1);
  const progress: ApplyProgress = { done: 0, total: changes.length, failed: 0 };
  const running = new Map<string, Promise<ChangeResult>>();

  const settle = (result: ChangeResult): ChangeResult => {
    progress.done += 1;
    if (result.outcome === 'failed') progress.failed += 1;
    options.onResult?.(result, { ...progress });
    return result;
  };

  // Dependencies are awaited outside the limiter, so a waiting change never holds a slot.
  const start = async (change: Change): Promise<ChangeResult> => {
    const createdIds = new Map<string, number>();
    for (const dependency of change.depends_on) {
      const before = await (running.get(dependency) as Promise<ChangeResult>);
      if (before.outcome !== 'applied') {
        const why = before.outcome === 'skipped' ? 'was skipped' : 'failed';
        return settle({ ...baseResult(change), outcome: 'skipped', error: `depends on ${dependency} which ${why}` });
      }
      if (before.action === 'create' && before.id !== undefined) createdIds.set(before.name, before.id);
    }
    if (change.action === 'delete' && change.merge_into)
      return settle(await mergeLimit(() => limit(() => executeMerge(change, api, options, createdIds))));
    return settle(await limit(() => executeChange(change, api)));
  };

  // Plans list dependencies first, but a hand-edited file may not: each starts after what it depends on.
  for (const index of dependencyOrder(changes)) {
    const change = changes[index] as Change;
    running.set(change.key, start(change));
  }
  return Promise.all(changes.map((change) => running.get(change.key) as Promise<ChangeResult>));
}

function baseResult(change: Change): ChangeResult {
  const result: ChangeResult = { key: change.key, action: change.action, name: change.name, outcome: 'applied' };
  if (change.action !== 'create') result.id = change.id;
  return result;
}

async function executeChange(change: Change, api: GroupsApi): Promise<ChangeResult> {
  const result = baseResult(change);
  try {
    switch (change.action) {
      case 'create': {
        const created = await api.createGroup(change.body);
        result.id = created.id;
        break;
      }
      case 'update':
        await api.updateGroup(change.id, change.body);
        break;
      case 'delete':
        await api.deleteGroup(change.id);
        break;
    }
    return result;
  } catch (error) {
    return { ...result, outcome: 'failed', ...describeFailure(error) };
  }
}

/** A merge's delete: the customers move first, and the group is deleted only once it is empty. */
async function executeMerge(
  change: DeleteChange,
  api: GroupsApi,
  options: ApplyOptions,
  createdIds: ReadonlyMap<string, number>,
): Promise<ChangeResult> {
  const result = baseResult(change);
  const target = change.merge_into;
  const targetId = target?.id ?? (target ? createdIds.get(target.name) : undefined);
  if (!target || targetId === undefined || !options.customers)
    return { ...result, outcome: 'failed', error: `no group to move the customers into; the group is kept` };
  try {
    const merged = await moveGroupCustomers(options.customers, change, targetId, options.onMergeProgress);
    if (!merged.empty) return { ...result, outcome: 'failed', moved: merged.moved, error: merged.error };
    await api.deleteGroup(change.id);
    return { ...result, moved: merged.moved };
  } catch (error) {
    return { ...result, outcome: 'failed', ...describeFailure(error) };
  }
}
