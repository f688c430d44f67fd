// The planning sequence of one store, in one place for plan, apply, drift and --all-stores: the desired
// state (offline first), the store, its live groups and, once for the run, the catalog the desired and live
// groups point at; resolve references; plan; count the customers of the touched groups; put names and
// counts into the plan; then check safety with them.
import type { BigCommerceClient } from '../bigcommerce/index.js';
import type { DesiredState } from '../desired/index.js';
import type {
  Catalog,
  Config,
  LiveGroup,
  LiveStorefront,
  LoadedGroup,
  Plan,
  ResolvedReference,
  SafetyRefusal,
  SavedView,
} from '../model/index.js';
import { annotatePlan } from '../plan/annotate.js';
import { checkSafety } from '../plan/index.js';
import { checkOwnership, refuseIgnoredReaches, splitIgnored, type IgnoredGroup } from '../plan/ownership.js';
import { planWithStorefront } from './storefront-plan.js';
import { toSavedPlan } from '../planfile/index.js';
import { writeSavedPlan } from '../planfile/io.js';
import { listCatalogNeeds } from '../references/index.js';
import { type CatalogRead, readCatalog, resolveDesired } from './catalog.js';
import { countTouchedCustomers } from './customer-counts.js';
import { describeOwnership, labelConfigFile, ownershipOf } from './ownership.js';
import { readDeletedGroupReferences } from './group-references.js';
import { loadDesiredFor, openStore, type RunPlace, type Store } from './session.js';

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
  /** The config file as messages name it (relative to the run's folder); default: its full path. */
  configLabel?: string | null;
}

export interface StoreRunOptions extends RunPlace, Omit<StorePlanOptions, 'onLive' | 'alsoResolves' | 'configLabel'> {
  /** The config of the one store planned. */
  config: Config;
  /** Already loaded and validated (--all-stores loads groups/ once); else loaded here, before the store. */
  desired?: DesiredState;
  onLive?: (live: LiveGroup[], desired: DesiredState) => void;
  /** Loaded once the store is open (a baseline): groups resolved against the run's one catalog read. */
  alsoResolves?: () => Promise<readonly LoadedGroup[]>;
}

export interface PlannedStore {
  plan: Plan;
  live: LiveGroup[];
  references: ResolvedReference[];
  /** The one catalog read of the run. */
  catalog: Catalog;
  /** The one read of the channels side, when a file (or a baseline's) manages a storefront key. */
  storefront?: LiveStorefront;
  /** With --force: what the safety checks would have refused, for the plan to say so plainly. */
  overridden?: SafetyRefusal[];
}

export interface StorePlan extends PlannedStore {
  desired: DesiredState;
  store: Store;
  config: Config;
  forced: boolean;
}

/** A run of plan, apply, drift or --all-stores against one store: desired state, then store, then the plan. */
export async function planStore(options: StoreRunOptions): Promise<StorePlan> {
  const { config } = options;
  const desired = options.desired ?? (await loadDesiredFor(config, options.cwd));
  const store = openStore(config, options.env);
  const alsoResolves = (await options.alsoResolves?.()) ?? [];
  const planned = await planAgainstStore(store.client, desired, config, {
    configLabel: labelConfigFile(config, options.cwd),
    prune: options.prune,
    force: options.force,
    checkSafety: options.checkSafety,
    onLive: (live) => options.onLive?.(live, desired),
    alsoResolves,
  });
  return { ...planned, desired, store, config, forced: options.force };
}

