// Text that looks like a secret is never quoted back in a message: a file may be a link to `.env`, or a
// group file may hold a pasted token, and errors end up in CI logs and pull request annotations.

const SECRET_LIKE = [
  // PEM blocks: private keys, certificates.
  /-----BEGIN [A-Z0-9 ]+-----/,
  // KEY=value, api_token: value, "password": value: a name that ends in a secret's word.
  /(?:key|token|secret|passw(?:or)?d|pwd|credentials?|auth)["']?\s*[=:]\s*\S/i,
  // .netrc: password VALUE.
  /\b(?:password|passwd)\s+\S/i,
];

/** A run of letters and digits as long as a token or key, or longer base64. */
const LONG_RUN = /[A-Za-z0-9]{20,}|[A-Za-z0-9+/_=-]{32,}/g;

export function looksLikeSecret(text: string): boolean {
  if (SECRET_LIKE.some((pattern) => pattern.test(text))) return true;
  return [...text.matchAll(LONG_RUN)].some(([run]) => /\d/.test(run) && /[A-Za-z]/.test(run));
}
