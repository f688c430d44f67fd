// Plain scalars resolved exactly as the `yaml` package's YAML 1.2 core schema resolves them, tried in the
// order yaml tries its core tags; the regexes are yaml's own.

/** The value of a plain (unquoted) scalar: null, a boolean, a number, or the text itself. */
export function resolvePlainScalar(text: string): unknown {
  const code = text.charCodeAt(0);
  // Every number starts with a digit, a sign or a dot: most strings are told apart by their first letter.
  if ((code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46) {
    return resolveInt(text) ?? resolveFloat(text) ?? text;
  }
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  return text;
}

/** Keys that a core schema resolves to something other than their own text (null, booleans). */
export function isNonStringKey(text: string): boolean {
  return resolvePlainScalar(text) !== text;
}

function resolveInt(text: string): number | undefined {
  if (isDecimal(text, false)) return parseInt(text, 10);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.substring(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.substring(2), 16);
  return undefined;
}

/** `[-+]?[0-9]+`, or with `withDot` `[-+]?[0-9]+\.[0-9]+`: the common shapes, told without a regex. */
function isDecimal(text: string, withDot: boolean): boolean {
  const first = text.charCodeAt(0);
  let at = first === 43 || first === 45 ? 1 : 0;
  const digitsFrom = at;
  while (at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at += 1;
  if (!withDot || at === digitsFrom) return at === text.length && at > digitsFrom;
  if (text.charCodeAt(at) !== 46) return false;
  const fractionFrom = at + 1;
  at = fractionFrom;
  while (at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at += 1;
  return at === text.length && at > fractionFrom;
}

function resolveFloat(text: string): number | undefined {
  if (isDecimal(text, true)) return parseFloat(text);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return Number.NaN;
    return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text)) return parseFloat(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return undefined;
}
