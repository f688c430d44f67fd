// The catalog of the demo store: what groups/ points at (categories 18, 23, 24 and 31, products 77 and
// 112, price list 3), so plans check those ids against a store that has them.
import type { SeedCatalog } from '../sandbox/index.js';

export const DEMO_CATALOG: SeedCatalog = {
  categories: [
    { category_id: 10, name: 'Tools' },
    { category_id: 18, name: 'Power Tools', parent_id: 10 },
    { category_id: 23, name: 'Hand Tools', parent_id: 10 },
    { category_id: 24, name: 'Fasteners', parent_id: 10 },
    { category_id: 30, name: 'Garden' },
    { category_id: 31, name: 'Hoses', parent_id: 30 },
  ],
  products: [
    { id: 77, name: 'Work Gloves', sku: 'GLV-L' },
    { id: 112, name: 'Claw Hammer 16 oz', sku: 'HAM-16' },
  ],
  price_lists: [{ id: 3, name: 'Trade 2026' }],
};
