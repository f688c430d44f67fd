// The header options of a rendered plan, from the run: which store, and what --force overrode.
import path from 'node:path';
import { DEFAULT_CONFIG } from '../config/index.js';
import type { Config, SafetyRefusal } from '../model/index.js';
import { planStoreOf, type PlanStore } from '../render/header.js';

/** With `cwd`, the store also names the config file read (relative to cwd), or says there was none. */
export function describeRun(
  storeHash: string,
  config: Pick<Config, 'apiUrl' | 'configFile' | 'storeName'>,
  overridden: SafetyRefusal[] | undefined,
  cwd?: string,
): { store: PlanStore; forced?: SafetyRefusal[] } {
  const origin = planStoreOf(storeHash, config.apiUrl, DEFAULT_CONFIG.apiUrl);
  const store = config.storeName === undefined ? origin : { ...origin, name: config.storeName };
  const configFile = config.configFile ? path.relative(cwd ?? '', config.configFile) || config.configFile : null;
  return {
    store: cwd === undefined ? store : { ...store, configFile },
    ...(overridden ? { forced: overridden } : {}),
  };
}
