// How an imported file names what a group points at: ids with the name as a comment (the default), or
// the names themselves (--by-name) wherever a name resolves back to exactly that id.
import type { CategoryAccess, DiscountRule } from '../model/index.js';
import { escapeControl } from '../render/escape.js';
import { loadValidator } from '../schema/index.js';
import { matchByKey, matchCategories, type CatalogIndex } from '../references/catalog-index.js';

export interface ImportNames {
  index: CatalogIndex;
  /** Write names instead of ids where they resolve uniquely. */
  byName: boolean;
}

/** A rule's target as the file writes it: key, value, and a comment naming it (when not by name). */
export interface WrittenTarget {
  key: string;
  value: number | string;
  comment?: string;
}

export function writeTarget(
  rule: Exclude<DiscountRule, { type: 'all' }>,
  names: ImportNames | undefined,
): WrittenTarget {
  const index = names?.index;
  switch (rule.type) {
    case 'category': {
      const category = index?.categories?.byId.get(rule.category_id);
      const unique = category && index?.categories && matchCategories(index.categories, category.path).length === 1;
      if (category && unique && names?.byName && isWritable('categoryPath', category.path))
        return { key: 'category', value: category.path };
      return withComment('category_id', rule.category_id, category?.path);
    }
    case 'product': {
      const product = index?.products?.byId.get(rule.product_id);
      const unique =
        product && product.sku !== '' && index?.products && matchByKey(index.products, product.sku).length === 1;
      if (product && unique && names?.byName && isWritable('productSku', product.sku))
        return { key: 'product_sku', value: product.sku };
      return withComment(
        'product_id',
        rule.product_id,
        product ? `${product.name}${product.sku ? ` (SKU ${product.sku})` : ''}` : undefined,
      );
    }
    case 'price_list': {
      const list = index?.priceLists?.byId.get(rule.price_list_id);
      const unique = list && index?.priceLists && matchByKey(index.priceLists, list.name).length === 1;
      if (list && unique && names?.byName && isWritable('priceListName', list.name))
        return { key: 'price_list', value: list.name };
      return withComment('price_list_id', rule.price_list_id, list?.name);
    }
  }
}

/** Category access items as written, and a comment naming those left as ids. */
export function writeCategories(
  access: Extract<CategoryAccess, { type: 'specific' }>,
  names: ImportNames | undefined,
): { items: (number | string)[]; comment?: string } {
  const categories = names?.index.categories;
  const items = access.categories.map((id) => {
    const category = categories?.byId.get(id);
    return category &&
      categories &&
      names?.byName &&
      isWritable('categoryPath', category.path) &&
      matchCategories(categories, category.path).length === 1
      ? category.path
      : id;
  });
  const named = items
    .filter((item): item is number => typeof item === 'number')
    .map((id) => categories?.byId.get(id)?.path);
  const comment = named.length > 0 && named.every((path) => path !== undefined) ? named.join(', ') : undefined;
  return comment ? { items, comment: toComment(comment) } : { items };
}

/** A name the file format accepts (no hidden characters, not too long); any other stays an id, named in a comment. */
function isWritable(definition: 'categoryPath' | 'productSku' | 'priceListName', value: string): boolean {
  return loadValidator(definition)(value);
}

function withComment(key: string, value: number, label: string | undefined): WrittenTarget {
  return label === undefined ? { key, value } : { key, value, comment: toComment(label) };
}

/** A comment is one line: store names are shown with control and line characters escaped. */
function toComment(text: string): string {
  return ` ${escapeControl(text)}`;
}

/** A price list or channel of a storefront key as the file writes it; names only when unique and writable. */
export function writeStorefrontRef(
  kind: 'price_list' | 'channel',
  id: number,
  names: ImportNames | undefined,
): WrittenTarget {
  const index = kind === 'channel' ? names?.index.channels : names?.index.priceLists;
  const found = index?.byId.get(id);
  const unique = found && index && matchByKey(index, found.name).length === 1;
  const definition = kind === 'channel' ? 'channelName' : 'priceListName';
  if (found && unique && names?.byName && loadValidator(definition)(found.name))
    return { key: kind, value: found.name };
  return withComment(`${kind}_id`, id, found?.name);
}
