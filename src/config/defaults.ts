// Each default is written once, as a `default` keyword of schemas/config.schema.json (editors show the
// same one); ajv fills them into an empty config, and the help text, README test and loader read that.
import type { Config } from '../model.js';
import { compileSchema } from '../schemas.js';

function readDefaults(): Config {
  const settings: Record<string, unknown> = {};
  compileSchema('config.schema.json', { useDefaults: true })(settings);
  return settings as unknown as Config;
}

export const DEFAULT_CONFIG: Config = readDefaults();

/** The thresholds of the safety pass when the config sets none. */
export const DEFAULT_SAFETY = DEFAULT_CONFIG.safety;
