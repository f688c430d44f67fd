// Reads a list page by page within bounds, for every list of the API (V2 groups, V3 readers alike): a
// server that ignores `page` repeats ids already read, and one that never ends runs into the page cap.
// Either is an error; neither is an endless loop that fills memory.
import { ApiError } from '../errors.js';

export interface PageBounds {
  /** The most pages one list may take (config request.maxPages). */
  maxPages: number;
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
}

export async function readAllPages<T>(list: PagedList<T>, bounds: PageBounds): Promise<T[]> {
  const items: T[] = [];
  const firstSeen = new Map<number | string, number>();
  for (let page = 1; ; page++) {
    if (page > bounds.maxPages) throw createEndlessListError(list, bounds.maxPages);
    const answer = await list.fetchPage(page);
    for (const item of answer.items) {
      const id = list.idOf(item);
      const seenOn = firstSeen.get(id);
      if (seenOn !== undefined) throw createRepeatError(list, page, id, seenOn);
      firstSeen.set(id, page);
      items.push(item);
    }
    if (!answer.more) return items;
  }
}

function createRepeatError(list: PagedList<unknown>, page: number, id: number | string, seenOn: number): ApiError {
  const path = list.pathOf(page);
  const where = seenOn === page ? 'twice on that page' : `already on page ${seenOn}`;
  return new ApiError(
    `${list.method} ${path} answered id ${JSON.stringify(id)} ${where}: the server does not page as documented, so the list cannot be trusted; stopped reading.`,
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
