// Which OAuth scope each V2/V3 path needs, from the security section of each spec: catalog and price lists
// "products", promotions "marketing", tax zones "information" (Information & Settings), channels the
// channel settings scope, the rest (groups, customers, a channel's customer settings) "customers".
// Dropping a read-only scope makes its paths answer 403.
export function scopeOf(api: 'v2' | 'v3', path: string): string {
  if (api === 'v3' && path.startsWith('/channels')) return 'store_channel_settings';
  return `store_v2_${scopeFamilyOf(api, path)}`;
}

export function scopeFamilyOf(api: 'v2' | 'v3', path: string): string {
  if (api === 'v2') return 'customers';
  if (path.startsWith('/catalog') || path.startsWith('/pricelists')) return 'products';
  if (path.startsWith('/promotions')) return 'marketing';
  if (path.startsWith('/tax')) return 'information';
  return 'customers';
}
