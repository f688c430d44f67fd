// The plan as commands use it: planned, then checked for safety unless the run is forced.
import type { DesiredGroup, LiveGroup, Plan, SafetyConfig } from '../model.js';
import { createPlan } from './create-plan.js';
import { checkSafety } from './safety.js';

export interface CheckedPlanOptions {
  prune: boolean;
  safety: SafetyConfig;
  /** --force: no refusals for this run. */
  force: boolean;
}

export function createCheckedPlan(desired: readonly DesiredGroup[], live: readonly LiveGroup[], options: CheckedPlanOptions): Plan {
  const plan = createPlan(desired, live, { prune: options.prune });
  return { ...plan, refusals: options.force ? [] : checkSafety(plan, live.length, options.safety) };
}
