// The V3 list shape {data, meta: {pagination}} and a bounded reader of all its pages. Every read counts
// the requests it took (retries included), so a plan can say what each kind of read cost.
import { ApiError } from '../errors.js';
import { createBadAnswerError } from './errors.js';
import type { Transport } from './http.js';
import { readAllPages, type PagedList } from './paging.js';
import { AnswerProblem, describe, expectObject } from './parse.js';

/** What a read of the store returned, and how many requests it took. */
export interface StoreRead<T> {
  value: T;
  requests: number;
}

export interface V3Pagination {
  total: number;
  count: number;
  per_page: number;
  current_page: number;
  total_pages: number;
}

export interface V3Page<T> {
  items: T[];
  pagination: V3Pagination;
}

export const V3_PAGE_LIMIT = 250;

/** The counter a read adds its requests to. */
export interface RequestCounter {
  requests: number;
}

export function parseV3Page<T>(raw: unknown, parseItem: (item: unknown, where: string) => T): V3Page<T> {
  const body = expectObject(raw, 'body');
  if (!Array.isArray(body.data)) throw new AnswerProblem(`data is ${describe(body.data)}, expected an array`);
  const pagination = expectObject(expectObject(body.meta, 'meta').pagination, 'meta.pagination');
  const read = (field: keyof V3Pagination) => {
    const value = pagination[field];
    // Beyond 2^53 a count is no longer exact, so 1e300 customers is as wrong as "two".
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    throw new AnswerProblem(
      `meta.pagination.${field} is ${describe(value)}, expected a whole number up to ${Number.MAX_SAFE_INTEGER}`,
    );
  };
  return {
    items: body.data.map((item, index) => parseItem(item, `data[${index}]`)),
    pagination: {
      total: read('total'),
      count: read('count'),
      per_page: read('per_page'),
      current_page: read('current_page'),
      total_pages: read('total_pages'),
    },
  };
}

/** One GET of a V3 list page, checked at the boundary; `scopeHint` turns a 403 into advice. */
export async function readV3Page<T>(
  transport: Transport,
  path: string,
  parseItem: (item: unknown, where: string) => T,
  counter: RequestCounter,
  scopeHint: string,
): Promise<V3Page<T>> {
  let answer: Awaited<ReturnType<Transport['send']>>;
  try {
    answer = await transport.send('GET', path);
  } catch (error) {
    throw error instanceof ApiError && error.status === 403 ? explainMissingScope(error, scopeHint) : error;
  }
  counter.requests += answer.attempts;
  return transport.parseAnswer('GET', path, answer, (raw) => parseV3Page(raw, parseItem));
}

/** Every page of a V3 list, 250 at a time, within the transport's paging bounds. It reads the pages after
 *  the first at once up to the first page's total_pages, stops there (or at an empty page), refuses a
 *  total_pages beyond request.maxPages at once, and a later page whose total_pages differs from the first's. */
export async function readAllV3Pages<T>(
  transport: Transport,
  path: string,
  filters: string,
  parseItem: (item: unknown, where: string) => T,
  idOf: (item: T) => number,
  counter: RequestCounter,
  scopeHint: string,
): Promise<T[]> {
  const { maxPages } = transport.paging;
  const pagePath = (page: number) => `${path}?${filters ? `${filters}&` : ''}limit=${V3_PAGE_LIMIT}&page=${page}`;
  let size = { pages: 1, items: 0 };
  const list: PagedList<T> = {
    method: 'GET',
    pathOf: (page) => transport.describePath(pagePath(page)),
    idOf,
    fetchPage: async (page) => {
      const answer = await readV3Page(transport, pagePath(page), parseItem, counter, scopeHint);
      const broken = (problem: string) =>
        createBadAnswerError('GET', transport.describePath(pagePath(page)), 200, problem);
      if (page === 1) size = { pages: answer.pagination.total_pages, items: answer.pagination.total };
      // A list that grew or shrank under the read would otherwise come back cut short or padded.
      else if (answer.pagination.total_pages !== size.pages)
        throw broken(
          `meta.pagination.total_pages is ${answer.pagination.total_pages} on page ${page}, ` +
            `but ${size.pages} on page 1 (the list changed during the read: run again)`,
        );
      const totalPages = size.pages;
      if (totalPages > maxPages)
        throw broken(`meta.pagination.total_pages is ${totalPages}, more than request.maxPages (${maxPages})`);
      if (answer.pagination.current_page !== page)
        throw broken(`meta.pagination.current_page is ${answer.pagination.current_page}, expected ${page}`);
      return { items: answer.items, more: page < totalPages && answer.items.length > 0 };
    },
    measure: async () => size,
  };
  return readAllPages(list, transport.paging);
}

export function explainMissingScope(error: ApiError, hint: string): ApiError {
  const head =
    `${error.method} ${error.path} failed with ` +
    `403${error.apiMessage ? `: ${error.apiMessage.replace(/[.!?]$/, '')}` : ''}.`;
  return new ApiError(`${head} ${hint}`, {
    method: error.method,
    path: error.path,
    status: 403,
    apiMessage: error.apiMessage,
  });
}
