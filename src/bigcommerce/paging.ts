// Reads a list page by page within bounds, for every list of the API (V2 groups, V3 readers alike): a
// server that ignores `page` repeats ids already read, and one that never ends runs into the page cap.
// Either is an error; neither is an endless loop that fills memory. Once the list's size is known (the
// V3 pagination meta, or the V2 count asked after a full first page) the other pages are read a few at
// a time, so latency is paid per round, not per page; the request count stays what reading one after
// another would cost.
import pLimit from 'p-limit';
import { ApiError } from '../errors.js';

/** Pages in flight at once while a list of known size is read; every request still waits for the quota. */
export const LIST_CONCURRENCY = 8;

export interface PageBounds {
  /** The most pages one list may take (config request.maxPages). */
  maxPages: number;
  /** Pages in flight at once once the size of a list is known. */
  concurrency: number;
}

/** How large a list says it is. */
export interface ListSize {
  pages: number;
  items: number;
}

export interface Page<T> {
  items: readonly T[];
  /** Whether the server says (by a full page, or its pagination meta) that another page follows. */
  more: boolean;
}

export interface PagedList<T> {
  method: string;
  /** The path of a page as messages show it. */
  pathOf(page: number): string;
  fetchPage(page: number): Promise<Page<T>>;
  idOf(item: T): number | string;
  /** Asked after a full first page that did not tell the list's size; undefined reads on one by one. */
  measure?(): Promise<ListSize | undefined>;
}

export async function readAllPages<T>(list: PagedList<T>, bounds: PageBounds): Promise<T[]> {
  const items: T[] = [];
  const firstSeen = new Map<number | string, number>();
  const collect = (page: number, answer: Page<T>) => {
    for (const item of answer.items) {
      const id = list.idOf(item);
      const seenOn = firstSeen.get(id);
      if (seenOn !== undefined) throw createRepeatError(list, page, id, seenOn);
      firstSeen.set(id, page);
      items.push(item);
    }
    return answer.more;
  };
  if (!collect(1, await list.fetchPage(1))) return items;
  let next = 2;
  const size = await measureList(list, items.length);
  if (size) {
    if (size.pages > bounds.maxPages) throw createOversizeError(list, size, bounds.maxPages);
    if (!(await collectPagesAtOnce(list, size.pages, bounds.concurrency, collect))) return items;
    // A full last page ends the list when the size said so; otherwise the store grew, so read on.
    if (items.length === size.items) return items;
    next = size.pages + 1;
  }
  for (let page = next; ; page++) {
    if (page > bounds.maxPages) throw createEndlessListError(list, bounds.maxPages);
    if (!collect(page, await list.fetchPage(page))) return items;
  }
}

/** The list's size after a full first page: what that page's meta said, or a count asked for now. */
async function measureList(list: PagedList<unknown>, firstItems: number): Promise<ListSize | undefined> {
  const size = await list.measure?.();
  // A size the first page already contradicts is not used: reading on one by one is always right.
  return size && size.pages >= 1 && size.items >= firstItems ? size : undefined;
}

/**
 * Pages 2..last, at most `concurrency` in flight, each checked in page order as soon as it and those
 * before it are in; a problem or the end of the list cancels the pages not yet sent. False: the list ended.
 */
async function collectPagesAtOnce<T>(
  list: PagedList<T>,
  last: number,
  concurrency: number,
  collect: (page: number, answer: Page<T>) => boolean,
): Promise<boolean> {
  const limit = pLimit(Math.max(1, concurrency));
  const pending = Array.from({ length: Math.max(0, last - 1) }, (_, index) => limit(() => list.fetchPage(index + 2)));
  // Pages still in flight when reading stops must not end as unhandled rejections.
  for (const answer of pending) answer.catch(() => undefined);
  try {
    for (const [index, answer] of pending.entries()) if (!collect(index + 2, await answer)) return false;
    return true;
  } finally {
    limit.clearQueue();
  }
}

function createRepeatError(list: PagedList<unknown>, page: number, id: number | string, seenOn: number): ApiError {
  const path = list.pathOf(page);
  const where = seenOn === page ? 'twice on that page' : `already on page ${seenOn}`;
  return new ApiError(
    `${list.method} ${path} answered id ${JSON.stringify(id)} ${where}: the server does not page ` +
      'as documented, so the list cannot be trusted; stopped reading.',
    { method: list.method, path },
  );
}

function createEndlessListError(list: PagedList<unknown>, maxPages: number): ApiError {
  const path = list.pathOf(maxPages + 1);
  return new ApiError(
    `${list.method} ${path}: the list did not end after ${maxPages} pages (request.maxPages); stopped reading. ` +
      'If the store really holds that many, raise request.maxPages in the config.',
    { method: list.method, path },
  );
}

function createOversizeError(list: PagedList<unknown>, size: ListSize, maxPages: number): ApiError {
  const path = list.pathOf(2);
  return new ApiError(
    `${list.method} ${path}: the store says the list holds ${size.items} items in ${size.pages} pages, ` +
      `more than request.maxPages (${maxPages}); stopped reading. ` +
      'If the store really holds that many, raise request.maxPages in the config.',
    { method: list.method, path },
  );
}
