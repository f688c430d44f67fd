// References by name in group files, resolved against the catalog at plan time: which reads they need,
// what they resolve to, and whether a saved plan's references still resolve the same way.
export { formatCategoryPath, splitCategoryPath } from './category-path.js';
export { indexCatalog, type CatalogIndex, type IndexedCategory } from './catalog-index.js';
export { describeCandidate, MAX_CANDIDATES } from './match.js';
export { resolveReferences, resolveRulesInOrder, type Resolution } from './resolve.js';
export { listCatalogNeeds, listTargets, needsNothing, type Target } from './targets.js';
export { findMovedReferences } from './moved.js';
