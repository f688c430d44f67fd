// The saved plan in one place, as Terraform keeps its planfile: writing, reading and checking it.
export { toSavedPlan, parseSavedPlan, type SaveContext } from './file.js';
export { findStaleReasons } from './stale.js';
export {
  checkAgainstStore,
  checkOwnedChanges,
  checkPlannedRefusals,
  checkSameStore,
  type SavedPlanContext,
  type StoreNow,
} from './check.js';
export { checkConsistent, findInconsistencies } from './consistency.js';
export { selectStoreOfPlan } from './store.js';
