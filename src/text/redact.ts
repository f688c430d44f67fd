// The one place that blanks secrets out of text: the client for what a server echoes, cli/main.ts for every
// message and warning it prints, whatever raised it (a config file that throws may quote the token).

export const REDACTED = '[redacted]';

/**
 * A part of a secret this long is blanked too: a message cut through the token would leak the rest. Only
 * of secrets at least twice as long (real tokens are about 30 random characters), and only parts with a
 * letter and a digit: a word-like part ("redirect" of "tok-redirect-9f8e7d") would blank ordinary words.
 */
export const MIN_SECRET_PART = 8;

/** Variables whose value is a token even before a config names one: BIGCOMMERCE_ACCESS_TOKEN and kin. */
const DEFAULT_TOKEN_NAME = /^BIGCOMMERCE_\w*TOKEN/i;

/**
 * Each secret as text may carry it: as is, URL-encoded (a query), JSON-escaped (a body), in any case (URL
 * parsing lowercases a host). Every occurrence counts, even inside a word: a short secret then blanks
 * ordinary text, which is the safe side of the trade.
 */
export function secretPattern(secrets: readonly string[]): RegExp | undefined {
  const forms = new Set(
    secrets
      .filter((secret) => secret.length > 0)
      .flatMap((secret) => [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]),
  );
  if (forms.size === 0) return undefined;
  const escaped = [...forms]
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return new RegExp(escaped.join('|'), 'gi');
}

/** Removes every occurrence of each secret, and every run of MIN_SECRET_PART or more of its characters. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const pattern = secretPattern(secrets);
  return pattern ? redactParts(text.replace(pattern, REDACTED), secrets) : text;
}

/** Marks every character inside a window of MIN_SECRET_PART characters of a secret (in any case), then blanks each marked run. */
function redactParts(text: string, secrets: readonly string[]): string {
  const windows = new Set<string>();
  for (const secret of secrets.filter((candidate) => candidate.length >= 2 * MIN_SECRET_PART)) {
    for (const form of [secret, secret.toLowerCase(), secret.toUpperCase()]) {
      for (let start = 0; start + MIN_SECRET_PART <= form.length; start++) {
        const part = form.slice(start, start + MIN_SECRET_PART);
        if (/\d/.test(part) && /\p{L}/u.test(part)) windows.add(part);
      }
    }
  }
  let marked: Uint8Array | undefined;
  for (const window of windows) {
    for (let at = text.indexOf(window); at !== -1; at = text.indexOf(window, at + 1)) {
      marked ??= new Uint8Array(text.length);
      marked.fill(1, at, at + MIN_SECRET_PART);
    }
  }
  if (!marked) return text;
  const pieces: string[] = [];
  let kept = 0;
  for (let index = 0; index < text.length; index++) {
    if (!marked[index] || (index > 0 && marked[index - 1])) continue;
    let end = index;
    while (end < text.length && marked[end]) end++;
    pieces.push(text.slice(kept, index), REDACTED);
    kept = end;
  }
  pieces.push(text.slice(kept));
  return pieces.join('');
}

/** The values of the token variables in `env`: the defaults' and those named in `names` (accessTokenEnv). */
export function findSecrets(env: Record<string, string | undefined>, names: Iterable<string> = []): string[] {
  const wanted = new Set([...names, ...Object.keys(env).filter((name) => DEFAULT_TOKEN_NAME.test(name))]);
  return [...wanted].map((name) => env[name]?.trim() ?? '').filter((value) => value.length > 0);
}
