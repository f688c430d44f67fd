// The catalog step of plan, apply and drift: one read of what the desired and live groups point at
// (nothing when no group points at a category, product or price list; products only those named), then
// references resolved and ids checked against it before planning. The same read names things in the plan.
import { ValidationError } from '../errors.js';
import type { StoreReads } from '../bigcommerce/index.js';
import type {
  Catalog,
  CatalogKind,
  CatalogNeeds,
  Config,
  DesiredGroup,
  PlanReads,
  ResolvedReference,
} from '../model/index.js';
import { sortProblems, type DesiredState } from '../desired/index.js';
import { needsNothing, resolveReferences } from '../references/index.js';

/** The client's reads this step uses. */
export type CatalogReads = Pick<StoreReads, 'readCategories' | 'readProducts' | 'readPriceLists' | 'listChannels'>;

/** Why a needed kind went unread, as resolution quotes it and the plan notes it. */
export const NO_CATALOG = '--no-catalog';

export interface ResolvedDesired {
  groups: DesiredGroup[];
  references: ResolvedReference[];
}

export interface CatalogRead {
  catalog: Catalog;
  requests: Pick<PlanReads['requests'], 'categories' | 'products' | 'price_lists' | 'channels'>;
  /** What the plan could not check because the reads were skipped. */
  unchecked: string[];
}

/** Throws ValidationError (exit 1, before any write) for a reference or id the catalog does not back. */
export function resolveDesired(desired: DesiredState, catalog: Catalog): ResolvedDesired {
  const resolution = resolveReferences(desired.groups, catalog);
  if (resolution.problems.length > 0) throw new ValidationError(sortProblems(resolution.problems));
  return { groups: resolution.groups, references: resolution.references };
}

/** The kinds the references of a saved plan need, read again to see whether they still resolve alike. */
export function needsOfReferences(references: readonly ResolvedReference[]): CatalogNeeds {
  const of = (kind: CatalogKind) => references.filter((reference) => reference.kind === kind);
  return {
    categories: of('category').length > 0,
    priceLists: of('price_list').length > 0,
    channels: of('channel').length > 0,
    productIds: [],
    productSkus: [...new Set(of('product').map((reference) => reference.ref))].sort(),
  };
}

/** Only the reads the needs ask for, kinds in parallel; with `catalog: false`, none, and the catalog says why. */
export async function readCatalog(
  reads: CatalogReads,
  needs: CatalogNeeds,
  switches: Pick<Config, 'catalog'>,
): Promise<CatalogRead> {
  const none = { categories: 0, products: 0, price_lists: 0 };
  if (needsNothing(needs)) return { catalog: {}, requests: none, unchecked: [] };
  if (!switches.catalog) return { catalog: { unread: NO_CATALOG }, requests: none, unchecked: describeUnread(needs) };
  const wantsProducts = needs.productIds.length > 0 || needs.productSkus.length > 0;
  const [categories, products, priceLists, channels] = await Promise.all([
    needs.categories ? reads.readCategories() : undefined,
    wantsProducts ? reads.readProducts({ ids: needs.productIds, skus: needs.productSkus }) : undefined,
    needs.priceLists ? reads.readPriceLists() : undefined,
    needs.channels ? reads.listChannels() : undefined,
  ]);
  return {
    catalog: {
      ...(categories ? { categories: categories.value } : {}),
      ...(products ? { products: products.value } : {}),
      ...(priceLists ? { priceLists: priceLists.value } : {}),
      ...(channels ? { channels: channels.value } : {}),
    },
    requests: {
      categories: categories?.requests ?? 0,
      products: products?.requests ?? 0,
      price_lists: priceLists?.requests ?? 0,
      ...(channels ? { channels: channels.requests } : {}),
    },
    unchecked: [],
  };
}

function describeUnread(needs: CatalogNeeds): string[] {
  const kinds = [
    needs.categories ? 'category' : '',
    needs.productIds.length + needs.productSkus.length > 0 ? 'product' : '',
    needs.priceLists ? 'price list' : '',
    needs.channels ? 'channel' : '',
  ].filter(Boolean);
  return [`${kinds.join(', ')} names not read, and their ids not checked against the store (${NO_CATALOG})`];
}
