// One live group as the canonical file the loader reads: schema modeline, `id` pin first, fields in
// GROUP_FIELDS order, and nothing that only repeats what the API assumes anyway.
import { Document, Scalar, isSeq, parse } from 'yaml';
import { GROUP_FIELDS, type DiscountRule, type LiveGroup } from '../model.js';
import { API_DEFAULTS, canonicalJson } from '../normalize.js';

/** The modeline of a file in this repository's groups/; import computes the right path for any folder. */
export const SCHEMA_MODELINE = modelineFor('../schemas/customer-group.schema.json');

export function modelineFor(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}`;
}

export function renderGroupFile(group: LiveGroup, modeline: string = SCHEMA_MODELINE): string {
  const content: Record<string, unknown> = { id: group.id };
  for (const field of GROUP_FIELDS) {
    if (field !== 'name' && canonicalJson(group[field]) === canonicalJson(API_DEFAULTS[field])) continue;
    content[field] = field === 'discount_rules' ? group.discount_rules.map(orderRuleKeys) : group[field];
  }
  const document = new Document(content);
  const name = document.get('name', true);
  if (name instanceof Scalar && needsDoubleQuotes(group.name)) name.type = Scalar.QUOTE_DOUBLE;
  const categories = document.getIn(['category_access', 'categories'], true);
  if (isSeq(categories)) categories.flow = true;
  return `${modeline}\n${document.toString({ lineWidth: 0 })}`;
}

/** Rule keys in the order people read them: type, method, amount, target. */
function orderRuleKeys(rule: DiscountRule): Record<string, unknown> {
  switch (rule.type) {
    case 'price_list':
      return { type: rule.type, price_list_id: rule.price_list_id };
    case 'all':
      return { type: rule.type, method: rule.method, amount: rule.amount };
    case 'category':
      return { type: rule.type, method: rule.method, amount: rule.amount, category_id: rule.category_id };
    case 'product':
      return { type: rule.type, method: rule.method, amount: rule.amount, product_id: rule.product_id };
  }
}

/**
 * Names with control or line characters, or that an older YAML 1.1 reader would take for a boolean or
 * number (yes, on, 0x1F), are written double-quoted with escapes so every reader sees the same string.
 */
function needsDoubleQuotes(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(name)) return true;
  if (name !== name.trim()) return true;
  try {
    return parse(`v: ${name}`, { version: '1.1' })?.v !== name;
  } catch {
    return true;
  }
}
