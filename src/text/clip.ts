// Text taken from a user's file and quoted back in a message is cut short: no message may carry a
// whole file, whatever the file holds (a key a megabyte long, a link to something secret).

export const MAX_QUOTED = 60;

/** The text as is when short, else its first `max` characters and an ellipsis. */
export function clipQuoted(text: string, max: number = MAX_QUOTED): string {
  const characters = [...text.slice(0, 4 * max)];
  return characters.length <= max && text.length <= 4 * max ? text : `${characters.slice(0, max).join('')}…`;
}
