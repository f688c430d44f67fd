// Turns a failed answer of the API into an ApiError: V2 error arrays and V3 error objects both
// carry the message the user needs, and nothing of the request headers ever reaches the text.
import { ApiError } from '../errors.js';
import { REDACTED, redactSecrets, secretPattern, withoutEmails } from '../text/redact.js';
import { parseJson } from './parse.js';

/** Names the variable that held the token when the client was told it (a store of several has its own). */
function describeTokenRefused(tokenEnv: string | undefined): string {
  const where = tokenEnv
    ? `in ${tokenEnv}, the variable it was read from`
    : '(BIGCOMMERCE_ACCESS_TOKEN by default), the variable named by accessTokenEnv';
  return `The access token was refused (wrong or revoked): check the access token ${where}.`;
}
const SCOPE_HINT =
  'The API account lacks an OAuth scope: give it store_v2_customers (modify); ' +
  'read-only commands need at least store_v2_customers_read_only.';
const STORE_HASH_HINT =
  'The store was not found: check the store hash (BIGCOMMERCE_STORE_HASH, ' +
  'storeHash or --store-hash), the part after /stores/ in the API path.';
/** The list, or its count: a 404 there means the store itself is unknown, not a group. */
const COLLECTION_PATH = /\/customer_groups(?:\/count)?(?:\?|$)/;

/** Server text in a message is cut to this many characters, after the token is redacted. */
export const MAX_SERVER_TEXT = 500;

/**
 * The API's own message from an error body: `[{status, message}]`, `{title, errors}`, `{message}` or text.
 * Uncut: callers show it through showServerText, which redacts before it cuts.
 */
export function readApiMessage(bodyText: string): string | undefined {
  const text = bodyText.trim();
  if (text === '') return undefined;
  let body: unknown;
  try {
    // parseJson refuses bodies nested too deep to describe without overflowing the stack.
    body = parseJson(text);
  } catch {
    return text;
  }
  const messages = (Array.isArray(body) ? body : [body]).map(readOneMessage).filter((m): m is string => Boolean(m));
  return messages.length > 0 ? messages.join('; ') : text;
}

function readOneMessage(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (!entry || typeof entry !== 'object') return undefined;
  const record = entry as Record<string, unknown>;
  const head = [record.message, record.title].find((v): v is string => typeof v === 'string');
  const details = describeDetails(record.errors ?? record.details);
  return [head, details].filter(Boolean).join(' ') || undefined;
}

function describeDetails(details: unknown): string | undefined {
  if (!details || typeof details !== 'object') return undefined;
  const parts = Object.entries(details as Record<string, unknown>).map(
    ([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
  return parts.length > 0 ? `(${parts.join(', ')})` : undefined;
}

/** Removes every occurrence of the token (in the forms a server may echo it, and parts of it). */
export function redact(text: string, token: string): string {
  return redactSecrets(text, [token]);
}

/**
 * Every string of a parsed answer (keys too) with the token redacted, so no later cut or quote can leak it.
 * `text` is what was parsed: with no escape in it, every parsed string is a slice of it, so one search
 * of the text spares the walk.
 */
export function redactJson(value: unknown, token: string, text: string): unknown {
  const pattern = secretPattern([token]);
  if (!pattern || (!text.includes('\\') && text.search(pattern) === -1)) return value;
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replace(pattern, REDACTED);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [walk(key), walk(child)]));
    return node;
  };
  return walk(value);
}

/** Server text as a message shows it: redacted first (a cut through the token would leak a part), then cut. */
export function showServerText(text: string, token: string, limit = MAX_SERVER_TEXT): string {
  // A server may quote the customer a request named: no email of a customer reaches any output.
  const clean = withoutEmails(redact(text, token));
  return clean.length <= limit ? clean : `${clean.slice(0, limit)}... (${clean.length - limit} more characters)`;
}

