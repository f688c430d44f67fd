// The project's request schema (written from the official spec) checks every body the sandbox receives,
// so a test run proves the client only sends documented bodies.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

export const REQUEST_SCHEMA_URL = new URL('../../schemas/customer-group-request.schema.json', import.meta.url);

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validateBody = ajv.compile(JSON.parse(readFileSync(REQUEST_SCHEMA_URL, 'utf8')) as object);

/** Messages for each way the body breaks the schema; empty when it conforms. */
export function findSchemaViolations(body: unknown): string[] {
  if (validateBody(body)) return [];
  return (validateBody.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`);
}
