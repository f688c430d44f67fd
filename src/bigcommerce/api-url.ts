// Where the token may be sent: https anywhere, plain http only to this machine.
import { ConfigError } from '../errors.js';

/** Refuses plain http to anything but this machine: the token would cross the network in clear text. */
export function assertSafeApiUrl(apiUrl: string): URL {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new ConfigError(`The API URL '${apiUrl}' is not a valid URL.`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return url;
  throw new ConfigError(
    `Refusing to send the access token over ${url.protocol}//${url.host}: use https:// (plain http is allowed only to 127.0.0.0/8, ::1 or localhost).`,
  );
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}
