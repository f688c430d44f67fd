// What plan, apply and drift share once the desired state is loaded: read the live groups and, once for
// the run, the catalog the desired and live groups point at; resolve references; plan; count the
// customers of the touched groups; put names and counts into the plan; then check safety with them.
import type { BigCommerceClient } from '../bigcommerce/index.js';
import type { DesiredState } from '../desired/index.js';
import type {
  Catalog,
  Config,
  LiveGroup,
  LoadedGroup,
  Plan,
  ResolvedReference,
  SafetyRefusal,
} from '../model/index.js';
import { checkSafety, createPlan } from '../plan/index.js';
import { annotatePlan } from '../plan/annotate.js';
import { listCatalogNeeds } from '../references/index.js';
import { readCatalog, resolveDesired } from './catalog.js';
import { countTouchedCustomers } from './customer-counts.js';
import { excludedOf } from '../cli/options.js';

export interface StorePlanOptions {
  prune: boolean;
  /** --force: no refusals for this run. */
  force: boolean;
  /** Drift reports and checks nothing. */
  checkSafety: boolean;
  /** Called with the live groups before anything else is read (notes about them come first). */
  onLive?: (live: LiveGroup[]) => void;
  /** Other groups resolved against the same read (a baseline's), so the run reads the catalog once. */
  alsoResolves?: readonly LoadedGroup[];
}

export interface StorePlan {
  plan: Plan;
  live: LiveGroup[];
  references: ResolvedReference[];
  /** The one catalog read of the run. */
  catalog: Catalog;
  /** With --force: what the safety checks would have refused, for the plan to say so plainly. */
  overridden?: SafetyRefusal[];
}

export async function planAgainstStore(
  client: BigCommerceClient,
  desired: DesiredState,
  config: Config,
  options: StorePlanOptions,
): Promise<StorePlan> {
  const before = totalRequests(client);
  const live = await client.listGroups();
  const groups = totalRequests(client) - before;
  options.onLive?.(live);
  const read = await readCatalog(
    client.store,
    listCatalogNeeds([...desired.groups, ...live, ...(options.alsoResolves ?? [])]),
    config,
  );
  const resolved = resolveDesired(desired, read.catalog);
  // Groups kept for other stores are not desired here: unmanaged, or pruned with a reason of their own.
  const planned = createPlan(resolved.groups, live, { prune: options.prune, ...excludedOf(desired) });
  const counts = await countTouchedCustomers(client, planned, config);
  const plan = annotatePlan(planned, {
    catalog: read.catalog,
    ...(counts.customers ? { customers: counts.customers } : {}),
    reads: {
      requests: { groups, ...read.requests, customers: counts.requests },
      unchecked: [...read.unchecked, ...counts.unchecked],
    },
  });
  const found = options.checkSafety ? checkSafety(plan, live.length, config.safety) : [];
  const refusals = options.force ? [] : found;
  const overridden = options.checkSafety && options.force ? { overridden: found } : {};
  return { plan: { ...plan, refusals }, live, references: resolved.references, catalog: read.catalog, ...overridden };
}

function totalRequests(client: BigCommerceClient): number {
  return Object.values(client.stats.requests).reduce((sum, n) => sum + n, 0);
}
