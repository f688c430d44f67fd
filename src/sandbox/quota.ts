// A fixed rate-limit window like the store's: every request spends one, the headers tell what is left.

export class QuotaWindow {
  private windowStart = 0;
  private used = 0;

  constructor(private readonly limits: () => { quota: number; windowMs: number }) {}

  /** Spends one request; false when the window's quota is already used up. */
  spend(now = Date.now()): boolean {
    const { quota, windowMs } = this.limits();
    if (now - this.windowStart >= windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    if (this.used >= quota) return false;
    this.used += 1;
    return true;
  }

  /** The headers of a 429 over the quota: the usual four and X-Retry-After, the wait in whole seconds. */
  limitedHeaders(now = Date.now()): Record<string, string> {
    const headers = this.headers(now);
    return { ...headers, 'X-Retry-After': String(Math.ceil(Number(headers['X-Rate-Limit-Time-Reset-Ms']) / 1000)) };
  }

  headers(now = Date.now()): Record<string, string> {
    const { quota, windowMs } = this.limits();
    const resetMs = Math.max(0, this.windowStart + windowMs - now);
    return {
      'X-Rate-Limit-Requests-Left': String(Math.max(0, quota - this.used)),
      'X-Rate-Limit-Requests-Quota': String(quota),
      'X-Rate-Limit-Time-Reset-Ms': String(resetMs),
      'X-Rate-Limit-Time-Window-Ms': String(windowMs),
    };
  }
}
