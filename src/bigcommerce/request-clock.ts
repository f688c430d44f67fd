// The whole time of one request: its attempts, retries and waits together, against request.maxRequestMs.
import { ApiError } from '../errors.js';
import type { Method } from './retry.js';

/**
 * The time one request has, its retries and waits included: ten 429s of a minute each, or retries of
 * timeouts, would otherwise hold one request (and the run behind it) for ten minutes.
 */
export class RequestClock {
  private readonly deadline: number;
  readonly #started = Date.now();

  constructor(
    private readonly method: Method,
    private readonly shownPath: string,
    private readonly maxRequestMs: number,
  ) {
    this.deadline = this.#started + maxRequestMs;
  }

  remaining(): number {
    return this.deadline - Date.now();
  }

  /** Throws the ApiError that names request.maxRequestMs when waiting `waitMs` more would pass the deadline. */
  check(waitMs: number): void {
    if (Date.now() + waitMs < this.deadline) return;
    const spent = ((Date.now() - this.#started) / 1000).toFixed(1);
    throw new ApiError(
      `${this.method} ${this.shownPath} gave up after ${spent} s of attempts, retries and waits: ` +
        `one request may take at most request.maxRequestMs (${this.maxRequestMs} ms) in all. ` +
        'Try again later, or raise request.maxRequestMs.',
      { method: this.method, path: this.shownPath },
    );
  }
}
