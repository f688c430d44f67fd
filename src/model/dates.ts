// Dates as the API writes them, read by the client and the sandbox alike: "2023-07-25 01:15:19" (UTC),
// ISO 8601, or RFC 2822 in older V2 resources.

const API_STAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const RFC_2822 =
  /^([A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{2}:\d{2}(:\d{2})?\s+([+-]\d{4}|GMT|UTC?|[ECMP][SD]T)$/;

/** Seconds since the epoch, or undefined when the text is none of the three forms or no real date. */
export function parseDateValue(text: string): number | undefined {
  const value = text.trim();
  let ms = NaN;
  if (API_STAMP.test(value)) ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  // Date.parse reads a date-time without a zone as local time; the API's dates are UTC, so these are too.
  else if (ISO_8601.test(value))
    ms = Date.parse(value.includes('T') && !/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? `${value}Z` : value);
  else if (RFC_2822.test(value)) ms = Date.parse(value);
  return Number.isNaN(ms) || (/^\d{4}-/.test(value) && !isCalendarDay(value)) ? undefined : Math.floor(ms / 1000);
}

/** Date.parse rolls "2023-02-30" over to March 2nd; the API would not. */
function isCalendarDay(value: string): boolean {
  const [year = 0, month = 0, day = 0] = value.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}
