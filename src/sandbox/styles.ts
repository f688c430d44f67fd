// The answer styles the real API is known to use, each an option: rule target ids as strings, and
// error bodies as V3 objects instead of V2 arrays. (Dates: see formatStamp.)
import type { V2Error } from './rules.js';

export interface V3ErrorBody {
  status: number;
  title: string;
  type: string;
  errors: Record<string, unknown>;
}

const STATUS_CODES_PAGE = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

/** `{status, title, type, errors}` as the V3 endpoints answer: the first message is the title, every
 *  message (and any details) is kept under `errors`, so no text of the V2 form is lost. */
export function toV3Error(status: number, errors: readonly V2Error[]): V3ErrorBody {
  const details = Object.assign({}, ...errors.map((error) => error.details ?? {})) as Record<string, unknown>;
  const messages =
    errors.length > 1 ? Object.fromEntries(errors.map((error, index) => [String(index + 1), error.message])) : {};
  return {
    status,
    title: errors[0]?.message ?? 'The request failed.',
    type: STATUS_CODES_PAGE,
    errors: { ...messages, ...details },
  };
}

/** A V2 error array answered in the chosen style; anything else is left alone. */
export function styleErrorBody(status: number, body: unknown, style: 'v2' | 'v3'): unknown {
  if (style === 'v2' || status < 400 || !Array.isArray(body)) return body;
  return toV3Error(status, body as V2Error[]);
}

const TARGET_FIELDS = ['category_id', 'product_id', 'price_list_id'];

/** A group answer (one group or a list) with the ids of its rules' targets as strings. */
export function stringifyRuleIds(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(stringifyRuleIds);
  if (!body || typeof body !== 'object' || !Array.isArray((body as { discount_rules?: unknown }).discount_rules))
    return body;
  const group = body as { discount_rules: Array<Record<string, unknown>> };
  return {
    ...group,
    discount_rules: group.discount_rules.map((rule) =>
      Object.fromEntries(
        Object.entries(rule).map(([key, value]) => [key, TARGET_FIELDS.includes(key) ? String(value) : value]),
      ),
    ),
  };
}
