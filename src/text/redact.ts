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

/** Characters of base64 that stand for MIN_SECRET_PART bytes of a secret. */
const BASE64_PART = Math.ceil((MIN_SECRET_PART * 4) / 3);

/**
 * Each secret as text may carry it: as is, URL-encoded (a query, once or twice), JSON-escaped (a body), hex,
 * base64 (with or without padding) and base64url (a server echoing a header it decoded or encoded), in any
 * case (URL parsing lowercases a host). Every occurrence counts, even inside a word: a short secret then
 * blanks ordinary text, which is the safe side of the trade.
 */
export function secretPattern(secrets: readonly string[]): RegExp | undefined {
  const forms = new Set(secrets.filter((secret) => secret.length > 0).flatMap(encodeSecret));
  if (forms.size === 0) return undefined;
  const escaped = [...forms]
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return new RegExp(escaped.join('|'), 'gi');
}

function encodeSecret(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const base64 = bytes.toString('base64');
  return [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(encodeURIComponent(secret)),
    JSON.stringify(secret).slice(1, -1),
    bytes.toString('hex'),
    base64,
    base64.replace(/=+$/, ''),
    bytes.toString('base64url'),
  ];
}

/** Removes every occurrence of each secret, and every run of MIN_SECRET_PART or more of its characters. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const pattern = secretPattern(secrets);
  return pattern ? redactParts(text.replace(pattern, REDACTED), secrets) : text;
}

/**
 * The runs of text that stand for MIN_SECRET_PART characters of a long secret: as is (with a letter and a
 * digit, so no ordinary word), URL-encoded, hex, and base64 or base64url at each of the three offsets the
 * secret's bytes may start at within base64's 3-byte groups (after "user:" in a Basic header, say).
 */
function findPartWindows(secrets: readonly string[]): Set<string> {
  const windows = new Set<string>();
  const add = (form: string, size: number, wordLike: boolean) => {
    for (let start = 0; start + size <= form.length; start++) {
      const part = form.slice(start, start + size);
      if (!wordLike || (/\d/.test(part) && /\p{L}/u.test(part))) windows.add(part);
    }
  };
  for (const secret of secrets.filter((candidate) => candidate.length >= 2 * MIN_SECRET_PART)) {
    const encoded = encodeURIComponent(secret);
    for (const form of [secret, secret.toLowerCase(), secret.toUpperCase(), encoded, encodeURIComponent(encoded)])
      add(form, MIN_SECRET_PART, true);
    const bytes = Buffer.from(secret, 'utf8');
    const hex = bytes.toString('hex');
    for (const form of [hex, hex.toUpperCase()]) add(form, 2 * MIN_SECRET_PART, false);
    for (let shift = 0; shift < 3; shift++) {
      // Only the characters made of the secret's bits alone: from the first whole one to the last.
      const shifted = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
      const inner = shifted.slice(Math.ceil((shift * 8) / 6), Math.floor(((shift + bytes.length) * 8) / 6));
      add(inner, BASE64_PART, false);
      add(inner.replace(/\+/g, '-').replace(/\//g, '_'), BASE64_PART, false);
    }
  }
  return windows;
}

/** Marks every character inside a window of a secret (findPartWindows), then blanks each marked run. */
function redactParts(text: string, secrets: readonly string[]): string {
  let marked: Uint8Array | undefined;
  for (const window of findPartWindows(secrets)) {
    for (let at = text.indexOf(window); at !== -1; at = text.indexOf(window, at + 1)) {
      marked ??= new Uint8Array(text.length);
      marked.fill(1, at, at + window.length);
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

/**
 * A server's message may quote what it refused; an email in it is replaced, so no output ever shows one.
 * One pass over the text, however long and whatever it holds (a regex here backtracks quadratically).
 */
export function withoutEmails(text: string): string {
  if (!text.includes('@')) return text;
  const parts: string[] = [];
  let copied = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > copied && isAddressChar(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && isAddressChar(text.charCodeAt(end))) end++;
    if (start === at || end === at + 1) continue;
    parts.push(text.slice(copied, start), '[email]');
    copied = end;
    at = end - 1;
  }
  return parts.length === 0 ? text : parts.join('') + text.slice(copied);
}

/** Anything but white space, quotes, brackets, separators and '@' may stand in an address. */
function isAddressChar(code: number): boolean {
  return !(
    code <= 0x20 ||
    code === 0x40 ||
    '"\'<>(),;:'.includes(String.fromCharCode(code)) ||
    /\s/.test(String.fromCharCode(code))
  );
}
