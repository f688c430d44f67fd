// Turns a failed answer of the API into an ApiError: V2 error arrays and V3 error objects both
// carry the message the user needs, and nothing of the request headers ever reaches the text.
import { ApiError } from '../errors.js';

const SCOPE_HINT =
  'check that the API account has the OAuth scope store_v2_customers (modify); read-only commands need at least store_v2_customers_read_only';

/** The API's own message from an error body: `[{status, message}]`, `{title, errors}`, `{message}` or text. */
export function readApiMessage(bodyText: string): string | undefined {
  const text = bodyText.trim();
  if (text === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text.slice(0, 300);
  }
  const messages = (Array.isArray(body) ? body : [body]).map(readOneMessage).filter((m): m is string => Boolean(m));
  return messages.length > 0 ? messages.join('; ') : text.slice(0, 300);
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
  const parts = Object.entries(details as Record<string, unknown>).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return parts.length > 0 ? `(${parts.join(', ')})` : undefined;
}

/** Removes every occurrence of the token, in case a server or a socket error echoes it. */
export function redact(text: string, token: string): string {
  return token.length > 0 ? text.split(token).join('[redacted]') : text;
}

export function createHttpError(method: string, path: string, status: number, bodyText: string, token: string): ApiError {
  const apiMessage = redactOptional(readApiMessage(bodyText), token);
  const hint = status === 401 || status === 403 ? `; ${SCOPE_HINT}` : '';
  const message = `${method} ${path} failed with ${status}${apiMessage ? `: ${apiMessage}` : ''}${hint}`;
  return new ApiError(message, method, path, status, apiMessage);
}

export function createNetworkError(method: string, path: string, error: unknown, token: string): ApiError {
  const reason = redact(describeNetworkError(error), token);
  return new ApiError(`${method} ${path} failed: ${reason}`, method, path, undefined, reason);
}

/** An answer whose body is not what the API documents (wrong types, not JSON). */
export function createBadAnswerError(method: string, path: string, status: number, problem: string): ApiError {
  return new ApiError(`${method} ${path} answered ${status} with an unexpected body: ${problem}`, method, path, status, problem);
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'the request timed out';
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `network error (${cause.code})`;
  if (cause?.message) return `network error (${cause.message})`;
  return `network error (${error instanceof Error ? error.message : String(error)})`;
}

function redactOptional(text: string | undefined, token: string): string | undefined {
  return text === undefined ? undefined : redact(text, token);
}
