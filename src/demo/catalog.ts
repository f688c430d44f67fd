// The store around the demo's groups (what groups/ points at, so plans check those ids against a store
// that has them): a hardware shop with a retail tree and a trade storefront's tree,
// a few products with SKUs, two price lists, and customers in most groups, so its plans show names and
// counts. The ids are the ones groups/ and the demo store refer to.
import type { SeedCatalog, SeedCustomer } from '../sandbox/index.js';

export const DEMO_CATALOG: SeedCatalog = {
  categories: [
    { category_id: 18, name: 'Tools' },
    { category_id: 19, name: 'Power Tools', parent_id: 18 },
    { category_id: 20, name: 'Hand Tools', parent_id: 18 },
    { category_id: 23, name: 'Garden' },
    { category_id: 24, name: 'Watering', parent_id: 23 },
    { category_id: 25, name: 'Lawn Care', parent_id: 23 },
    { category_id: 31, name: 'Fasteners' },
    { category_id: 32, name: 'Screws', parent_id: 31 },
    { category_id: 40, name: 'Trade Counter', tree_id: 2 },
    { category_id: 41, name: 'Bulk Fasteners', parent_id: 40, tree_id: 2 },
  ],
  products: [
    { id: 77, name: 'Claw Hammer 16 oz', sku: 'HAM-16' },
    { id: 112, name: 'Cordless Drill 18V', sku: 'DRL-18V' },
    { id: 113, name: 'Garden Hose 25 m', sku: 'HOS-25' },
    { id: 114, name: 'Wood Screws, box of 200', sku: 'SCR-200' },
  ],
  price_lists: [
    { id: 2, name: 'Retail 2026' },
    { id: 3, name: 'Trade 2026' },
  ],
};

/** Customers per demo group id (Walk-in, the guest group, has none: guests are not signed in). */
const MEMBERS: Record<number, number> = { 1: 6, 3: 4, 4: 3, 5: 2, 6: 1 };

export const DEMO_CUSTOMERS: SeedCustomer[] = Object.entries(MEMBERS).flatMap(([group, count]) =>
  Array.from({ length: count }, (_, index) => ({
    email: `shopper${group}-${index + 1}@example.com`,
    customer_group_id: Number(group),
  })),
);
