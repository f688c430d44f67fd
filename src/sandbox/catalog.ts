// The store around the groups, read-only through V3: categories in trees, products with SKUs, price
// lists, and customers with their group. Seeded once; deleting a group unassigns its customers.

export interface SeedCategory {
  category_id: number;
  name: string;
  /** 0 (the default) at the root of its tree. */
  parent_id?: number;
  /** 1 by default; a multi-storefront store has one tree per channel. */
  tree_id?: number;
  is_visible?: boolean;
}

export interface SeedProduct {
  id: number;
  name: string;
  sku?: string;
}

export interface SeedPriceList {
  id: number;
  name: string;
  active?: boolean;
}

export interface SeedCatalog {
  categories?: SeedCategory[];
  products?: SeedProduct[];
  price_lists?: SeedPriceList[];
}

export interface SeedCustomer {
  id?: number;
  email?: string;
  first_name?: string;
  last_name?: string;
  /** 0 = in no group. */
  customer_group_id: number;
}

export interface StoredCategory {
  category_id: number;
  parent_id: number;
  tree_id: number;
  name: string;
  is_visible: boolean;
}

export interface StoredProduct {
  id: number;
  name: string;
  sku: string;
  type: 'physical';
  is_visible: boolean;
}

export interface StoredPriceList {
  id: number;
  name: string;
  active: boolean;
  date_created: string;
  date_modified: string;
}

export interface StoredCustomer {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  customer_group_id: number;
}

/** A reference of a group body to something the catalog may lack. */
export interface CatalogReference {
  kind: 'category' | 'product' | 'price_list';
  id: number;
  /** Where in the body: "discount_rules[1].category_id". */
  field: string;
}

export class CatalogStore {
  readonly categories: StoredCategory[];
  readonly products: StoredProduct[];
  readonly priceLists: StoredPriceList[];
  readonly customers: StoredCustomer[];
  /** Whether the seed had a catalog at all; without one, references cannot be checked. */
  readonly hasCatalog: boolean;
  private readonly ids: Record<CatalogReference['kind'], Set<number>>;

  /** The caller has validated the seed (findCatalogProblems). */
  constructor(
    catalog: SeedCatalog | undefined,
    customers: readonly SeedCustomer[] = [],
    stamp = '2024-01-01T00:00:00Z',
  ) {
    this.hasCatalog = catalog !== undefined;
    this.categories = (catalog?.categories ?? [])
      .map((c) => ({
        category_id: c.category_id,
        parent_id: c.parent_id ?? 0,
        tree_id: c.tree_id ?? 1,
        name: c.name,
        is_visible: c.is_visible ?? true,
      }))
      .sort((a, b) => a.category_id - b.category_id);
    this.products = (catalog?.products ?? [])
      .map((p) => ({ id: p.id, name: p.name, sku: p.sku ?? '', type: 'physical' as const, is_visible: true }))
      .sort((a, b) => a.id - b.id);
    this.priceLists = (catalog?.price_lists ?? [])
      .map((l) => ({ id: l.id, name: l.name, active: l.active ?? true, date_created: stamp, date_modified: stamp }))
      .sort((a, b) => a.id - b.id);
    let nextId = 1;
    this.customers = customers.map((c) => {
      const id = c.id ?? nextId;
      nextId = Math.max(nextId, id + 1);
      return {
        id,
        email: c.email ?? `customer${id}@example.com`,
        first_name: c.first_name ?? 'Customer',
        last_name: c.last_name ?? String(id),
        customer_group_id: c.customer_group_id,
      };
    });
    this.customers.sort((a, b) => a.id - b.id);
    this.ids = {
      category: new Set(this.categories.map((c) => c.category_id)),
      product: new Set(this.products.map((p) => p.id)),
      price_list: new Set(this.priceLists.map((l) => l.id)),
    };
  }

  /** The references of a group body (rules and category access) that name nothing in the catalog. */
  findMissingReferences(body: Record<string, unknown>): CatalogReference[] {
    if (!this.hasCatalog) return [];
    return listReferences(body).filter((reference) => !this.ids[reference.kind].has(reference.id));
  }

  /** What the store does to the members of a deleted group: they are in no group afterwards. */
  unassignGroup(groupId: number): void {
    for (const customer of this.customers) if (customer.customer_group_id === groupId) customer.customer_group_id = 0;
  }
}

const TARGETS = { category: 'category_id', product: 'product_id', price_list: 'price_list_id' } as const;

/** Every catalog id a (checked) group body refers to. */
export function listReferences(body: Record<string, unknown>): CatalogReference[] {
  const references: CatalogReference[] = [];
  const rules = Array.isArray(body.discount_rules) ? (body.discount_rules as Array<Record<string, unknown>>) : [];
  rules.forEach((rule, index) => {
    const target = TARGETS[rule.type as keyof typeof TARGETS];
    if (target !== undefined)
      references.push({
        kind: rule.type as CatalogReference['kind'],
        id: Number(rule[target]),
        field: `discount_rules[${index}].${target}`,
      });
  });
  const access = body.category_access as { categories?: unknown[] } | undefined;
  (access?.categories ?? []).forEach((id, index) =>
    references.push({ kind: 'category', id: Number(id), field: `category_access.categories[${index}]` }),
  );
  return references;
}
