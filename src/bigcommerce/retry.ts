// The retry behaviour of the transport as data, and the one decision derived from it: which methods and
// statuses are repeated, how 429s are waited out, and how far to back off.

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Which failures are sent again, and how long to wait first: the whole retry behaviour as data. */
export interface RetryPolicy {
  /** Failures (network errors, `statuses`) retried per request. */
  limit: number;
  /** Methods whose repeat is harmless; a POST is left out, its repeat could create a second group. */
  methods: readonly Method[];
  /** Answers that may not be final: a server error, or a 207 that saved only part of the write. */
  statuses: { readonly codes: readonly number[]; readonly atLeast: number };
  /** A rate-limited request was not processed, so any method may be sent again once the window resets. */
  rateLimited: {
    status: number;
    /** Gives up after this many in a row, so a misbehaving server cannot hold a run forever. */
    limit: number;
    /** Read in this order; each value times its unit is the wait in ms. */
    resetHeaders: ReadonlyArray<{ name: string; unitMs: number }>;
  };
  /** Exponential from `baseMs`, capped at `maxMs`, with jitter over the upper half. */
  backoff: { baseMs: number; maxMs: number };
  /** The longest single wait (request.maxWaitMs); a server asking for more is refused at once. */
  maxWaitMs: number;
}

export function createRetryPolicy(limit: number, baseMs: number, maxWaitMs: number): RetryPolicy {
  return {
    limit,
    methods: ['GET', 'PUT', 'DELETE'],
    statuses: { codes: [207], atLeast: 500 },
    rateLimited: {
      status: 429,
      limit: 10,
      resetHeaders: [
        { name: 'x-rate-limit-time-reset-ms', unitMs: 1 },
        { name: 'x-retry-after', unitMs: 1000 },
      ],
    },
    backoff: { baseMs, maxMs: Math.min(30_000, maxWaitMs) },
    maxWaitMs,
  };
}

/** What one attempt ended in, and how many retries of each kind came before it. */
export interface Attempt {
  method: Method;
  /** The answer's status, or undefined when the request failed without one. */
  status: number | undefined;
  failures: number;
  rateLimited: number;
}

/** 'rate-limited': wait for the reset and send again; 'backoff': back off and send again; false: final. */
export function shouldRetry(policy: RetryPolicy, attempt: Attempt): 'rate-limited' | 'backoff' | false {
  if (attempt.status === policy.rateLimited.status && attempt.rateLimited < policy.rateLimited.limit)
    return 'rate-limited';
  const failed = attempt.status === undefined || isRetryStatus(policy, attempt.status);
  return failed && policy.methods.includes(attempt.method) && attempt.failures < policy.limit ? 'backoff' : false;
}

export function isRetryStatus(policy: RetryPolicy, status: number): boolean {
  return policy.statuses.codes.includes(status) || status >= policy.statuses.atLeast;
}
