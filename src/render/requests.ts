import type { ClientStats } from '../model/index.js';
import { count as countOf } from '../text/words.js';

/** A closing line for people: how much the run asked of the API ("3 API requests (3 GET)"). */
export function describeRequests(stats: ClientStats): string {
  const { requests, retries, rateLimited, waitedMs } = stats;
  const total = Object.values(requests).reduce((sum, n) => sum + n, 0);
  const parts = Object.entries(requests)
    .filter(([, n]) => n > 0)
    .map(([method, n]) => `${n} ${method}`);
  const extra = [retries ? `${retries} retried` : '', rateLimited ? `${rateLimited} rate-limited (waited ${Math.round(waitedMs)} ms)` : '']
    .filter(Boolean)
    .join(', ');
  return `${countOf(total, 'API request')}${parts.length ? ` (${parts.join(', ')})` : ''}${extra ? `; ${extra}` : ''}`;
}
