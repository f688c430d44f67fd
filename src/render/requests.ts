import type { ClientStats } from '../model/index.js';
import { count as countOf } from '../text/words.js';

/** A closing line for people: how much the run asked of the API ("3 API requests (3 GET)"). */
export function describeRequests(stats: ClientStats): string {
  const { requests } = stats;
  const total = Object.values(requests).reduce((sum, n) => sum + n, 0);
  const parts = Object.entries(requests)
    .filter(([, n]) => n > 0)
    .map(([method, n]) => `${n} ${method}`);
  const extra = describeRetries(stats);
  return `${countOf(total, 'API request')}${parts.length ? ` (${parts.join(', ')})` : ''}${extra ? `; ${extra}` : ''}`;
}

/** "2 retried, 1 rate-limited (waited 300 ms)"; empty when every request went through at once. */
export function describeRetries(stats: ClientStats): string {
  const { retries, rateLimited, waitedMs } = stats;
  return [
    retries ? `${retries} retried` : '',
    rateLimited ? `${rateLimited} rate-limited (waited ${Math.round(waitedMs)} ms)` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** The closing line of a plan beside its read counts: only what they leave out, retries and waits. */
export function describeReadTrouble(stats: ClientStats): string {
  const retries = describeRetries(stats);
  return retries ? `Of these requests: ${retries}.` : '';
}
