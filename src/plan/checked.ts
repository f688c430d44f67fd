// The plan as commands use it: planned, then checked for safety unless the run is forced.
import type { DesiredGroup, LiveGroup, Plan, SafetyConfig } from '../model/index.js';
import { createPlan, type PlanOptions } from './create-plan.js';
import { checkSafety } from './safety.js';

export interface CheckedPlanOptions {
  prune: boolean;
  safety: SafetyConfig;
  /** --force: no refusals for this run. */
  force: boolean;
  excluded?: PlanOptions['excluded'];
}

export function createCheckedPlan(
  desired: readonly DesiredGroup[],
  live: readonly LiveGroup[],
  options: CheckedPlanOptions,
): Plan {
  const plan = createPlan(desired, live, {
    prune: options.prune,
    ...(options.excluded ? { excluded: options.excluded } : {}),
  });
  return { ...plan, refusals: options.force ? [] : checkSafety(plan, live.length, options.safety) };
}
