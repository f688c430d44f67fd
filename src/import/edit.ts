// `import` over a file a person may have written: the YAML document is edited in place, so what import
// has no reason to change (references by name, rule order, comments, other stores' pins) stays as written.
import type { Document } from 'yaml';
import type { DiscountRule, FieldName } from '../model/index.js';
import { canonicalJson, normalizeRule } from '../model/normalize.js';
import { loadYaml, QUIET } from '../yaml/load.js';

export interface FileEdit {
  /** The fields whose meaning differs from the live group: each is replaced by the imported value. */
  fields: readonly FieldName[];
  /** The live group's id: the pin (per store when `store` is set) is set to it. */
  id: number;
  store?: string | undefined;
  /** The file's rules (resolved, in the file's order) and the live ones (in the rendered file's order). */
  rules?: { file: readonly DiscountRule[]; live: readonly DiscountRule[] };
}

/** `text` with the pin and the differing fields taken from `rendered` (the file import would write). */
export function editGroupFile(text: string, rendered: string, edit: FileEdit): string {
  const yaml = loadYaml();
  const document = yaml.parseDocument(text, QUIET);
  const fresh = yaml.parseDocument(rendered, QUIET);
  setPin(document, edit);
  for (const field of edit.fields) {
    const node = fresh.get(field, true);
    if (field === 'discount_rules' && edit.rules && mergeRules(document, fresh, edit.rules)) continue;
    if (node === undefined) document.delete(field);
    else document.set(field, node);
  }
  return document.toString({ lineWidth: 0 });
}

/** The pin goes first, where import writes it; another store's pin beside it is kept. */
function setPin(document: Document, edit: FileEdit): void {
  const yaml = loadYaml();
  const pin = document.get('id', true);
  if (edit.store !== undefined && yaml.isMap(pin)) {
    pin.set(edit.store, edit.id);
    return;
  }
  const value = edit.store === undefined ? edit.id : { [edit.store]: edit.id };
  if (pin !== undefined) {
    document.set('id', document.createNode(value));
    return;
  }
  const contents = document.contents;
  if (yaml.isMap(contents)) contents.items.unshift(document.createPair('id', value));
}

/**
 * Rule by rule: a rule of the file that means a live rule stays as written (by name, with its comments, in
 * its place); one whose target is live with other values is replaced there; the file's other rules go, and
 * live rules the file lacks are added at the end. False when the file's rules are not a list to edit.
 */
function mergeRules(
  document: Document,
  fresh: Document,
  rules: { file: readonly DiscountRule[]; live: readonly DiscountRule[] },
): boolean {
  const yaml = loadYaml();
  const written = document.get('discount_rules', true);
  const imported = fresh.get('discount_rules', true);
  if (!yaml.isSeq(written) || written.items.length !== rules.file.length) return false;
  const freshItems = yaml.isSeq(imported) ? imported.items : [];
  const used = new Set<number>();
  const take = (match: (rule: DiscountRule) => boolean) => {
    const index = rules.live.findIndex((rule, at) => !used.has(at) && match(rule));
    if (index >= 0) used.add(index);
    return index;
  };
  const kept: unknown[] = [];
  rules.file.forEach((rule, at) => {
    const same = take((live) => sameRule(live, rule));
    if (same >= 0) {
      kept.push(written.items[at]);
      return;
    }
    const retargeted = take((live) => targetOf(live) === targetOf(rule));
    if (retargeted >= 0) kept.push(updateRule(written.items[at], freshItems[retargeted]));
  });
  rules.live.forEach((_, at) => {
    if (!used.has(at)) kept.push(freshItems[at]);
  });
  if (kept.length === 0) {
    document.delete('discount_rules');
    return true;
  }
  written.items = kept as typeof written.items;
  return true;
}

/** Same target, other values: the method and amount change in the written rule, its target stays as written. */
function updateRule(written: unknown, imported: unknown): unknown {
  const yaml = loadYaml();
  if (!yaml.isMap(written) || !yaml.isMap(imported)) return imported;
  for (const key of ['method', 'amount']) {
    const value = imported.get(key, true);
    if (value === undefined) written.delete(key);
    else written.set(key, value);
  }
  return written;
}

/** Equal once amounts and ids are read alike ("5.0000" and 5). */
function sameRule(a: DiscountRule, b: DiscountRule): boolean {
  return canonicalJson(normalizeRule(a)) === canonicalJson(normalizeRule(b));
}

function targetOf(rule: DiscountRule): string {
  switch (rule.type) {
    case 'all':
      return 'all';
    case 'category':
      return `category:${rule.category_id}`;
    case 'product':
      return `product:${rule.product_id}`;
    case 'price_list':
      return `price_list:${rule.price_list_id}`;
  }
}