/** The planning sequence itself, once: read, resolve, plan, count, annotate, check safety. */
export async function planAgainstStore(
  client: BigCommerceClient,
  desired: DesiredState,
  config: Config,
  options: StorePlanOptions,
): Promise<PlannedStore> {
  const { live, ignored, groupsRequests, read } = await readStoreState(
    client,
    config,
    [...desired.groups, ...(options.alsoResolves ?? [])],
    { ...(options.onLive ? { onLive: options.onLive } : {}) },
  );
  const resolved = resolveDesired(desired, read.catalog);
  refuseIgnoredReaches(resolved.groups, ignored);
  // Groups kept for other stores are not desired here: unmanaged, or pruned with a reason of their own.
  const excluded = desired.excluded ? { excluded: desired.excluded } : {};
  const ownership = ownershipOf(config, options.configLabel ?? config.configFile ?? null);
  const {
    planned: created,
    storefrontRequests,
    storefront,
    unchecked,
  } = await planWithStorefront(client.store, resolved.groups, live, read.catalog, {
    prune: options.prune,
    ...excluded,
    alsoManaging: options.alsoResolves ?? [],
  });
  const planned = describeOwnership(created, ownership, ignored.length);
  const counts = await countTouchedCustomers(client, planned, config);
  // Drift deletes nothing, so it reads no references.
  const references = options.checkSafety ? await readDeletedGroupReferences(client, planned) : undefined;
  const plan = annotatePlan(planned, {
    catalog: read.catalog,
    ...(counts.customers ? { customers: counts.customers } : {}),
    ...(references ? { references: references.byGroup } : {}),
    reads: {
      requests: {
        groups: groupsRequests,
        ...read.requests,
        ...storefrontRequests,
        customers: counts.requests,
        ...(references ? { references: references.requests } : {}),
      },
      unchecked: [...read.unchecked, ...(unchecked ?? []), ...counts.unchecked, ...(references?.unchecked ?? [])],
    },
  });
  const found = options.checkSafety ? checkSafety(plan, live.length, config.safety) : [];
  // Protect and ignore are the config's word, which no flag overrides.
  const owned = options.checkSafety && ownership ? checkOwnership(plan.changes, ownership) : [];
  const refusals = [...owned, ...(options.force ? [] : found)];
  const overridden = options.checkSafety && options.force ? { overridden: found } : {};
  const side = storefront ? { storefront } : {};
  return {
    plan: { ...plan, refusals },
    live,
    references: resolved.references,
    catalog: read.catalog,
    ...side,
    ...overridden,
  };
}

export interface StoreState {
  /** The live groups bcgroups plans for: those the config's ignore patterns leave out are in `ignored`. */
  live: LiveGroup[];
  ignored: IgnoredGroup[];
  /** Requests the list of groups took. */
  groupsRequests: number;
  read: CatalogRead;
}

/** The live groups, then one catalog read for what they and `alsoNamed` point at: where every run starts. */
export async function readStoreState(
  client: BigCommerceClient,
  config: Config,
  alsoNamed: readonly LoadedGroup[],
  hooks: { onLive?: (live: LiveGroup[]) => void } = {},
): Promise<StoreState> {
  const before = totalRequests(client);
  const { kept: live, ignored } = splitIgnored(await client.listGroups(), config.ignore);
  const groupsRequests = totalRequests(client) - before;
  hooks.onLive?.(live);
  const read = await readCatalog(client.store, listCatalogNeeds([...alsoNamed, ...live]), config);
  return { live, ignored, groupsRequests, read };
}

/** `plan --out FILE`: the plan with what apply checks it against, written where the run's cwd says. */
export async function saveStorePlan(planned: StorePlan, file: string, cwd: string, view?: SavedView): Promise<void> {
  const saved = toSavedPlan(planned.plan, {
    storeHash: planned.store.storeHash,
    storeName: planned.config.storeName,
    desiredHash: planned.desired.hash,
    liveGroups: planned.live,
    forced: planned.forced,
    references: planned.references,
    ...(view ? { view } : {}),
  });
  await writeSavedPlan(cwd, file, saved);
}

/** Requests the client made so far, retries included: the difference around a read is what it took. */
export function totalRequests(client: BigCommerceClient): number {
  return Object.values(client.stats.requests).reduce((sum, n) => sum + n, 0);
}
