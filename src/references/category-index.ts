// Categories indexed once, in time and memory linear in their count whatever the shape of their trees
// (one chain 100,000 deep, 50,000 of one name). A path is known by a number, given once per distinct
// path from its parent path's number and its last name, so matching a path never builds one; the text of
// a path is built on first use only, from its parent's, and kept.
import type { CategoryNode } from '../model/index.js';
import { formatCategoryPath, splitCategoryPath } from './category-path.js';

export interface IndexedCategory extends CategoryNode {
  /** The names from the root of its tree to this category, as a file writes them ("Tools/Power Tools"). */
  readonly path: string;
  /** Equal for two categories exactly when their paths are equal after Unicode normalization (NFC). */
  readonly pathId: number;
}

export interface CategoryIndex {
  byId: Map<number, IndexedCategory>;
  /** By name alone (NFC), at any depth. */
  byName: Map<string, IndexedCategory[]>;
  /** By pathId. */
  byPath: Map<number, IndexedCategory[]>;
  /** `${parent pathId}/${NFC name}` -> pathId; 0 is the empty path above every root. */
  pathIds: Map<string, number>;
  /** The same for names compared ignoring case, made on the first reference that matched nothing. */
  folded?: {
    byName: Map<string, IndexedCategory[]>;
    byPath: Map<number, IndexedCategory[]>;
    pathIds: Map<string, number>;
  };
}

const ROOT_PATH = 0;
/** pathId while a walk is above this category: meeting it again means its parents loop. */
const WALKING = -1;

class Entry implements IndexedCategory {
  readonly id: number;
  readonly parent_id: number;
  readonly tree_id: number;
  readonly name: string;
  pathId = WALKING;
  /** In the catalog's order, so suggestions come in the order they always did. */
  readonly order: number;
  /** Private, so neither JSON nor a spread walks a chain 100,000 deep. */
  #above: Entry | undefined;
  #path: string | undefined;

  constructor(category: CategoryNode, order: number) {
    this.id = category.id;
    this.parent_id = category.parent_id;
    this.tree_id = category.tree_id;
    this.name = category.name;
    this.order = order;
  }

  /** The category whose path this one's extends; undefined at a root, or where the chain breaks. */
  get above(): Entry | undefined {
    return this.#above;
  }

  place(above: Entry | undefined, pathId: number): void {
    this.#above = above;
    this.pathId = pathId;
  }

