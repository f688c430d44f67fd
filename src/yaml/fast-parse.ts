// A fast read of plain group files: js-yaml with the scalars resolved exactly as the `yaml` package's
// YAML 1.2 core schema does. Anything it is not sure of returns undefined, and the caller takes the exact
// path (parse.ts), which also finds the positions and words the problems; both give the same values.
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { isMapping } from '../text/mapping.js';

/** One resolver per tag, tried in the order `yaml` tries its core tags; the regexes are yaml's own. */
const CORE_SCALARS = [
  new Type('tag:yaml.org,2002:null', {
    kind: 'scalar',
    resolve: (data) => /^(?:~|[Nn]ull|NULL)?$/.test(String(data ?? '')),
    construct: () => null,
  }),
  new Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (data) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(String(data)),
    construct: (data) => String(data)[0] === 't' || String(data)[0] === 'T',
  }),
  new Type('tag:yaml.org,2002:int', {
    kind: 'scalar',
    resolve: (data) => resolveInt(String(data)) !== undefined,
    construct: (data) => resolveInt(String(data)),
  }),
  new Type('tag:yaml.org,2002:float', {
    kind: 'scalar',
    resolve: (data) => resolveFloat(String(data)) !== undefined,
    construct: (data) => resolveFloat(String(data)),
  }),
];

const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: CORE_SCALARS });

function resolveInt(text: string): number | undefined {
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.substring(2), 16);
  return undefined;
}

function resolveFloat(text: string): number | undefined {
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    return text.slice(-3).toLowerCase() === 'nan'
      ? NaN
      : text[0] === '-'
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text)) return parseFloat(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return undefined;
}

/**
 * Text the fast path leaves alone: anchors, aliases, tags, directives, block scalars, escapes, complex
 * keys, reserved indicators, tabs, carriage returns, a byte-order mark, control and special characters,
 * and document markers. Such files are rare and the exact parser reads them as the spec says.
 */
const DOUBTFUL_TEXT =
  /[&*!%|>\\?<@`\t\r\uFEFF\u2028\u2029\uFFFE\uFFFF\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]|^(?:---|\.\.\.)|\n(?:---|\.\.\.)/;

/** The value of a plain group file, or undefined when only the exact path may say what it holds. */
export function parseFastYaml(text: string): Record<string, unknown> | undefined {
  if (DOUBTFUL_TEXT.test(text) || hasLongLine(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return isMapping(value) && hasPlainKeys(value) ? value : undefined;
}

/** yaml refuses an implicit key whose ':' is more than 1024 characters in; long lines take the exact path. */
function hasLongLine(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > 1000) return true;
    start = stop + 1;
  }
  return false;
}

/** A null key reads as "null" here and "" in `yaml`; such keys (and __proto__) take the exact path. */
function hasPlainKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(hasPlainKeys);
  if (!isMapping(value)) return true;
  for (const key of Object.keys(value)) {
    if (key === 'null' || key === '__proto__' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return false;
    if (!hasPlainKeys(value[key])) return false;
  }
  return true;
}
