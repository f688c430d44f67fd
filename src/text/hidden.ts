// Characters that make one name pass for another: control characters (Cc), format characters such as bidi
// controls and zero-width joiners (Cf), lone surrogates (Cs), every default-ignorable code point (Hangul
// fillers, the grapheme joiner, variation selectors), the braille blank, and every space but U+0020 (no-break,
// wide and thin spaces, line and paragraph separators). Group files may not hold them (the schema's patterns
// list the same class) and output escapes them wherever a name from the store is shown, JSON included.

/** The class as regular expression source, for `u` patterns (ajv compiles the schema's with `u` too). */
export const HIDDEN_CLASS =
  '[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}\\p{Default_Ignorable_Code_Point}\\u2800\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]';

const HIDDEN = new RegExp(HIDDEN_CLASS, 'gu');
/** Inside JSON text, a raw line break is only ever the indentation's (strings carry theirs as \n). */
const HIDDEN_IN_JSON = new RegExp(`(?!\\n)${HIDDEN_CLASS}`, 'gu');

/** The first hidden character of `text` and where it is, or undefined when every character shows. */
export function findHidden(text: string): { codePoint: number; index: number } | undefined {
  HIDDEN.lastIndex = 0;
  const found = HIDDEN.exec(text);
  return found ? { codePoint: found[0].codePointAt(0) ?? 0, index: found.index } : undefined;
}

/** JSON text with every hidden character written as a `\u` escape (JSON.stringify leaves most of them raw). */
export function escapeHiddenInJson(json: string): string {
  return json.replace(HIDDEN_IN_JSON, (char) =>
    [...char]
      .flatMap((point) => (point.length === 2 ? [point.charCodeAt(0), point.charCodeAt(1)] : [point.charCodeAt(0)]))
      .map((unit) => `\\u${unit.toString(16).padStart(4, '0')}`)
      .join(''),
  );
}

/** A value as JSON for reviewers and machines, indented, hidden characters escaped. */
export function stringifyJson(value: unknown): string {
  return `${escapeHiddenInJson(JSON.stringify(value, null, 2))}\n`;
}
