// The access token is checked once, when a client is made: one that cannot travel as a header would
// otherwise fail every request as a "network error", after retries. Messages never quote it.
import { ConfigError } from '../errors.js';

/**
 * The token trimmed (a file read into a variable often ends in a newline), or a ConfigError naming
 * where it came from. Only printable ASCII is accepted: real tokens are letters and digits, and other
 * characters are sent, logged and echoed in different encodings, so redaction could not trust them.
 */
export function checkToken(token: string, source: string): string {
  const trimmed = token.trim();
  if (trimmed === '')
    throw new ConfigError(`The access token in ${source} is empty: set it to an API token of the store.`);
  const index = [...trimmed].findIndex((char) => !/^[\x21-\x7e]$/.test(char));
  if (index === -1) return trimmed;
  const char = [...trimmed][index] ?? '';
  throw new ConfigError(
    `The access token in ${source} contains ${describeChar(char)} (character ${index + 1}), which no API token has. ` +
      'Copy the token again, without quotes, spaces or line breaks.',
  );
}

function describeChar(char: string): string {
  if (char === '\n' || char === '\r' || char === '\u2028' || char === '\u2029') return 'a line break';
  if (char === ' ') return 'a space';
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code < 0x20 || code === 0x7f ? `a control character (${hex})` : `a character outside printable ASCII (${hex})`;
}
