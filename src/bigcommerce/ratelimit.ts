// Paces requests from the X-Rate-Limit-* headers. The quota is shared by every app of the store, so
// one client (all its concurrent calls together) stops when only the reserved share is left.
import { setTimeout as sleep } from 'node:timers/promises';
import type { RateLimitState } from '../model.js';

/** Time to add past the server's reset so our clock never sends a hair too early. */
const RESET_MARGIN_MS = 5;
/** How long to wait before re-checking when the window's end is not known yet. */
const UNKNOWN_RESET_POLL_MS = 10;

export interface RateLimitHeaders {
  left: number;
  quota: number;
  resetMs: number;
  windowMs: number;
}

/** Reads the four headers; undefined when any is missing or not a number. */
export function readRateLimitHeaders(headers: Headers): RateLimitHeaders | undefined {
  const read = (name: string) => {
    const raw = headers.get(`x-rate-limit-${name}`);
    const value = raw === null ? NaN : Number(raw);
    return Number.isFinite(value) ? value : undefined;
  };
  const left = read('requests-left');
  const quota = read('requests-quota');
  const resetMs = read('time-reset-ms');
  const windowMs = read('time-window-ms');
  if (left === undefined || quota === undefined || resetMs === undefined) return undefined;
  return { left, quota, resetMs, windowMs: windowMs ?? resetMs };
}

export class RateLimiter {
  /** Our estimate of requests left in the window: the server's last figure minus what we sent since. */
  private left: number | undefined;
  private quota: number | undefined;
  private windowEnd: number | undefined;
  private inFlight = 0;
  private last: RateLimitState | undefined;

  constructor(private readonly reserveShare: number) {}

  get state(): RateLimitState | undefined {
    return this.last;
  }

  /** Waits until a request may be sent without eating into the reserve; returns the time waited. */
  async acquire(): Promise<number> {
    const started = Date.now();
    for (;;) {
      const now = Date.now();
      if (this.windowEnd !== undefined && now >= this.windowEnd) this.startUnknownWindow();
      if (this.quota === undefined || this.left === undefined || this.left > this.reserve()) break;
      await sleep(this.windowEnd === undefined ? UNKNOWN_RESET_POLL_MS : this.windowEnd - now);
    }
    if (this.left !== undefined) this.left -= 1;
    this.inFlight += 1;
    return Date.now() - started;
  }

  /** Called once per sent request when its answer (or failure) arrives. */
  release(headers: RateLimitHeaders | undefined): void {
    this.inFlight -= 1;
    if (!headers) return;
    const now = Date.now();
    const end = now + headers.resetMs + RESET_MARGIN_MS;
    const tolerance = Math.min(100, headers.windowMs / 4);
    this.quota = headers.quota;
    this.last = { ...headers, at: now };
    if (this.windowEnd === undefined || now >= this.windowEnd || end > this.windowEnd + tolerance) {
      // A new window: requests still in flight may not be counted by the server yet.
      this.windowEnd = end;
      this.left = headers.left - this.inFlight;
    } else {
      this.left = Math.min(this.left ?? headers.left, headers.left);
    }
  }

  /** After a 429 with a known reset: nobody sends until the window ends. */
  block(untilMs: number): void {
    const end = Date.now() + untilMs + RESET_MARGIN_MS;
    this.windowEnd = Math.max(this.windowEnd ?? 0, end);
    this.left = 0;
  }

  private reserve(): number {
    return Math.ceil(this.reserveShare * (this.quota ?? 0));
  }

  private startUnknownWindow(): void {
    this.windowEnd = undefined;
    this.left = this.quota === undefined ? undefined : this.quota - this.inFlight;
  }
}
