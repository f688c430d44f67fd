// Rules about one group's discounts that a JSON Schema cannot say (or cannot say clearly).
import { clipQuoted } from '../text/clip.js';
import type { Problem } from '../errors.js';
import type { DiscountRuleOf, GroupFile } from '../model/index.js';
import { normalizeAmount } from '../model/normalize.js';
import { joinPointer, locate, toFieldPath, type PositionIndex } from '../schema/pointer.js';

/** The problems of one group's rules; also run on files that fail the schema, so it reads defensively. */
export function checkGroupRules(file: string, group: GroupFile, positions: PositionIndex): Problem[] {
  const rules = group.discount_rules ?? [];
  const problems: Problem[] = [];
  const problemAt = (index: number, suffix: string, message: string, hint?: string): Problem => {
    const pointer = joinPointer('/discount_rules', index) + suffix;
    return {
      file,
      ...locate(positions, pointer, suffix ? 'value' : 'key'),
      field: toFieldPath(pointer),
      message,
      hint,
    };
  };
  const lineOf = (index: number): number => locate(positions, joinPointer('/discount_rules', index)).line;

  if (rules.length > 1) {
    rules.forEach((rule, index) => {
      if (rule.type === 'price_list') {
        problems.push(
          problemAt(
            index,
            '',
            `a price_list rule must be the only rule of its group (this group has ${rules.length})`,
            'link the price list, or give discounts; the API refuses both at once',
          ),
        );
      }
    });
  }

  const firstByTarget = new Map<string, number>();
  rules.forEach((rule, index) => {
    const target = describeTarget(rule);
    if (!target) return;
    const first = firstByTarget.get(target);
    if (first === undefined) {
      firstByTarget.set(target, index);
      return;
    }
    const message =
      rule.type === 'all'
        ? `a group has at most one store-wide ('all') rule; another is at line ${lineOf(first)}`
        : `${target} already has a rule at line ${lineOf(first)}`;
    problems.push(problemAt(index, '', message, 'merge them into one rule'));
  });

  rules.forEach((rule, index) => {
    if (rule.type !== 'price_list' && rule.method === 'percent' && normalizeAmount(rule.amount) > 100) {
      problems.push(
        problemAt(
          index,
          '/amount',
          `a percent discount is at most 100 (found ${clipQuoted(JSON.stringify(rule.amount) ?? 'nothing')})`,
        ),
      );
    }
  });
  return problems;
}

/**
 * What a rule discounts as written, for finding two rules on the same thing; price lists are checked
 * apart. A rule by id and one by name of one category are found at plan time, once names are resolved.
 */
function describeTarget(rule: DiscountRuleOf<'file'>): string | undefined {
  const fields = rule as Partial<Record<'category_id' | 'category' | 'product_id' | 'product_sku', unknown>>;
  switch (rule.type) {
    case 'all':
      return 'the whole store';
    case 'category':
      return isId(fields.category_id)
        ? `category ${Number(fields.category_id)}`
        : isRef(fields.category)
          ? `category '${clipQuoted(String(fields.category))}'`
          : undefined;
    case 'product':
      return isId(fields.product_id)
        ? `product ${Number(fields.product_id)}`
        : isRef(fields.product_sku)
          ? `product SKU '${clipQuoted(String(fields.product_sku))}'`
          : undefined;
    case 'price_list':
      return undefined;
  }
}

function isRef(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** Only a real id can clash with another rule's; a missing or mistyped one is the schema's to report. */
function isId(value: unknown): boolean {
  return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d+$/.test(value));
}
