// The pure step after the planner: the names of what the changes refer to, the customers of each group a
// change touches, and what was read. Renderers word these; apply and the safety pass read only counts.
import type {
  Catalog,
  CatalogNames,
  Change,
  GroupReference,
  GroupState,
  Plan,
  PlanReads,
  ReferenceKind,
} from '../model/index.js';
import { indexCatalog } from '../references/index.js';
import { listChangeStates, listReferencedIds } from '../references/catalog-needs.js';

export interface StoreFacts {
  /** The one catalog read of the run; kinds not read stay unnamed. */
  catalog: Catalog;
  /** Customers per live group id; undefined when the counts were not read. */
  customers?: ReadonlyMap<number, number>;
  reads: PlanReads;
  /** What names each deleted group, and what could not be read; absent when not read (no delete). */
  references?: ReadonlyMap<number, { references: GroupReference[]; unchecked: ReferenceKind[] }>;
}

export function annotatePlan(plan: Plan, facts: StoreFacts): Plan {
  const counted = plan.changes.map((change) => ({ ...change, customers: countOf(change, facts.customers) }));
  const changes = facts.references ? attachReferences(counted, facts.references) : counted;
  const names = nameReferences(plan.changes.flatMap(listChangeStates), facts.catalog);
  return { ...plan, changes, ...(names ? { catalog_names: names } : {}), reads: facts.reads };
}

/** Each delete with what names its group, as read now (a saved plan's are replaced by a fresh read). */
export function attachReferences<C extends Change>(
  changes: readonly C[],
  read: ReadonlyMap<number, { references: GroupReference[]; unchecked: ReferenceKind[] }>,
): C[] {
  return changes.map((change) => {
    const found = change.action === 'delete' ? read.get(change.id) : undefined;
    return found ? { ...change, references: found.references, unchecked: found.unchecked } : change;
  });
}

/** The live groups whose customers a plan needs counted: every group a change touches, each once. */
export function listTouchedGroupIds(plan: Pick<Plan, 'changes'>): number[] {
  return [...new Set(plan.changes.flatMap((change) => (change.action === 'create' ? [] : [change.id])))];
}

/** A group made by the plan has no customers yet; a group not counted is null. */
function countOf(change: Change, customers: ReadonlyMap<number, number> | undefined): number | null {
  if (change.action === 'create') return 0;
  return customers?.get(change.id) ?? null;
}

/** Each id the states refer to, with its name, or null when its kind was read and the id is not there. */
export function nameReferences(states: readonly GroupState[], catalog: Catalog): CatalogNames | undefined {
  const ids = listReferencedIds(states);
  const names: CatalogNames = { categories: {}, products: {}, price_lists: {} };
  const { categories, products, priceLists } = catalog;
  if (categories) {
    // The full path, as files and import comments write it: a last name may be shared ("Garden/Power Tools").
    const byId = indexCatalog({ categories }).categories?.byId;
    for (const id of ids.categories) names.categories[id] = byId?.get(id)?.path ?? null;
  }
  if (products) {
    const byId = new Map(products.map((product) => [product.id, { name: product.name, sku: product.sku }]));
    for (const id of ids.products) names.products[id] = byId.get(id) ?? null;
  }
  if (priceLists) {
    const byId = new Map(priceLists.map((list) => [list.id, list.name]));
    for (const id of ids.price_lists) names.price_lists[id] = byId.get(id) ?? null;
  }
  const named =
    Object.keys(names.categories).length + Object.keys(names.products).length + Object.keys(names.price_lists).length;
  return named > 0 ? names : undefined;
}
