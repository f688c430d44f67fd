// Text taken from a user's file and quoted back in a message is cut short: no message may carry a
// whole file, whatever the file holds (a key a megabyte long, a link to something secret).

import { looksLikeSecret } from './secret-like.js';

export const MAX_QUOTED = 60;

/** What is quoted instead of text that looks like a secret. */
export const HIDDEN_SECRET = '[not shown: it looks like a secret]';

/** The text as is when short, else its first `max` characters and an ellipsis; never a secret-like text. */
export function clipQuoted(text: string, max: number = MAX_QUOTED): string {
  if (looksLikeSecret(text.slice(0, 8 * max))) return HIDDEN_SECRET;
  const characters = [...text.slice(0, 4 * max)];
  return characters.length <= max && text.length <= 4 * max ? text : `${characters.slice(0, max).join('')}…`;
}
