// Names and messages come from the store, and a hostile or careless one may hold terminal control
// sequences. People-facing output shows them escaped (\u001b), never raw; JSON escapes on its own.

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

function escapeChar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One line of text with every control character escaped (line breaks too). */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, escapeChar);
}

/** A multi-line message with control characters escaped but its line breaks kept. */
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
