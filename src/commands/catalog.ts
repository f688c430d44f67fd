// The catalog step of plan, apply and drift: read what the desired groups point at (nothing when no group
// points at a category, product or price list), then resolve references and check ids before planning.
import { ValidationError } from '../errors.js';
import type { StoreReads } from '../bigcommerce/index.js';
import type { Catalog, CatalogKind, CatalogNeeds, DesiredGroup, ResolvedReference } from '../model.js';
import { sortProblems, type DesiredState } from '../desired/index.js';
import { listCatalogNeeds, needsNothing, resolveReferences } from '../references/index.js';

/** The client's reads this step uses; absent, nothing is read (ids go unchecked, names cannot resolve). */
export type CatalogReads = Pick<StoreReads, 'readCategories' | 'readProducts' | 'readPriceLists'>;

/** Why a needed kind went unread when no reads are given. */
const NO_CATALOG_READS = 'the catalog reads are off';

export interface ResolvedDesired {
  groups: DesiredGroup[];
  references: ResolvedReference[];
  catalog: Catalog;
}

/** Throws ValidationError (exit 1, before any write) for a reference or id the catalog does not back. */
export async function resolveDesired(desired: DesiredState, reads: CatalogReads | undefined): Promise<ResolvedDesired> {
  const catalog = await readCatalog(reads, listCatalogNeeds(desired.groups));
  const resolution = resolveReferences(desired.groups, catalog);
  if (resolution.problems.length > 0) throw new ValidationError(sortProblems(resolution.problems));
  return { groups: resolution.groups, references: resolution.references, catalog };
}

/** The kinds the references of a saved plan need, read again to see whether they still resolve alike. */
export function needsOfReferences(references: readonly ResolvedReference[]): CatalogNeeds {
  const of = (kind: CatalogKind) => references.filter((reference) => reference.kind === kind);
  return {
    categories: of('category').length > 0,
    priceLists: of('price_list').length > 0,
    productIds: [],
    productSkus: [...new Set(of('product').map((reference) => reference.ref))].sort(),
  };
}

/** Only the reads the needs ask for; without catalog reads, nothing is read and the catalog says why. */
export async function readCatalog(reads: CatalogReads | undefined, needs: CatalogNeeds): Promise<Catalog> {
  if (needsNothing(needs)) return {};
  if (!reads) return { unread: NO_CATALOG_READS };
  const wantsProducts = needs.productIds.length > 0 || needs.productSkus.length > 0;
  const [categories, products, priceLists] = await Promise.all([
    needs.categories ? reads.readCategories() : undefined,
    wantsProducts ? reads.readProducts({ ids: needs.productIds, skus: needs.productSkus }) : undefined,
    needs.priceLists ? reads.readPriceLists() : undefined,
  ]);
  return {
    ...(categories ? { categories: categories.value } : {}),
    ...(products ? { products: products.value } : {}),
    ...(priceLists ? { priceLists: priceLists.value } : {}),
  };
}
