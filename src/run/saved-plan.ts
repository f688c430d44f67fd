// `apply PLANFILE` before any write: a saved plan runs only if it is exactly what the planner would write
// for the states it records, against the store it was made from, unchanged since, and only if the safety
// checks would pass it now, with the deleted groups' customers counted again (unless it was made with
// --force and apply is given --force); inconsistencies, refusals and staleness are thrown before any write.
import type { StorePick } from '../config/index.js';
import type { Config, Plan, SafetyRefusal } from '../model/index.js';
import {
  checkAgainstStore,
  checkConsistent,
  checkPlannedRefusals,
  checkSameStore,
  selectStoreOfPlan,
} from '../planfile/index.js';
import { readSavedPlan } from '../planfile/io.js';
import { needsOfReferences, readCatalog } from './catalog.js';
import { recountDeletedCustomers } from './customer-counts.js';
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
  const store = openStore(config, run.env);
  checkSameStore(saved, store.storeHash, context);
  const liveGroups = await store.client.listGroups();
  const { catalog } = await readCatalog(store.client.store, needsOfReferences(saved.references ?? []), config);
  const plan = await recountDeletedCustomers(store.client, saved.plan, config);
  const prune = saved.plan.changes.some((change) => change.action === 'delete');
  await checkStorefrontFresh(store, saved.plan.storefront, context.replan({ prune, force: saved.forced }));
  const overridden = checkAgainstStore(
    { ...saved, plan },
    { storeHash: store.storeHash, liveGroups, safety: config.safety, catalog, force: run.force },
    context,
  );
  // Only worth a note when there is something to apply.
  const current = plan.changes.length === 0 ? undefined : await loadDesiredFor(config, run.cwd).catch(() => undefined);
  return {
    config,
    store,
    plan,
    ...(saved.forced ? { overridden } : {}),
    sameFiles: !current || current.hash === saved.desired_hash,
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
