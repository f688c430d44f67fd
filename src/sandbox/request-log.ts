// The sandbox's memory of what it was asked: bounded, so a long run or a flood of large bodies cannot
// make it grow without end. Tests read the newest entries; a benchmark never needs them all.
import type { LogEntry } from './state.js';

/** The newest entries kept; older ones are dropped in chunks, so keeping the bound costs little. */
export const MAX_LOG_ENTRIES = 10_000;
/** A body is kept in the log only when its JSON is at most this long; a larger one is noted by size. */
export const MAX_LOGGED_BODY_CHARS = 16 * 1024;

export function recordRequest(log: LogEntry[], entry: LogEntry): void {
  if (entry.body !== undefined) {
    const size = JSON.stringify(entry.body)?.length ?? 0;
    if (size > MAX_LOGGED_BODY_CHARS) {
      const { body: _body, ...rest } = entry;
      entry = { ...rest, bodyChars: size };
    }
  }
  log.push(entry);
  if (log.length > MAX_LOG_ENTRIES + MAX_LOG_ENTRIES / 10) log.splice(0, log.length - MAX_LOG_ENTRIES);
}

/**
 * "METHOD /v3/promotions": a request's endpoint, below the store's base and with ids as {id}, so tests
 * count the reads of one kind; undefined for a URL that cannot be read.
 */
export function describeEndpoint(method: string, rawUrl: string): string | undefined {
  let path: string;
  try {
    path = new URL(rawUrl, 'http://sandbox').pathname;
  } catch {
    return undefined;
  }
  const below = path.replace(/^\/stores\/[^/]+(?=\/v[23]\/)/, '').replace(/\/\d+(?=\/|$)/g, '/{id}');
  return `${method} ${below}`;
}