  get path(): string {
    if (this.#path !== undefined) return this.#path;
    const chain: Entry[] = [];
    for (let entry: Entry | undefined = this; entry && entry.#path === undefined; entry = entry.#above)
      chain.push(entry);
    for (let index = chain.length - 1; index >= 0; index--) {
      const entry = chain[index] as Entry;
      const own = formatCategoryPath([entry.name]);
      entry.#path = entry.#above ? `${entry.#above.#path}/${own}` : own;
    }
    return this.#path ?? '';
  }
}

const exactKey = (text: string): string => text.normalize('NFC');
const foldedKey = (text: string): string => text.normalize('NFC').toLowerCase();

/**
 * The store reads refuse broken trees; a catalog from elsewhere that still has a missing or looping parent
 * gets paths that end where they break, never an endless walk.
 */
export function indexCategories(categories: readonly CategoryNode[]): CategoryIndex {
  const byId = new Map<number, Entry>();
  categories.forEach((category, order) => byId.set(category.id, new Entry(category, order)));
  const pathIds = new Map<string, number>();
  const byPath = new Map<number, IndexedCategory[]>();
  const byName = new Map<string, IndexedCategory[]>();
  for (const entry of byId.values()) {
    if (entry.pathId === WALKING) placeChain(entry, byId, pathIds);
    pushTo(byPath, entry.pathId, entry);
    pushTo(byName, exactKey(entry.name), entry);
  }
  return { byId, byName, byPath, pathIds };
}

/** Gives the entry and every ancestor without a pathId theirs, walking up once and back down, no recursion. */
function placeChain(start: Entry, byId: ReadonlyMap<number, Entry>, pathIds: Map<string, number>): void {
  const chain: Entry[] = [];
  const walking = new Set<Entry>();
  let above: Entry | undefined = start;
  while (above && above.pathId === WALKING && !walking.has(above)) {
    walking.add(above);
    chain.push(above);
    above = above.parent_id === 0 ? undefined : byId.get(above.parent_id);
  }
  // A loop (or a category its own parent) is cut where the walk met it: that category starts the path.
  let parent = above && !walking.has(above) ? above : undefined;
  for (let index = chain.length - 1; index >= 0; index--) {
    const entry = chain[index] as Entry;
    entry.place(parent, internPath(pathIds, parent?.pathId ?? ROOT_PATH, exactKey(entry.name)));
    parent = entry;
  }
}

function internPath(pathIds: Map<string, number>, parentPathId: number, key: string): number {
  const joined = `${parentPathId}/${key}`;
  let id = pathIds.get(joined);
  if (id === undefined) {
    id = pathIds.size + 1;
    pathIds.set(joined, id);
  }
  return id;
}

function pushTo<K>(map: Map<K, IndexedCategory[]>, key: K, category: IndexedCategory): void {
  const list = map.get(key);
  if (list) list.push(category);
  else map.set(key, [category]);
}

/** The pathId of the path these names spell under `pathIds`, or undefined when no category has it. */
function findPathId(pathIds: ReadonlyMap<string, number>, keys: readonly string[]): number | undefined {
  let pathId: number | undefined = ROOT_PATH;
  for (const key of keys) {
    pathId = pathIds.get(`${pathId}/${key}`);
    if (pathId === undefined) return undefined;
  }
  return pathId;
}

/**
 * The categories a path names: those whose full path from the root it is; failing that, for a bare name
 * (no '/'), the categories of that name at any depth.
 */
export function matchCategories(categories: CategoryIndex, ref: string): IndexedCategory[] {
  const names = splitCategoryPath(ref);
  const pathId = findPathId(categories.pathIds, names.map(exactKey));
  const full = (pathId === undefined ? undefined : categories.byPath.get(pathId)) ?? [];
  if (full.length > 0 || names.length > 1) return full;
  return categories.byName.get(exactKey(names[0] ?? '')) ?? [];
}

/** Categories a path that matched nothing may have meant: the same path or last name, ignoring case. */
export function nearCategories(categories: CategoryIndex, ref: string): IndexedCategory[] {
  const folded = foldCategories(categories);
  const names = splitCategoryPath(ref);
  const pathId = findPathId(folded.pathIds, names.map(foldedKey));
  const samePath = (pathId === undefined ? undefined : folded.byPath.get(pathId)) ?? [];
  const sameName = folded.byName.get(foldedKey(names[names.length - 1] ?? '')) ?? [];
  const near = new Set([...samePath, ...sameName]);
  return [...near].sort((a, b) => (a as Entry).order - (b as Entry).order);
}

/** The index again with names compared ignoring case; parents are already placed, so one pass in order does. */
function foldCategories(categories: CategoryIndex): NonNullable<CategoryIndex['folded']> {
  if (categories.folded) return categories.folded;
  const folded = { byName: new Map(), byPath: new Map(), pathIds: new Map<string, number>() };
  const foldedIds = new Map<Entry, number>();
  const foldedIdOf = (start: Entry): number => {
    const chain: Entry[] = [];
    let entry: Entry | undefined = start;
    for (; entry && !foldedIds.has(entry); entry = entry.above) chain.push(entry);
    let pathId = entry ? (foldedIds.get(entry) as number) : ROOT_PATH;
    for (let index = chain.length - 1; index >= 0; index--) {
      const link = chain[index] as Entry;
      pathId = internPath(folded.pathIds, pathId, foldedKey(link.name));
      foldedIds.set(link, pathId);
    }
    return pathId;
  };
  for (const category of categories.byId.values()) {
    const entry = category as Entry;
    pushTo(folded.byPath, foldedIdOf(entry), entry);
    pushTo(folded.byName, foldedKey(entry.name), entry);
  }
  categories.folded = folded;
  return folded;
}
