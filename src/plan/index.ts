// The pure planner's public API: plan, check, save, parse. No file reads, no requests.
export { createPlan, type PlanOptions } from './create-plan.js';
export { checkSafety } from './safety.js';
export { HOLDER_FLAGS, type HolderFlag } from '../model/index.js';
export { changeKey } from './key.js';
export { attributeChanges, attributeAgainstBaseline, describeBaselineError } from './attribute.js';
