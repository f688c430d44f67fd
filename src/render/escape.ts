// Names and messages come from the store, and a hostile or careless one may hold terminal control
// sequences, or invisible characters (bidi overrides, zero-width joiners, Hangul fillers, no-break spaces) that
// make one name look like another. People-facing output shows them escaped (\u001b, \u202e), never raw;
// JSON output escapes the same class (text/hidden.ts).
import { HIDDEN_CLASS } from '../text/hidden.js';

const CONTROL = new RegExp(HIDDEN_CLASS, 'gu');
const CONTROL_BUT_NEWLINE = new RegExp(`(?!\\n)${HIDDEN_CLASS}`, 'gu');

function escapeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16);
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/** One line of text with every control and invisible format character escaped (line breaks too). */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, escapeChar);
}

/** A multi-line message with control and format characters escaped but its line breaks kept. */
export function escapeControlKeepLines(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, escapeChar);
}

/** A copy of a value with every string in it escaped: what renderers for people work from. */
export function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeControl(value) as T;
  if (Array.isArray(value)) return value.map(escapeStrings) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapeStrings(item)])) as T;
  }
  return value;
}
