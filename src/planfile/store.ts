// Choosing the store a saved plan runs against: the one it names, never another.
import { narrowTo, readStorePick, selectStore, storeNamesOf, type StorePick } from '../config/index.js';
import { UsageError } from '../errors.js';
import type { Config } from '../model/index.js';

/**
 * The store a saved plan runs against: the one it names, and never another (a usage error names both).
 * A plan of a single-store config picks the way any command does.
 */
export function selectStoreOfPlan(
  config: Config,
  pick: StorePick,
  plan: { file: string; store?: string | undefined; storeHash: string },
): Config {
  if (plan.store === undefined) return selectStore(config, pick);
  const picked = readStorePick(pick);
  if (picked && picked.name !== plan.store) {
    throw new UsageError(
      `${plan.file} was planned for store '${plan.store}' (${plan.storeHash}), but ${picked.from} picks store ` +
        `'${picked.name}'. Apply it to ${plan.store} with --store ${plan.store}, ` +
        `or make a plan for ${picked.name}: bcgroups plan --store ${picked.name} --out FILE.`,
    );
  }
  if (storeNamesOf(config).length === 0) {
    throw new UsageError(
      `${plan.file} was planned for store '${plan.store}' (${plan.storeHash}) ` +
        'of a config that names several stores, but this config names none. ' +
        'Run apply with that config (--config FILE).',
    );
  }
  return narrowTo(config, plan.store, `${plan.file}'s store`);
}
