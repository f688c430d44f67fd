// The live store the demo starts from: it differs from groups/ the ways real stores drift.
import type { SeedGroup } from '../sandbox/index.js';

export const DEMO_STORE: SeedGroup[] = [
  // In sync with groups/retail.yaml.
  { id: 1, name: 'Retail', is_default: true },
  // Unmanaged, and holds the guest flag that groups/guests.yaml (not yet in the store) claims.
  { id: 2, name: 'Walk-in', is_group_for_guests: true },
  // A changed rule (15% -> 10% on category 18) and a hand edit of its category access.
  {
    id: 3,
    name: 'Wholesale',
    category_access: { type: 'specific', categories: [18, 23] },
    discount_rules: [
      { type: 'category', method: 'percent', amount: '10.0000', category_id: 18 },
      { type: 'category', method: 'percent', amount: '12.5000', category_id: 23 },
      { type: 'category', method: 'price', amount: '4.0000', category_id: 31 },
    ],
  },
  // In sync, though the API spells amounts differently and orders rules its own way.
  {
    id: 4,
    name: 'VIP',
    discount_rules: [
      { type: 'product', method: 'price', amount: '5.0000', product_id: 77 },
      { type: 'all', method: 'percent', amount: '10.0000' },
      { type: 'product', method: 'fixed', amount: '49.9900', product_id: 112 },
    ],
  },
  // Still on last year's price list: groups/trade.yaml moves it to price list 3.
  { id: 5, name: 'Trade', discount_rules: [{ type: 'price_list', price_list_id: 2 }] },
  // Made by hand in the control panel; no file describes it, so bcgroups leaves it alone.
  { id: 6, name: 'Spring Promo 2025', discount_rules: [{ type: 'all', method: 'percent', amount: '20.0000' }] },
];
