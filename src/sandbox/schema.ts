// The project's request schema (written from the official spec) checks every body the sandbox receives,
// so a test run proves the client only sends documented bodies.
import { loadValidator, schemaUrl } from '../schema/index.js';

export const REQUEST_SCHEMA_URL = schemaUrl('customer-group-request.schema.json');

/** Compiled on the first body, so commands that never start the sandbox never pay for it. */
function compileRequestSchema() {
  return loadValidator('request');
}

/** Messages for each way the body breaks the schema; empty when it conforms. */
export function findSchemaViolations(body: unknown): string[] {
  const validateBody = compileRequestSchema();
  if (validateBody(body)) return [];
  return (validateBody.errors ?? []).map(
    (error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`,
  );
}
