// Each default is written once, as a `default` keyword of schemas/config.schema.json (editors show the
// same one); ajv fills them into an empty config, and the help text, README test and loader read that.
import type { Config } from '../model/index.js';
import { readSchema } from '../schema/index.js';
import { isMapping } from '../text/mapping.js';

interface SchemaNode {
  default?: unknown;
  properties?: Record<string, SchemaNode>;
}

/** What ajv's useDefaults fills into an empty config, read from the schema without compiling it. */
export function readDefaults(): Config {
  return fillDefaults(readSchema('config.schema.json') as SchemaNode, {}) as unknown as Config;
}

function fillDefaults(schema: SchemaNode, settings: Record<string, unknown>): Record<string, unknown> {
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (settings[key] === undefined && property.default !== undefined)
      settings[key] = structuredClone(property.default);
    const value = settings[key];
    if (property.properties && isMapping(value)) fillDefaults(property, value);
  }
  return settings;
}

export const DEFAULT_CONFIG: Config = readDefaults();

/** The thresholds of the safety pass when the config sets none. */
export const DEFAULT_SAFETY = DEFAULT_CONFIG.safety;
