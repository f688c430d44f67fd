// Which OAuth scope family each V2/V3 path needs, from the security section of each spec: catalog and
// price lists "products", promotions "marketing", tax zones "information" (Information & Settings), the
// rest (groups, customers) "customers". Dropping a read-only scope makes its paths answer 403.
export function scopeFamilyOf(api: 'v2' | 'v3', path: string): string {
  if (api === 'v2') return 'customers';
  if (path.startsWith('/catalog') || path.startsWith('/pricelists')) return 'products';
  if (path.startsWith('/promotions')) return 'marketing';
  if (path.startsWith('/tax')) return 'information';
  return 'customers';
}
