// Dates as the sandbox store writes them.

/** A moment as the store writes it: "2023-07-25 01:15:19" (the spec's examples, UTC) or RFC 2822
 *  "Tue, 25 Jul 2023 01:15:19 +0000" (older V2 resources). */
export function formatStamp(seconds: number, style: 'api' | 'rfc2822' = 'api'): string {
  const date = new Date(seconds * 1000);
  if (style === 'rfc2822') return date.toUTCString().replace('GMT', '+0000');
  return date.toISOString().slice(0, 19).replace('T', ' ');
}
