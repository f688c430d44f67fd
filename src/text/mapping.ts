/** A YAML mapping or JSON object: an object that is not an array (nor null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
