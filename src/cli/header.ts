// The header options of a rendered plan, from the run: which store, and what --force overrode.
import { DEFAULT_CONFIG } from '../config/index.js';
import type { Config, SafetyRefusal } from '../model/index.js';
import { planStoreOf, type PlanStore } from '../render/header.js';

export function describeRun(
  storeHash: string,
  config: Pick<Config, 'apiUrl'>,
  overridden: SafetyRefusal[] | undefined,
): { store: PlanStore; forced?: SafetyRefusal[] } {
  return {
    store: planStoreOf(storeHash, config.apiUrl, DEFAULT_CONFIG.apiUrl),
    ...(overridden ? { forced: overridden } : {}),
  };
}
