// One target against the catalog: an id that must exist, or a reference that must match exactly one thing.
// Problems say what was looked for and list the candidates, so a typo or an ambiguity is fixed in one go.
import type { CatalogKind, CatalogPriceList, CatalogProduct, LiveChannel } from '../model/index.js';
import {
  matchByKey,
  matchCategories,
  nearByKey,
  nearCategories,
  type CatalogIndex,
  type IndexedCategory,
} from './catalog-index.js';
import type { Target } from './targets.js';

/** Candidates listed in one message at most; the rest are counted. */
export const MAX_CANDIDATES = 5;

export type Match = { id: number; checked: boolean } | { message: string; hint: string };

const NOUNS: Record<CatalogKind, { plural: string; idKey: string; refKey: string; refWord: string }> = {
  category: { plural: 'categories', idKey: 'category_id', refKey: 'category', refWord: 'path' },
  product: { plural: 'products', idKey: 'product_id', refKey: 'product_sku', refWord: 'SKU' },
  price_list: { plural: 'price lists', idKey: 'price_list_id', refKey: 'price_list', refWord: 'name' },
  channel: { plural: 'channels', idKey: 'channel_id', refKey: 'channel', refWord: 'name' },
};

export function matchTarget(index: CatalogIndex, target: Target, unread = 'they were not read'): Match {
  const kind = target.kind;
  const noun = NOUNS[kind];
  const known = kindOf(index, kind);
  if (target.ref === undefined) {
    const id = target.id ?? 0;
    if (!known) return { id, checked: false };
    if (known.has(id)) return { id, checked: true };
    return {
      message: `${describeKind(kind)} ${id} is not in the store (${countKnown(known.size, noun.plural)})`,
      hint:
        target.rule === undefined
          ? 'check the id, or write the category\'s path in the list instead ("Tools/Power Tools")'
          : `check the id, or name it instead of ${noun.idKey}: ${noun.refKey}: "..."`,
    };
  }
  const ref = target.ref;
  if (!known) {
    return {
      message: `cannot resolve ${describeKind(kind)} '${ref}': the store's ${noun.plural} were not read (${unread})`,
      hint: `use ${noun.idKey} instead, or let bcgroups read the catalog`,
    };
  }
  const { matches, near } = findMatches(index, kind, ref);
  if (matches.length === 1) return { id: matches[0]?.id ?? 0, checked: true };
  if (matches.length > 1) {
    return {
      message: `${describeKind(kind)} ${noun.refWord} '${ref}' matches ${matches.length} ${noun.plural}: ${listCandidates(matches)}`,
      hint: hintAmbiguous(target, matches),
    };
  }
  return {
    message: `no ${describeKind(kind)} has the ${noun.refWord} '${ref}'${near.length > 0 ? `; near: ${listCandidates(near)}` : ''}`,
    hint: `${kind === 'category' ? 'a path runs from the root of its tree, names joined by /; ' : ''}names are matched exactly (case matters); or use ${noun.idKey}`,
  };
}

/** Categories that share one path (one per tree) only an id tells apart; a list item takes the id itself. */
function hintAmbiguous(target: Target, matches: readonly Candidate[]): string {
  const byId =
    target.rule === undefined ? 'write its id in the list instead' : `use ${NOUNS[target.kind].idKey} to say which`;
  if (target.kind !== 'category') return byId;
  // Compared by pathId: building the text of 50,000 paths to compare them would cost their whole length.
  const paths = new Set(matches.map((match) => ('pathId' in match ? match.pathId : -1)));
  const [first] = matches;
  return paths.size === 1 && first && 'path' in first
    ? `they all have the path '${first.path.normalize('NFC')}', so only the id tells them apart: ${byId}`
    : `write the full path from the root of its tree, or ${byId}`;
}

type Candidate = IndexedCategory | CatalogProduct | CatalogPriceList | LiveChannel;

function findMatches(index: CatalogIndex, kind: CatalogKind, ref: string): { matches: Candidate[]; near: Candidate[] } {
  if (kind === 'category' && index.categories) {
    const matches = matchCategories(index.categories, ref);
    return { matches, near: matches.length > 0 ? [] : nearCategories(index.categories, ref) };
  }
  const found = kind === 'product' ? index.products : kind === 'channel' ? index.channels : index.priceLists;
  if (!found) return { matches: [], near: [] };
  const matches: Candidate[] = matchByKey<Candidate>(found, ref);
  return { matches, near: matches.length > 0 ? [] : nearByKey<Candidate>(found, ref) };
}

function kindOf(index: CatalogIndex, kind: CatalogKind): ReadonlyMap<number, unknown> | undefined {
  const byKind = { category: index.categories, product: index.products, price_list: index.priceLists };
  return (kind === 'channel' ? index.channels : byKind[kind])?.byId;
}

/** A thing as a message shows it: "'Tools/Power Tools' (id 18, tree 1)", "'Hammer' (SKU HAM-16, id 112)". */
export function describeCandidate(candidate: Candidate): string {
  if ('tree_id' in candidate) return `'${candidate.path}' (id ${candidate.id}, tree ${candidate.tree_id})`;
  if ('platform' in candidate)
    return `'${candidate.name}' (id ${candidate.id}, type ${candidate.type}, platform ${candidate.platform})`;
  if ('sku' in candidate) return `'${candidate.name}' (SKU ${candidate.sku || 'none'}, id ${candidate.id})`;
  return `'${candidate.name}' (id ${candidate.id})`;
}

function listCandidates(candidates: readonly Candidate[]): string {
  const sorted = [...candidates].sort((a, b) => a.id - b.id);
  const shown = sorted.slice(0, MAX_CANDIDATES).map(describeCandidate).join(', ');
  return sorted.length > MAX_CANDIDATES ? `${shown} and ${sorted.length - MAX_CANDIDATES} more` : shown;
}

export function describeKind(kind: CatalogKind): string {
  return kind === 'price_list' ? 'price list' : kind;
}

/** Products are looked up by the ids named, so the count of those found says nothing about the store. */
function countKnown(size: number, plural: string): string {
  return plural === 'products' ? 'no product has this id' : `it has ${size} ${plural}`;
}
