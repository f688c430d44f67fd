// The request bodies of the multi-storefront endpoints, as the project reads the official specs
// (channels, customers V3, price lists): their fields, what is required, and the checks the sandbox
// makes of each body. test/sandbox/storefront-schema.test.ts keeps these in step with the specs.

/** "The batch limit for Price List Assignments is 25" (price lists spec, POST /pricelists/assignments). */
export const MAX_ASSIGNMENT_BATCH = 25;

/** AssignmentsForRequest: one row of the POST batch. */
export const ASSIGNMENT_POST_FIELDS = {
  properties: { price_list_id: 'integer', customer_group_id: 'integer', channel_id: 'integer' },
  required: ['price_list_id'],
} as const;

/** AssignmentForPutRequest: the body of PUT /pricelists/{id}/assignments. */
export const ASSIGNMENT_PUT_FIELDS = {
  properties: { customer_group_id: 'integer', channel_id: 'integer' },
  required: ['customer_group_id', 'channel_id'],
} as const;

/** CustomerChannelSettingsObject: the body of PUT /customers/settings/channels/{id}. The ids are
 *  integers in the spec; null is the documented way to remove a channel's override. */
export const CHANNEL_SETTINGS_FIELDS = {
  properties: { privacy_settings: 'object', customer_group_settings: 'object', allow_global_logins: 'boolean' },
  customer_group_settings: { guest_customer_group_id: 'integer', default_customer_group_id: 'integer' },
  privacy_settings: { ask_shopper_for_tracking_consent: 'boolean', policy_url: 'string' },
} as const;

type Body = Record<string, unknown>;

/** Messages for each way one assignment row breaks AssignmentsForRequest; `at` names the row. */
export function checkAssignmentRow(raw: unknown, at: string): string[] {
  if (!isRecord(raw)) return [`${at} must be an object`];
  return checkIntegers(raw, ASSIGNMENT_POST_FIELDS, at);
}

export function checkAssignmentPut(raw: unknown): string[] {
  if (!isRecord(raw)) return ['The request body must be a JSON object.'];
  return checkIntegers(raw, ASSIGNMENT_PUT_FIELDS, '(body)');
}

export function checkChannelSettings(raw: unknown): string[] {
  if (!isRecord(raw)) return ['The request body must be a JSON object.'];
  const problems = unknownFields(raw, Object.keys(CHANNEL_SETTINGS_FIELDS.properties), '(body)');
  if (raw.allow_global_logins !== undefined && typeof raw.allow_global_logins !== 'boolean')
    problems.push('allow_global_logins must be true or false');
  for (const part of ['customer_group_settings', 'privacy_settings'] as const) {
    const value = raw[part];
    if (value === undefined) continue;
    if (!isRecord(value)) {
      problems.push(`${part} must be an object`);
      continue;
    }
    const fields = CHANNEL_SETTINGS_FIELDS[part];
    problems.push(...unknownFields(value, Object.keys(fields), part));
    for (const [field, type] of Object.entries(fields)) {
      const v = value[field];
      if (v === undefined) continue;
      const ok =
        type === 'integer'
          ? v === null || (Number.isInteger(v) && (v as number) >= 0)
          : v === null || typeof v === type;
      if (!ok) problems.push(`${part}.${field} must be ${type === 'integer' ? 'a group id, 0 or null' : `a ${type}`}`);
    }
  }
  return problems;
}

function checkIntegers(
  body: Body,
  fields: { properties: Record<string, string>; required: readonly string[] },
  at: string,
): string[] {
  const problems = unknownFields(body, Object.keys(fields.properties), at);
  for (const field of fields.required) if (body[field] === undefined) problems.push(`${at}.${field} is required`);
  for (const field of Object.keys(fields.properties)) {
    const value = body[field];
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0))
      problems.push(`${at}.${field} must be an integer id`);
  }
  return problems;
}

function unknownFields(body: Body, allowed: readonly string[], at: string): string[] {
  return Object.keys(body)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${at}: '${key}' is not a field of this body`);
}

export function isRecord(value: unknown): value is Body {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}
