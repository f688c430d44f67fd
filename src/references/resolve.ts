// Desired groups as loaded + the catalog -> desired groups with ids, what each reference resolved to, and
// the problems: a reference that matches nothing or several things, an id the store lacks, two rules on
// one resolved target. Pure: the catalog was read before, and nothing is written.
import type { Problem } from '../errors.js';
import type {
  Catalog,
  CategoryAccess,
  DesiredGroup,
  DiscountRule,
  LoadedGroup,
  DiscountRuleOf,
  Position,
  ResolvedReference,
} from '../model/index.js';
import { normalizeAccess, normalizeRules } from '../model/normalize.js';
import { toFieldPath } from '../schema/pointer.js';
import { indexCatalog, type CatalogIndex } from './catalog-index.js';
import { describeKind, matchTarget } from './match.js';
import { findRoleClashes, resolveStorefrontKeys, type RoleClaim } from './storefront-keys.js';
import { listTargets, type Target } from './targets.js';

export interface Resolution {
  /** Every group whose targets all resolved; a group with a problem is left out. */
  groups: DesiredGroup[];
  references: ResolvedReference[];
  problems: Problem[];
}

export function resolveReferences(groups: readonly LoadedGroup[], catalog: Catalog): Resolution {
  const index = indexCatalog(catalog);
  const resolution: Resolution = { groups: [], references: [], problems: [] };
  const claims: RoleClaim[] = [];
  for (const group of groups) {
    const resolved = resolveGroup(group, index, catalog.unread);
    resolution.problems.push(...resolved.problems);
    resolution.references.push(...resolved.references);
    claims.push(...resolved.claims);
    if (resolved.group) resolution.groups.push(resolved.group);
  }
  resolution.problems.push(...findRoleClashes(claims));
  return resolution;
}

interface Resolved {
  target: Target;
  id: number;
}

function resolveGroup(
  group: LoadedGroup,
  index: CatalogIndex,
  unread: string | undefined,
): { group?: DesiredGroup; references: ResolvedReference[]; problems: Problem[]; claims: RoleClaim[] } {
  const problemAt = (pointer: string, message: string, hint?: string): Problem => ({
    file: group.source.file,
    ...locateIn(group.source.positions, pointer),
    field: toFieldPath(pointer),
    message,
    ...(hint ? { hint } : {}),
  });
  const problems: Problem[] = [];
  const resolved: Resolved[] = [];
  for (const target of listTargets(group)) {
    const match = matchTarget(index, target, unread);
    if ('message' in match) problems.push(problemAt(target.pointer, match.message, match.hint));
    else resolved.push({ target, id: match.id });
  }
  problems.push(...findSameTargets(resolved, problemAt));
  const byPointer = new Map(resolved.map(({ target, id }) => [target.pointer, id]));
  const idAt = (pointer: string): number => byPointer.get(pointer) ?? Number.NaN;
  const storefront = problems.length > 0 ? undefined : resolveStorefrontKeys(group, idAt, problemAt);
  if (storefront && 'problems' in storefront) problems.push(...storefront.problems);
  const references = resolved
    .filter(({ target }) => target.ref !== undefined)
    .map(({ target, id }) => ({
      file: group.source.file,
      path: toFieldPath(target.pointer),
      kind: target.kind,
      ref: target.ref ?? '',
      resolved_id: id,
    }));
  if (problems.length > 0 || !storefront || 'problems' in storefront) return { references, problems, claims: [] };
  const { price_lists: _lists, default_on_channels: _defaults, guest_on_channels: _guests, ...plain } = group;
  return {
    group: {
      ...plain,
      ...storefront.keys,
      category_access: resolveAccess(group, idAt),
      discount_rules: resolveRules(group.discount_rules, idAt),
    },
    references,
    problems,
    claims: storefront.claims,
  };
}

/**
 * Two rules (or two access items) on one resolved target, where the files could not see it: one by id
 * and one by name, or two names of one category. The same id or name twice is the loader's to report.
 */
function findSameTargets(
  resolved: readonly Resolved[],
  problemAt: (pointer: string, message: string, hint?: string) => Problem,
): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, Resolved>();
  for (const entry of resolved) {
    if (entry.target.kind === 'price_list' || entry.target.kind === 'channel') continue;
    const place = entry.target.rule === undefined ? 'access' : 'rule';
    const key = `${place}:${entry.target.kind}:${entry.id}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, entry);
      continue;
    }
    if (spelling(earlier.target) === spelling(entry.target)) continue;
    const what = `${describeKind(entry.target.kind)} ${entry.id}`;
    const other = toFieldPath(earlier.target.pointer);
    problems.push(
      place === 'rule'
        ? problemAt(
            entry.target.pointer,
            `${what} already has a rule: ${other} names the same ${describeKind(entry.target.kind)}`,
            'merge them into one rule',
          )
        : problemAt(entry.target.pointer, `lists ${what} twice: ${other} names the same category`, 'keep one of them'),
    );
  }
  return problems;
}

function spelling(target: Target): string {
  return target.ref === undefined ? `id:${target.id ?? ''}` : `ref:${target.ref}`;
}

function resolveRules(rules: readonly DiscountRuleOf<'loaded'>[], idAt: (pointer: string) => number): DiscountRule[] {
  return normalizeRules(resolveRulesInOrder(rules, idAt));
}

/** The rules with each reference replaced by the id `idAt` gives for its place, in the file's order. */
export function resolveRulesInOrder(
  rules: readonly DiscountRuleOf<'loaded'>[],
  idAt: (pointer: string) => number,
): DiscountRule[] {
  return rules.map((rule, index): DiscountRule => {
    const at = (key: string) => idAt(`/discount_rules/${index}/${key}`);
    if ('category' in rule)
      return { type: 'category', method: rule.method, amount: rule.amount, category_id: at('category') };
    if ('product_sku' in rule)
      return { type: 'product', method: rule.method, amount: rule.amount, product_id: at('product_sku') };
    if ('price_list' in rule) return { type: 'price_list', price_list_id: at('price_list') };
    return rule;
  });
}

function resolveAccess(group: LoadedGroup, idAt: (pointer: string) => number): CategoryAccess {
  const access = group.category_access;
  if (access.type !== 'specific') return access;
  const categories = access.categories.map((item, index) =>
    typeof item === 'number' ? item : idAt(`/category_access/categories/${index}`),
  );
  return normalizeAccess({ type: 'specific', categories });
}

/** The position of a place or of its nearest parent in the file. */
function locateIn(positions: Record<string, Position>, pointer: string): Position {
  for (let current = pointer; ; current = current.slice(0, current.lastIndexOf('/'))) {
    const found = positions[current];
    if (found) return found;
    if (current === '') return { line: 1, col: 1 };
  }
}
