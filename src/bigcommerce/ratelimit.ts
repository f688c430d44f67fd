// Paces requests from the X-Rate-Limit-* headers. The quota is shared by every app of the store, so
// one client (all its concurrent calls together) stops when only the reserved share is left.
import { setTimeout as sleep } from 'node:timers/promises';
import type { RateLimitState } from '../model/index.js';

/** Time to add past the server's reset so our clock never sends a hair too early. */
const RESET_MARGIN_MS = 5;
/** How long to wait before re-checking when the window's end is not known yet. */
const UNKNOWN_RESET_POLL_MS = 10;

/** An answer's headers by name (fetch's Headers fits too). */
export interface HeaderLookup {
  get(name: string): string | null;
}

export interface RateLimitHeaders {
  left: number;
  quota: number;
  resetMs: number;
  windowMs: number;
}

/** A header as a count or a duration: undefined unless it is a finite number of at least 0. */
export function readHeaderNumber(headers: HeaderLookup, name: string): number | undefined {
  const raw = headers.get(name)?.trim();
  const value = raw ? Number(raw) : NaN;
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Reads the four headers; undefined when any of the first three is missing, negative or not a number. */
export function readRateLimitHeaders(headers: HeaderLookup): RateLimitHeaders | undefined {
  const read = (name: string) => readHeaderNumber(headers, `x-rate-limit-${name}`);
  const left = read('requests-left');
  const quota = read('requests-quota');
  const resetMs = read('time-reset-ms');
  const windowMs = read('time-window-ms');
  if (left === undefined || quota === undefined || resetMs === undefined) return undefined;
  return { left, quota, resetMs, windowMs: windowMs ?? resetMs };
}

/** The headers ask for a wait longer than the cap: failing now beats sleeping for days. */
export class WaitTooLong extends Error {
  constructor(
    readonly waitMs: number,
    readonly maxWaitMs: number,
  ) {
    super(
      `the rate-limit headers say the quota resets in ${Math.round(waitMs)} ms, ` +
        `more than request.maxWaitMs (${maxWaitMs} ms)`,
    );
  }
}

export class RateLimiter {
  /** Our estimate of requests left in the window: the server's last figure minus what we sent since. */
  private left: number | undefined;
  private quota: number | undefined;
  private windowEnd: number | undefined;
  private inFlight = 0;
  private last: RateLimitState | undefined;

  constructor(
    private readonly reserveShare: number,
    /** The longest single wait; a window that ends later is refused, not slept through. */
    private readonly maxWaitMs: number,
  ) {}

  get state(): RateLimitState | undefined {
    return this.last;
  }

  /**
   * Waits until a request may be sent without eating into the reserve; returns the time waited.
   * `beforeWait` may refuse a wait (by throwing): the request's own time limit.
   */
  async acquire(beforeWait?: (waitMs: number) => void): Promise<number> {
    const started = Date.now();
    for (;;) {
      const now = Date.now();
      if (this.windowEnd !== undefined && now >= this.windowEnd) this.startUnknownWindow();
      if (this.quota === undefined || this.left === undefined || this.left > this.reserve()) break;
      // Only an answer tells where the window stands; with none on its way, send one to learn it.
      if (this.windowEnd === undefined && this.inFlight === 0) break;
      const wait = this.windowEnd === undefined ? UNKNOWN_RESET_POLL_MS : this.windowEnd - now;
      if (wait > this.maxWaitMs) throw new WaitTooLong(wait, this.maxWaitMs);
      beforeWait?.(wait);
      await sleep(wait);
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