/** `tokenEnv`: the variable the token was read from, for the hint of a 401. */
export function createHttpError(
  method: string,
  path: string,
  status: number,
  bodyText: string,
  token: string,
  tokenEnv?: string,
): ApiError {
  const readMessage = readApiMessage(bodyText);
  const apiMessage = readMessage === undefined ? undefined : showServerText(readMessage, token);
  const head = `${method} ${path} failed with ${status}${apiMessage ? `: ${apiMessage}` : ''}`;
  const hint = chooseHint(status, path, tokenEnv);
  const message = hint ? `${endSentence(head)} ${hint}` : head;
  return new ApiError(message, { method, path, status, apiMessage });
}

function chooseHint(status: number, path: string, tokenEnv: string | undefined): string | undefined {
  if (status === 401) return describeTokenRefused(tokenEnv);
  if (status === 403) return SCOPE_HINT;
  if (status === 404 && COLLECTION_PATH.test(path)) return STORE_HASH_HINT;
  return undefined;
}

/** Ends the API's text with one full stop, so a hint after it never reads `.;` or `..`. */
function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A 3xx is never followed; the message names where it pointed by origin only (a query may hold secrets). */
export function createRedirectError(
  method: string,
  path: string,
  status: number,
  location: string | null,
  apiUrl: string,
  token: string,
): ApiError {
  const target =
    location === null ? 'a redirect without a location' : `a redirect to ${describeOrigin(location, apiUrl)}`;
  const apiOrigin = new URL(apiUrl).origin;
  const reason = showServerText(
    `${target}; bcgroups never follows redirects, so the token goes only to ${apiOrigin}`,
    token,
  );
  const hint = 'If the API has moved, set apiUrl (or BIGCOMMERCE_API_URL) to its new address.';
  return new ApiError(`${method} ${path} answered ${status}, ${reason}. ${hint}`, {
    method,
    path,
    status,
    apiMessage: reason,
  });
}

function describeOrigin(location: string, base: string): string {
  try {
    const url = new URL(location, base);
    return url.origin === 'null' ? `a ${url.protocol} address` : url.origin;
  } catch {
    return 'an address that is not a valid URL';
  }
}

/** `host` is the API's host (never the token), so the user sees which server could not be reached. */
export function createNetworkError(
  method: string,
  path: string,
  error: unknown,
  token: string,
  host?: string,
): ApiError {
  const reason = showServerText(describeNetworkError(error, host), token);
  return new ApiError(`${method} ${path} failed: ${reason}`, { method, path, apiMessage: reason });
}

/** An answer whose body is not what the API documents (wrong types, not JSON). */
export function createBadAnswerError(method: string, path: string, status: number, problem: string): ApiError {
  return new ApiError(`${method} ${path} answered ${status} with an unexpected body: ${problem}`, {
    method,
    path,
    status,
    apiMessage: problem,
  });
}

/** Codes of answers that broke off, beside Node's own (ECONNRESET, HPE_*), set by exchange.ts. */
export const CUT_SHORT = 'ANSWER_CUT_SHORT';
export const LENGTH_MISMATCH = 'ANSWER_LENGTH_MISMATCH';

/** What the codes of an answer that broke off or lied about itself mean, in words. */
const BROKEN_ANSWERS: Record<string, string> = {
  [CUT_SHORT]: 'the connection closed before the answer was complete',
  [LENGTH_MISMATCH]: 'the answer was shorter or longer than its Content-Length',
  ECONNRESET: 'the connection was reset',
};

function describeNetworkError(error: unknown, host: string | undefined): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'the request timed out';
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) {
    const what =
      BROKEN_ANSWERS[cause.code] ?? (cause.code.startsWith('HPE_') ? 'the answer is not valid HTTP' : undefined);
    return `network error${what ? `: ${what}` : ''} (${[cause.code, host].filter(Boolean).join(' ')})`;
  }
  const detail = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return host ? `network error reaching ${host} (${detail})` : `network error (${detail})`;
}
