// The API's rules for a write body, as the sandbox enforces them. Each failure is a V2 error entry.

export interface V2Error {
  status: number;
  message: string;
  details?: Record<string, unknown>;
}

export interface Refusal {
  status: number;
  errors: V2Error[];
}

export const READ_ONLY_FIELDS = ['id', 'date_created', 'date_modified'] as const;
const RULE_TYPES = ['price_list', 'all', 'category', 'product'];
const METHODS = ['percent', 'fixed', 'price'];
/** The largest amount kept: the project's own bound (below one billion), far from where numbers print as 1e+21. */
export const MAX_AMOUNT = 999_999_999.9999;
const TARGET_BY_TYPE: Record<string, string> = {
  category: 'category_id',
  product: 'product_id',
  price_list: 'price_list_id',
};

export function refuse(status: number, ...messages: string[]): Refusal {
  return { status, errors: messages.map((message) => ({ status, message })) };
}

/** Refusals that come before any rule: a body that is not an object, read-only fields, a missing or blank name. */
export function checkBodyBasics(body: unknown, isCreate: boolean): Refusal | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return refuse(400, 'The request body must be a JSON object.');
  const fields = body as Record<string, unknown>;
  const written = READ_ONLY_FIELDS.filter((field) => field in fields);
  if (written.length > 0) return refuse(400, ...written.map((field) => `The field '${field}' cannot be written to.`));
  const blankName = typeof fields.name !== 'string' || fields.name.trim() === '';
  if (isCreate && blankName) return refuse(400, "The required field 'name' was not supplied.");
  // A PUT may leave the name out, but a name it sends must not be blank.
  if ('name' in fields && blankName) return refuse(400, "The field 'name' must not be blank.");
  return undefined;
}

/** Discount rule rules: fields each type needs, a price_list rule alone, at most one store-wide rule. */
export function checkDiscountRules(rules: unknown): Refusal | undefined {
  if (rules === undefined || !Array.isArray(rules)) return undefined;
  const messages: string[] = [];
  rules.forEach((rule: unknown, index) => messages.push(...checkRule(rule, index)));
  const types = rules.map((rule: unknown) =>
    rule && typeof rule === 'object' ? (rule as Record<string, unknown>).type : undefined,
  );
  if (types.includes('price_list') && rules.length > 1)
    messages.push('A price_list discount rule must be the only discount rule of the group.');
  if (types.filter((type) => type === 'all').length > 1)
    messages.push('Only one store-wide (all) discount rule is allowed.');
  return messages.length > 0 ? refuse(422, ...messages) : undefined;
}

function checkRule(raw: unknown, index: number): string[] {
  const at = `discount_rules[${index}]`;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [`${at} must be an object.`];
  const rule = raw as Record<string, unknown>;
  if (typeof rule.type !== 'string' || !RULE_TYPES.includes(rule.type))
    return [`${at}.type must be one of ${RULE_TYPES.join(', ')}.`];
  const messages: string[] = [];
  const target = TARGET_BY_TYPE[rule.type];
  if (target !== undefined && !isPositiveId(rule[target]))
    messages.push(`${at}.${target} is required for a ${rule.type} rule and must be a positive integer.`);
  if (rule.type === 'price_list') return messages;
  if (typeof rule.method !== 'string' || !METHODS.includes(rule.method))
    messages.push(`${at}.method is required and must be one of ${METHODS.join(', ')}.`);
  const amount = readAmount(rule.amount);
  if (amount === undefined) messages.push(`${at}.amount is required and must be a number or a numeric string.`);
  else if (amount < 0) messages.push(`${at}.amount must not be negative.`);
  else if (amount > MAX_AMOUNT) messages.push(`${at}.amount must be at most ${MAX_AMOUNT}.`);
  return messages;
}

/** The amount as the API keeps it, or undefined when it is not numeric. */
export function parseAmount(raw: unknown): string | undefined {
  return readAmount(raw)?.toFixed(4);
}

function readAmount(raw: unknown): number | undefined {
  const value =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isFinite(value) ? value : undefined;
}

function isPositiveId(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
