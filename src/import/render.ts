// One live group as the canonical file the loader reads: schema modeline, `id` pin first, fields in
// GROUP_FIELDS order, and nothing that only repeats what the API assumes anyway.
import { loadYaml, QUIET } from '../yaml/load.js';
import { GROUP_FIELDS, type DiscountRule, type LiveGroup, type StorefrontKeysOf } from '../model/index.js';
import { API_DEFAULTS, canonicalJson } from '../model/normalize.js';
import { writeCategories, writeStorefrontRef, writeTarget, type ImportNames } from './names.js';

/** The modeline of a file in this repository's groups/; import computes the right path for any folder. */
export const SCHEMA_MODELINE = modelineFor('../schemas/customer-group.schema.json');

export function modelineFor(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}`;
}

/**
 * `names` (from the catalog) adds the name of each target as a comment, or writes names instead of ids.
 * `pins`: the config names several stores, so the pin is one per store (id: {production: 4, staging: 9}).
 * A null modeline is left out.
 */
export function renderGroupFile(
  group: LiveGroup,
  modeline: string | null = SCHEMA_MODELINE,
  names?: ImportNames,
  pins?: Record<string, number>,
  storefront?: StorefrontKeysOf<'resolved'>,
): string {
  const content: Record<string, unknown> = { id: pins ?? group.id };
  const comments: { path: (string | number)[]; comment: string }[] = [];
  for (const field of GROUP_FIELDS) {
    if (field !== 'name' && canonicalJson(group[field]) === canonicalJson(API_DEFAULTS[field])) continue;
    content[field] = group[field];
  }
  content.discount_rules = group.discount_rules.map((rule, index) => {
    if (rule.type === 'all') return { type: rule.type, method: rule.method, amount: rule.amount };
    const target = writeTarget(rule, names);
    if (target.comment) comments.push({ path: ['discount_rules', index, target.key], comment: target.comment });
    return { ...orderRuleKeys(rule), [target.key]: target.value };
  });
  if (group.discount_rules.length === 0) delete content.discount_rules;
  if (group.category_access.type === 'specific') {
    const written = writeCategories(group.category_access, names);
    content.category_access = { type: 'specific', categories: written.items };
    if (written.comment) comments.push({ path: ['category_access', 'categories'], comment: written.comment });
  }
  if (storefront) writeStorefrontKeys(content, comments, storefront, names);
  const document = new (loadYaml().Document)(content);
  const name = document.get('name', true);
  if (name instanceof loadYaml().Scalar && needsDoubleQuotes(group.name)) name.type = 'QUOTE_DOUBLE';
  for (const path of [['category_access', 'categories'], ['default_on_channels'], ['guest_on_channels']]) {
    const list = document.getIn(path, true);
    if (loadYaml().isSeq(list)) list.flow = true;
  }
  for (const { path, comment } of comments) {
    const node = document.getIn(path, true);
    if (loadYaml().isNode(node)) node.comment = comment;
  }
  const rules = document.contents;
  const rulesPair = loadYaml().isMap(rules)
    ? rules.items.find((pair) => String(pair.key) === 'discount_rules')
    : undefined;
  if (rulesPair && loadYaml().isNode(rulesPair.key) && group.discount_rules.some((rule) => rule.type === 'category'))
    rulesPair.key.commentBefore = CATEGORY_RULES_NOTE;
  return `${modeline === null ? '' : `${modeline}\n`}${document.toString({ lineWidth: 0 })}`;
}

/** Said where the category rules are, since no field of the file or the API can say it. */
export const CATEGORY_RULES_NOTE = [
  ' Category rules reach subcategories: the store applies a category rule set through the API to the category',
  ' and its subcategories, and the API can neither set nor report "this category only". A rule set to this',
  ' category only in the control panel reads the same here, and is widened once bcgroups sends these rules',
  ' (any change to them sends the whole list).',
].join('\n');

/** price_lists, then the role lists, after the V2 fields; each price list and channel by name or commented id. */
function writeStorefrontKeys(
  content: Record<string, unknown>,
  comments: { path: (string | number)[]; comment: string }[],
  keys: StorefrontKeysOf<'resolved'>,
  names: ImportNames | undefined,
): void {
  if (keys.price_lists)
    content.price_lists = keys.price_lists.map((entry, index) => {
      const list = writeStorefrontRef('price_list', entry.price_list_id, names);
      const channel = entry.channel_id === null ? undefined : writeStorefrontRef('channel', entry.channel_id, names);
      for (const target of [list, channel])
        if (target?.comment) comments.push({ path: ['price_lists', index, target.key], comment: target.comment });
      return { [list.key]: list.value, ...(channel ? { [channel.key]: channel.value } : {}) };
    });
  for (const key of ['default_on_channels', 'guest_on_channels'] as const) {
    const channels = keys[key];
    if (!channels) continue;
    const written = channels.map((id) => writeStorefrontRef('channel', id, names));
    content[key] = written.map((target) => target.value);
    const named = written.flatMap((target) => (target.comment ? [target.comment.trim()] : []));
    if (named.length > 0) comments.push({ path: [key], comment: ` ${named.join(', ')}` });
  }
}

/** Rule keys in the order people read them: type, method, amount; the target comes last. */
function orderRuleKeys(rule: Exclude<DiscountRule, { type: 'all' }>): Record<string, unknown> {
  return rule.type === 'price_list'
    ? { type: rule.type }
    : { type: rule.type, method: rule.method, amount: rule.amount };
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
    return loadYaml().parse(`v: ${name}`, { version: '1.1', ...QUIET })?.v !== name;
  } catch {
    return true;
  }
}
