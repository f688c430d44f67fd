// `apply PLANFILE` before any write: a saved plan runs only if it is exactly what the planner would write
// for the states it records, against the store it was made from, unchanged since, and only if the safety
// checks would pass it now, with the deleted groups' customers counted again (unless it was made with
// --force and apply is given --force); inconsistencies, refusals and staleness are thrown before any write.
import type { StorePick } from '../config/index.js';
import type { Config, Plan, SafetyRefusal } from '../model/index.js';
import {
  checkAgainstStore,
  checkConsistent,
  checkOwnedChanges,
  checkPlannedRefusals,
  checkSameStore,
  selectStoreOfPlan,
} from '../planfile/index.js';
import { readSavedPlan } from '../planfile/io.js';
import { splitIgnored } from '../plan/ownership.js';
import { needsOfReferences, readCatalog } from './catalog.js';
import { labelConfigFile, ownershipOf } from './ownership.js';
import { countTouchedCustomers } from './customer-counts.js';
import { totalRequests } from './plan-store.js';
import type { DesiredState } from '../desired/index.js';
import type { CatalogNeeds } from '../model/index.js';
import { nameKey } from '../model/normalize.js';
import { deriveDisplay } from '../planfile/display.js';
import { listChangeStates } from '../references/catalog-needs.js';
import { listCatalogNeeds } from '../references/index.js';
import { recheckGroupReferences } from './group-references.js';
import { loadDesiredFor, openStore, type RunPlace, type Store } from './session.js';
import { findStorefrontStaleReasons, listStorefrontChecks } from '../planfile/storefront-stale.js';
import { StalePlanError } from '../errors.js';
import type { ChannelGroupSettings, StorefrontPlan } from '../model/index.js';

export interface SavedPlanRun extends RunPlace {
  file: string;
  /** The config as flags, environment and file give it, before a store is picked. */
  settings: Config;
  /** --store and BCGROUPS_STORE, checked against the store the plan names. */
  pick: StorePick;
  force: boolean;
  /** The plan command to suggest when the saved plan is refused, for the config of the chosen store. */
  replan: (config: Config, flags: { prune: boolean; force: boolean }) => string;
}

export interface PreparedSavedPlan {
  config: Config;
  store: Store;
  plan: Plan;
  /** Set when the plan was made with --force: what --force overrides now. */
  overridden?: SafetyRefusal[];
  /** False when groups/ moved on since the plan was made (the saved plan still applies as reviewed). */
  sameFiles: boolean;
}

export async function prepareSavedPlan(run: SavedPlanRun): Promise<PreparedSavedPlan> {
  const { file } = run;
  const saved = await readSavedPlan(run.cwd, file);
  checkConsistent(saved, file);
  const config = selectStoreOfPlan(run.settings, run.pick, {
    file,
    store: saved.store,
    storeHash: saved.store_hash,
  });
  const context = { file, replan: (flags: { prune: boolean; force: boolean }) => run.replan(config, flags) };
  checkPlannedRefusals(saved, context);
  checkOwnedChanges(saved, ownershipOf(config, labelConfigFile(config, run.cwd)), context);
  const store = openStore(config, run.env);
  checkSameStore(saved, store.storeHash, context);
  const before = totalRequests(store.client);
  const allLive = await store.client.listGroups();
  const groupsRequests = totalRequests(store.client) - before;
  // The safety shares and what is shown count the groups bcgroups may plan for; staleness looks at every group.
  const { kept } = splitIgnored(allLive, config.ignore);
  // One catalog read: the references by name to check, and the names of what the bodies point at, to show.
  const needs = mergeNeeds(
    needsOfReferences(saved.references ?? []),
    listCatalogNeeds(saved.plan.changes.flatMap(listChangeStates)),
  );
  // Price list and channel names of the storefront changes are shown as the store names them now.
  if (saved.plan.storefront) Object.assign(needs, { priceLists: true, channels: true });
  const read = await readCatalog(store.client.store, needs, config);
  const { catalog } = read;
  // Every count a person reads is taken again, the deleted groups' for the safety check among them.
  const counts = await countTouchedCustomers(store.client, saved.plan, config);
  const current =
    saved.plan.changes.length === 0 ? undefined : await loadDesiredFor(config, run.cwd).catch(() => undefined);
  const derived = deriveDisplay(saved.plan, {
    liveGroups: kept,
    catalog,
    ...(counts.customers ? { customers: counts.customers } : {}),
    reads: {
      requests: { groups: groupsRequests, ...read.requests, customers: counts.requests },
      unchecked: [...read.unchecked, ...counts.unchecked],
    },
    fileOf: fileFinder(current),
  });
  // What names each deleted group is read again: a reference that appeared since review refuses the plan.
  const plan = await recheckGroupReferences(store.client, derived);
  const prune = saved.plan.changes.some((change) => change.action === 'delete');
  await checkStorefrontFresh(store, saved.plan.storefront, context.replan({ prune, force: saved.forced }));
  const overridden = checkAgainstStore(
    { ...saved, plan },
    {
      storeHash: store.storeHash,
      liveGroups: allLive,
      keptCount: kept.length,
      safety: config.safety,
      catalog,
      force: run.force,
    },
    context,
  );
  return {
    config,
    store,
    plan,
    ...(saved.forced ? { overridden } : {}),
    sameFiles: !current || current.hash === saved.desired_hash,
  };
}

/** The file that describes a group of this name in groups/ now; none when groups/ could not be read. */
function fileFinder(current: DesiredState | undefined): (name: string) => string | undefined {
  const byName = new Map((current?.groups ?? []).map((group) => [nameKey(group.name), group.source.file]));
  return (name) => byName.get(nameKey(name));
}

function mergeNeeds(a: CatalogNeeds, b: CatalogNeeds): CatalogNeeds {
  return {
    categories: a.categories || b.categories,
    priceLists: a.priceLists || b.priceLists,
    channels: a.channels || b.channels,
    productIds: [...new Set([...a.productIds, ...b.productIds])].sort((x, y) => x - y),
    productSkus: [...new Set([...a.productSkus, ...b.productSkus])].sort(),
  };
}

/** The rows and channel settings the storefront changes were planned against, read again and compared. */
async function checkStorefrontFresh(store: Store, storefront: StorefrontPlan | undefined, replan: string) {
  const checks = listStorefrontChecks(storefront);
  if (checks.groups.length === 0 && checks.channels.length === 0) return;
  const rows = checks.groups.length > 0 ? (await store.client.store.readAssignments(checks.groups)).value : [];
  const settings = new Map<number, ChannelGroupSettings>();
  for (const id of checks.channels) settings.set(id, (await store.client.store.readChannelGroupSettings(id)).value);
  const reasons = findStorefrontStaleReasons(storefront, { rows, settings });
  if (reasons.length > 0) throw new StalePlanError(reasons, replan);
}
