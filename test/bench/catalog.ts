// The store around the groups at scale: 2,000 categories in two trees, 500 referenced products, three
// price lists, 1,000 groups of which 100 change. The reads of one plan are counted at the sandbox and
// set beside their lower bound; plan time is measured with and without the catalog and customer reads.
import { DEFAULT_CONFIG } from '../../src/config/index.js';
import { batchFilters } from '../../src/bigcommerce/catalog.js';
import { createTransport } from '../../src/bigcommerce/index.js';
import { planAgainstStore } from '../../src/run/plan-store.js';
import type { Config, DesiredGroup, LiveGroup } from '../../src/model/index.js';
import { startSandbox, type Sandbox, type SeedGroup } from '../../src/sandbox/index.js';
import type { SeedCategory, SeedCustomer } from '../../src/sandbox/index.js';
import { desired } from '../support/groups.js';
import { clientFor, countReadsByKind, SHIPPED_BACKOFF } from '../support/sandbox.js';

const CATEGORIES = 2_000;
const PRODUCTS = 500;
const PRICE_LISTS = 3;
const GROUPS = 1_000;
/** Every tenth group changes: 100 touched groups, 100 counts. */
const CHANGED_EVERY = 10;
const PAGE = 250;

export interface CatalogBench {
  reads: ReturnType<typeof countReadsByKind>;
  bounds: ReturnType<typeof countReadsByKind>;
  changes: number;
  withReadsMs: number;
  withoutReadsMs: number;
}

function seedCategories(): SeedCategory[] {
  // Two trees of ten roots each, every root with 99 children.
  return Array.from({ length: CATEGORIES }, (_, index) => {
    const tree = index < CATEGORIES / 2 ? 1 : 2;
    const root = index % 100 === 0;
    return {
      category_id: index + 1,
      name: `Category ${index + 1}`,
      tree_id: tree,
      parent_id: root ? 0 : index - (index % 100) + 1,
    };
  });
}

/** The last groups price by a price list alone, as the store requires of such a rule. */
const PRICE_LIST_GROUPS = 20;

function seedGroup(index: number): SeedGroup {
  if (index >= GROUPS - PRICE_LIST_GROUPS) {
    return {
      id: index + 1,
      name: `Group ${String(index + 1).padStart(4, '0')}`,
      discount_rules: [{ type: 'price_list', price_list_id: 1 + (index % PRICE_LISTS) }],
    };
  }
  return {
    id: index + 1,
    name: `Group ${String(index + 1).padStart(4, '0')}`,
    category_access: { type: 'specific', categories: [1 + (index % CATEGORIES), 1 + ((index * 7) % CATEGORIES)] },
    discount_rules: [
      { type: 'category', method: 'percent', amount: '5.0000', category_id: 1 + ((index * 3) % CATEGORIES) },
      { type: 'product', method: 'price', amount: '2.5000', product_id: 10_000 + (index % PRODUCTS) },
      { type: 'all', method: 'percent', amount: String(index % 20) },
    ],
  };
}

function desiredOf(group: LiveGroup, changed: boolean): DesiredGroup {
  const rules = group.discount_rules.map((rule) =>
    rule.type === 'all' && changed ? { ...rule, amount: rule.amount + 1 } : rule,
  );
  return desired(group.name, { id: group.id, category_access: group.category_access, discount_rules: rules });
}

async function withCatalogStore<T>(use: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const customers: SeedCustomer[] = Array.from({ length: 3_000 }, (_, index) => ({
    customer_group_id: 1 + (index % GROUPS),
  }));
  const sandbox = await startSandbox({
    seed: Array.from({ length: GROUPS }, (_, index) => seedGroup(index)),
    catalog: {
      categories: seedCategories(),
      products: Array.from({ length: PRODUCTS + 100 }, (_, index) => ({
        id: 10_000 + index,
        name: `Product ${index + 1}`,
        sku: `SKU-${index + 1}`,
      })),
      price_lists: Array.from({ length: PRICE_LISTS }, (_, index) => ({
        id: index + 1,
        name: `Price list ${index + 1}`,
      })),
    },
    customers,
    quota: 1_000_000,
  });
  try {
    return await use(sandbox);
  } finally {
    await sandbox.close();
  }
}

export async function benchCatalogPlan(): Promise<CatalogBench> {
  return withCatalogStore(async (sandbox) => {
    const live = await clientFor(sandbox, SHIPPED_BACKOFF).listGroups();
    const desiredGroups = live.map((group, index) => desiredOf(group, index % CHANGED_EVERY === 0));
    const desiredState = { groups: desiredGroups, files: desiredGroups.map((group) => group.source.file), hash: '' };
    const config: Config = { ...DEFAULT_CONFIG };
    const options = { prune: false, force: false, checkSafety: true };

    sandbox.log.length = 0;
    let started = performance.now();
    const { plan } = await planAgainstStore(clientFor(sandbox, SHIPPED_BACKOFF), desiredState, config, options);
    const withReadsMs = performance.now() - started;
    const reads = countReadsByKind(sandbox);

    started = performance.now();
    await planAgainstStore(
      clientFor(sandbox, SHIPPED_BACKOFF),
      desiredState,
      { ...config, catalog: false, customers: false },
      options,
    );
    const withoutReadsMs = performance.now() - started;

    const transport = createTransport({ apiUrl: sandbox.apiUrl, storeHash: sandbox.storeHash, token: sandbox.token });
    const productIds = [
      ...new Set(
        live.flatMap((group) =>
          group.discount_rules.flatMap((rule) => (rule.type === 'product' ? [String(rule.product_id)] : [])),
        ),
      ),
    ];
    const bounds = {
      // The V2 list learns it is done from a short page, or one more request past the last full one.
      groups: Math.ceil(GROUPS / PAGE) + 1,
      categories: Math.ceil(CATEGORIES / PAGE),
      products: batchFilters(transport, 'id:in', productIds).length,
      price_lists: Math.ceil(PRICE_LISTS / PAGE),
      customers: plan.changes.length,
    };
    return { reads, bounds, changes: plan.changes.length, withReadsMs, withoutReadsMs };
  });
}
