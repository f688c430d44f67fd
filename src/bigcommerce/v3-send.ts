// One V3 request outside the paged lists (a single object, or a write): a 403 names the scope it lacks,
// and the answer is checked at the boundary like every other.
import { ApiError } from '../errors.js';
import type { Method, Transport } from './http.js';
import { expectObject } from './parse.js';
import { explainMissingScope, type RequestCounter } from './v3.js';

/** Sends the request; a 403 becomes advice naming the scope (`scopeHint`). Other failures throw as they are. */
export async function sendV3(
  transport: Transport,
  method: Method,
  path: string,
  scopeHint: string,
  body?: unknown,
  counter?: RequestCounter,
) {
  try {
    const answer = await transport.send(method, path, body === undefined ? {} : { body });
    if (counter) counter.requests += answer.attempts;
    return answer;
  } catch (error) {
    throw error instanceof ApiError && error.status === 403 ? explainMissingScope(error, scopeHint) : error;
  }
}

/** The `data` object of a V3 answer `{data: {...}, meta}`, parsed by `parse`. */
export async function readV3Object<T>(
  transport: Transport,
  method: Method,
  path: string,
  scopeHint: string,
  parse: (data: Record<string, unknown>) => T,
  options: { body?: unknown; counter?: RequestCounter } = {},
): Promise<T> {
  const answer = await sendV3(transport, method, path, scopeHint, options.body, options.counter);
  return transport.parseAnswer(method, path, answer, (raw) =>
    parse(expectObject(expectObject(raw, 'body').data, 'data')),
  );
}
