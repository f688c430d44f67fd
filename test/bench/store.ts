// Benchmarks through a real client against the sandbox: plan of a large store, apply with latency,
// apply under a quota, and the bytes bcgroups sends vs a sync script that pushes every group in full.
import { applyPlan } from '../../src/apply/run.js';
import { verifyConverged } from '../../src/apply/verify.js';
import { GROUP_FIELDS, type ClientStats, type DesiredGroup, type LiveGroup } from '../../src/model/index.js';
import { toWireBody } from '../../src/model/normalize.js';
import { createPlan } from '../../src/plan/index.js';
import { startSandbox, type Sandbox, type SandboxOptions, type SeedGroup } from '../../src/sandbox/index.js';
import { desired } from '../support/groups.js';
import { clientFor, SHIPPED_BACKOFF } from '../support/sandbox.js';

/** A group with a store-wide rule and two category rules; `bump` changes the store-wide amount. */
function seedGroup(index: number): SeedGroup {
  return {
    name: `Group ${index + 1}`,
    discount_rules: [
      { type: 'all', method: 'percent', amount: index % 40 },
      { type: 'category', method: 'price', amount: '2.50', category_id: 1000 + (index % 97) },
      { type: 'product', method: 'fixed', amount: 9.99, product_id: 5000 + index },
    ],
  };
}

/** The desired twin of a live group; changed ones get a different store-wide amount. */
function desiredOf(group: LiveGroup, changed: boolean): DesiredGroup {
  const rules = group.discount_rules.map((rule) =>
    rule.type === 'all' && changed ? { ...rule, amount: rule.amount + 1 } : rule,
  );
  return desired(group.name, {
    is_default: group.is_default,
    category_access: group.category_access,
    discount_rules: rules,
  });
}

async function withStore<T>(count: number, options: SandboxOptions, use: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({
    seed: Array.from({ length: count }, (_, i) => seedGroup(i)),
    quota: 1_000_000,
    ...options,
  });
  try {
    return await use(sandbox);
  } finally {
    await sandbox.close();
  }
}

function countRequests(stats: ClientStats): number {
  return Object.values(stats.requests).reduce((sum, n) => sum + n, 0);
}

export interface LivePlanBench {
  count: number;
  ms: number;
  listRequests: number;
  groupReads: number;
  changes: number;
}

/** List + plan of `count` live groups against `count` desired ones (about 3% differ). */
export async function benchLivePlan(count: number): Promise<LivePlanBench> {
  return withStore(count, {}, async (sandbox) => {
    const reference = await clientFor(sandbox, SHIPPED_BACKOFF).listGroups();
    const desiredGroups = reference.map((group, i) => desiredOf(group, i % 33 === 0));
    sandbox.resetCounters();
    const client = clientFor(sandbox, SHIPPED_BACKOFF);
    const started = performance.now();
    const plan = createPlan(desiredGroups, await client.listGroups(), { prune: false });
    const ms = performance.now() - started;
    const groupReads = sandbox.log.filter(
      (entry) => entry.method === 'GET' && /\/customer_groups\/\d+$/.test(entry.path),
    ).length;
    return { count, ms, listRequests: client.stats.requests.GET, groupReads, changes: plan.changes.length };
  });
}

export interface ApplyBench {
  updates: number;
  ms: number;
  applied: number;
  rateLimited: number;
  requests: number;
  maxInFlight: number;
}

/** Applies `updates` one-field updates at `concurrency`; the sandbox options set latency or quota. */
export async function benchApply(updates: number, concurrency: number, options: SandboxOptions): Promise<ApplyBench> {
  return withStore(updates, {}, async (sandbox) => {
    const liveGroups = await clientFor(sandbox, SHIPPED_BACKOFF).listGroups();
    const plan = createPlan(
      liveGroups.map((group) => desiredOf(group, true)),
      liveGroups,
      { prune: false },
    );
    // Wait out the listing's quota window so the paced run starts from a full one.
    sandbox.setOptions(options);
    if (options.windowMs) await new Promise((resolve) => setTimeout(resolve, options.windowMs));
    sandbox.resetCounters();
    const client = clientFor(sandbox, SHIPPED_BACKOFF);
    const started = performance.now();
    const results = await applyPlan(plan.changes, client, { concurrency });
    const ms = performance.now() - started;
    return {
      updates: plan.changes.length,
      ms,
      applied: results.filter((result) => result.outcome === 'applied').length,
      rateLimited: sandbox.counters.rateLimited,
      requests: countRequests(client.stats),
      maxInFlight: sandbox.counters.maxInFlight,
    };
  });
}

export interface SyncBench {
  count: number;
  changed: number;
  /** Every request bcgroups sent, as `bcgroups apply` does: list, writes, list again to verify. */
  requests: number;
  /** Of those, the list pages read before and after the writes. */
  listRequests: number;
  writeRequests: number;
  bytesSent: number;
  naiveRequests: number;
  naiveBytes: number;
}

/** A store of `count` groups with `share` of them changed: what `bcgroups apply` sends (list, plan,
 *  writes, list again to verify) vs a PUT of every group in full. */
export async function benchSync(count: number, share: number): Promise<SyncBench> {
  return withStore(count, {}, async (sandbox) => {
    const reference = await clientFor(sandbox, SHIPPED_BACKOFF).listGroups();
    const every = Math.round(1 / share);
    const desiredGroups = reference.map((group, i) => desiredOf(group, i % every === 0));
    const client = clientFor(sandbox, SHIPPED_BACKOFF);
    const liveGroups = await client.listGroups();
    const plan = createPlan(desiredGroups, liveGroups, { prune: false });
    const results = await applyPlan(plan.changes, client, { concurrency: 8 });
    const verified = verifyConverged(plan.changes, results, await client.listGroups());
    const unconverged = verified.filter((result) => result.outcome !== 'applied');
    if (unconverged.length > 0) throw new Error(`${unconverged.length} changes did not converge in the sync benchmark`);
    // A hand-written sync lists the store too (to find ids), then PUTs each desired group whole.
    const listRequests = Math.ceil((count + 1) / 250);
    const naiveBytes = desiredGroups.reduce(
      (sum, group) => sum + Buffer.byteLength(JSON.stringify(toWireBody(group, GROUP_FIELDS))),
      0,
    );
    return {
      count,
      changed: plan.changes.length,
      requests: countRequests(client.stats),
      listRequests: client.stats.requests.GET,
      writeRequests: countRequests(client.stats) - client.stats.requests.GET,
      bytesSent: client.stats.bytesSent,
      naiveRequests: listRequests + count,
      naiveBytes,
    };
  });
}
