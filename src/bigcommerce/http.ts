// One request to the API with the safety rules around it: https only (loopback excepted), a timeout,
// pacing, and the retries that retry.ts allows. exchange.ts keeps connections alive.
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError } from '../errors.js';
import type { ClientStats } from '../model/index.js';
import { LIST_CONCURRENCY, type PageBounds } from './paging.js';
import {
  createBadAnswerError,
  createHttpError,
  createNetworkError,
  createRedirectError,
  redactJson,
  showServerText,
} from './errors.js';
import { AnswerTooLarge, exchange, type AnswerHeaders } from './exchange.js';
import { AnswerProblem, parseJson } from './parse.js';
import { RateLimiter, readHeaderNumber, readRateLimitHeaders, WaitTooLong } from './ratelimit.js';
import { RequestClock } from './request-clock.js';
import { WaitTally } from './wait-tally.js';
import { createRetryPolicy, isRetryStatus, shouldRetry, type Method, type RetryPolicy } from './retry.js';

export type { Method };

export interface TransportOptions {
  baseUrl: string;
  token: string;
  /** The variable the token was read from, named when the API refuses it. */
  tokenEnv?: string | undefined;
  timeoutMs: number;
  /** How many times a failed request that is safe to repeat is sent again. */
  retries: number;
  reserveShare: number;
  userAgent: string;
  /** The first backoff step; each later one doubles, up to the policy's ceiling. */
  retryBaseMs: number;
  /** The most pages one list may take. */
  maxPages: number;
  /** The longest single wait, for a 429's reset or the pacing of the rate-limit headers. */
  maxWaitMs: number;
  /** The longest one request may take in all (request.maxRequestMs): its attempts, retries and waits. */
  maxRequestMs: number;
}

export interface HttpAnswer {
  status: number;
  bodyText: string;
  /** How many times the request was sent. */
  attempts: number;
}

export interface SendOptions {
  body?: unknown;
}

/** A page of 250 groups is well under this; anything larger is not an answer of the groups API. */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

export class Transport {
  readonly stats: ClientStats = {
    requests: { GET: 0, POST: 0, PUT: 0, DELETE: 0 },
    retries: 0,
    rateLimited: 0,
    waitedMs: 0,
    waitingUntil: 0,
    bytesSent: 0,
  };
  /** Waits counted once however many requests share them. */
  readonly #waits = new WaitTally();
  readonly limiter: RateLimiter;
  readonly policy: RetryPolicy;
  /** The bounds every list read through this transport keeps. */
  readonly paging: PageBounds;
  readonly #token: string;
  readonly #options: Omit<TransportOptions, 'token' | 'retries' | 'retryBaseMs' | 'maxPages' | 'maxWaitMs'>;

  constructor(options: TransportOptions) {
    const { token, retries, retryBaseMs, maxPages, maxWaitMs, ...rest } = options;
    this.paging = { maxPages, concurrency: LIST_CONCURRENCY };
    this.#token = token;
    this.#options = rest;
    this.policy = createRetryPolicy(retries, retryBaseMs, maxWaitMs);
    this.limiter = new RateLimiter(options.reserveShare, maxWaitMs);
  }

  /** The path as errors show it: the base URL's path plus the request path. */
  describePath(path: string): string {
    return `${new URL(this.#options.baseUrl).pathname}${path}`;
  }

  /**
   * The body of an answer, checked at the boundary by `parse`; a problem is an ApiError. The token is
   * redacted from the parsed body first: a problem message quotes values, and a quote may cut through it.
   */
  parseAnswer<T>(method: Method, path: string, answer: HttpAnswer, parse: (raw: unknown) => T): T {
    try {
      return parse(redactJson(parseJson(answer.bodyText), this.#token, answer.bodyText));
    } catch (error) {
      if (!(error instanceof AnswerProblem)) throw error;
      throw createBadAnswerError(
        method,
        this.describePath(path),
        answer.status,
        showServerText(error.message, this.#token),
      );
    }
  }

  /**
   * Sends until an answer that is final for this method; throws ApiError for network failures and non-2xx.
   * A method the policy does not repeat gets its server errors and 207s back, for the caller to settle.
   */
  async send(method: Method, path: string, options: SendOptions = {}): Promise<HttpAnswer> {
    const shownPath = this.describePath(path);
    const clock = new RequestClock(method, shownPath, this.#options.maxRequestMs);
    let failures = 0;
    let rateLimited = 0;
    for (let attempts = 1; ; attempts++) {
      let answer: { status: number; bodyText: string; headers: AnswerHeaders };
      try {
        answer = await this.sendOnce(method, path, options.body, clock);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        // The request's own time ran out, whatever the attempt failed with.
        clock.check(0);
        // Asking again would only download the same runaway answer again.
        if (error instanceof AnswerTooLarge)
          throw new ApiError(`${method} ${shownPath} failed: ${error.message}`, {
            method,
            path: shownPath,
            apiMessage: error.message,
          });
        if (error instanceof WaitTooLong) {
          throw new ApiError(
            `${method} ${shownPath} not sent: ${error.message}; stopped rather than wait that ` +
              'long. Try again later, or raise request.maxWaitMs.',
            { method, path: shownPath, apiMessage: error.message },
          );
        }
        if (shouldRetry(this.policy, { method, status: undefined, failures, rateLimited })) {
          await this.backoff(failures++, clock);
          continue;
        }
        throw createNetworkError(method, shownPath, error, this.#token, new URL(this.#options.baseUrl).host);
      }
      const { status, bodyText, headers } = answer;
      if (status >= 300 && status < 400)
        throw createRedirectError(
          method,
          shownPath,
          status,
          headers.get('location'),
          this.#options.baseUrl,
          this.#token,
        );
      const retry = shouldRetry(this.policy, { method, status, failures, rateLimited });
      if (retry === 'rate-limited') {
        this.stats.rateLimited += 1;
        await this.waitForReset(method, shownPath, headers, rateLimited++, clock);
        continue;
      }
      if (retry === 'backoff') {
        await this.backoff(failures++, clock);
        continue;
      }
      if (
        (status >= 200 && status < 300 && status !== 207) ||
        (isRetryStatus(this.policy, status) && !this.policy.methods.includes(method))
      ) {
        return { status, bodyText, attempts };
      }
      // Our earlier attempt deleted it, and its answer was lost.
      if (status === 404 && method === 'DELETE' && attempts > 1) return { status, bodyText, attempts };
      throw createHttpError(method, shownPath, status, bodyText, this.#token, this.#options.tokenEnv);
    }
  }

  /** A wait about to start: counted as wall time, and shown by a progress line while it lasts. */
  private noteWait(waitMs: number): void {
    this.stats.waitedMs += this.#waits.add(waitMs);
    this.stats.waitingUntil = this.#waits.waitingUntil;
  }

  private async sendOnce(method: Method, path: string, body: unknown, clock: RequestClock) {
    await this.limiter.acquire((waitMs) => {
      clock.check(waitMs);
      this.noteWait(waitMs);
    });
    this.stats.requests[method] += 1;
    const headers: Record<string, string> = {
      'X-Auth-Token': this.#token,
      Accept: 'application/json',
      'User-Agent': this.#options.userAgent,
    };
    let payload: string | undefined;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
      this.stats.bytesSent += Buffer.byteLength(payload);
    }
    let rateHeaders: ReturnType<typeof readRateLimitHeaders> | undefined;
    try {
      // node:http never follows a redirect: following would send the token and the body to whatever
      // origin the server names.
      return await exchange(new URL(`${this.#options.baseUrl}${path}`), {
        method,
        headers,
        body: payload,
        timeoutMs: Math.max(1, Math.min(this.#options.timeoutMs, clock.remaining())),
        limit: MAX_ANSWER_BYTES,
        onHeaders: (answerHeaders) => {
          rateHeaders = readRateLimitHeaders(answerHeaders);
        },
      });
    } finally {
      this.limiter.release(rateHeaders);
    }
  }

  private async waitForReset(
    method: Method,
    shownPath: string,
    headers: AnswerHeaders,
    repeat: number,
    clock: RequestClock,
  ): Promise<void> {
    const asked = this.policy.rateLimited.resetHeaders
      .map(({ name, unitMs }) => ({ name, unitMs, value: readHeaderNumber(headers, name) }))
      .find(({ value }) => value !== undefined);
    if (asked?.value === undefined) return this.backoff(repeat, clock);
    const known = asked.value * asked.unitMs;
    const { maxWaitMs } = this.policy;
    if (known > maxWaitMs) {
      const wanted = `${asked.value} ${asked.unitMs === 1000 ? 's' : 'ms'} (${asked.name})`;
      throw new ApiError(
        `${method} ${shownPath} answered 429 asking to wait ${wanted}, ` +
          `more than request.maxWaitMs (${maxWaitMs} ms); stopped rather than wait that long. Try again later, ` +
          'or raise request.maxWaitMs.',
        { method, path: shownPath, status: this.policy.rateLimited.status },
      );
    }
    // Later repeats of a 429 add backoff on top of the server's reset: something else is using the quota.
    const wait = Math.min(maxWaitMs, known + (repeat > 0 ? this.jitteredDelay(repeat - 1) : 0));
    clock.check(wait);
    this.limiter.block(wait);
    this.noteWait(wait);
    await sleep(wait);
  }

  /** Waits as before a retry (counted as one), for callers that decide retries themselves. */
  pause(failure: number): Promise<void> {
    return this.backoff(failure);
  }

  private async backoff(failure: number, clock?: RequestClock): Promise<void> {
    this.stats.retries += 1;
    const wait = this.jitteredDelay(failure);
    clock?.check(wait);
    this.noteWait(wait);
    await sleep(wait);
  }

  /** Exponential backoff with full jitter over the upper half, so parallel retries spread out. */
  private jitteredDelay(failure: number): number {
    const { baseMs, maxMs } = this.policy.backoff;
    const ceiling = Math.min(maxMs, baseMs * 2 ** failure);
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }
}
