// One base class and a few small subclasses. Only cli/main.ts turns them into exit codes.
import type { SafetyRefusal } from './model/index.js';
import { count as countOf } from './text/words.js';

/** Exit codes of every command; cli/main.ts is the only place that sets them on the process. */
export const EXIT = { ok: 0, error: 1, changes: 2, refused: 3, failed: 4, stale: 5 } as const;

export class BcgroupsError extends Error {
  override name = 'BcgroupsError';
}

/** Wrong flags or arguments. */
export class UsageError extends BcgroupsError {
  override name = 'UsageError';
}

/** The config file or environment is wrong. */
export class ConfigError extends BcgroupsError {
  override name = 'ConfigError';
}

/** One problem in a file of groups/ (or a config file), with where it is and how to fix it. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  /** The field in question, as a path ("discount_rules[1].amount"), or "" for the whole file. */
  field: string;
  message: string;
  hint?: string;
  /**
   * What kind of problem, for the few callers that treat one kind differently: each is the store's doing (a
   * pinned group deleted, a group made under a name a file has or had), so drift reports them as drift.
   */
  code?: 'pin-missing' | 'renamed-clash' | 'name-taken';
  /** A problem of a folder: it has no line or column, so none is shown (line and col stay 1). */
  folder?: true;
}

/** Every problem found across all files; thrown only after all were collected. */
export class ValidationError extends BcgroupsError {
  override name = 'ValidationError';
  constructor(
    readonly problems: Problem[],
    /** What the problems are in, for the closing line: "3 problems in the config file". */
    readonly subject = 'the desired state',
  ) {
    super(`${countOf(problems.length, 'problem')} in ${subject}`);
  }
}

/** The desired state cannot be matched to the live store (a pin to a missing id, a pin/name conflict). */
export class PlanError extends BcgroupsError {
  override name = 'PlanError';
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

export interface ApiErrorOptions {
  method: string;
  path: string;
  /** Absent when no answer came (network failure, timeout, an answer too large to read). */
  status?: number | undefined;
  /** The API's own words, when it gave any. */
  apiMessage?: string | undefined;
}

/** An answer of the API that is not a success, after retries. Never carries the token. */
export class ApiError extends BcgroupsError {
  override name = 'ApiError';
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly apiMessage: string | undefined;

  constructor(message: string, options: ApiErrorOptions) {
    super(message);
    this.method = options.method;
    this.path = options.path;
    this.status = options.status;
    this.apiMessage = options.apiMessage;
  }
}

/** A saved plan no longer matches the store. */
export class StalePlanError extends BcgroupsError {
  override name = 'StalePlanError';
  /**
   * `replan` is the plan command that makes a fresh plan with the same flags; the advice quotes it. A plan
   * made now and confirmed at a prompt says so in its own words (`worded`).
   */
  constructor(
    readonly reasons: string[],
    replan = 'bcgroups plan --out FILE',
    worded?: { head: string; advice: string },
  ) {
    const head = worded?.head ?? 'The saved plan is stale';
    const advice = worded?.advice ?? `Re-run \`${replan}\`, review it, and apply the new file.`;
    super(`${head}:\n${reasons.map((r) => `  - ${r}`).join('\n')}\n${advice}`);
  }
}

/** A saved plan that a safety check refuses, when planned or now; a saved plan is never forced at apply time. */
export class RefusedPlanError extends BcgroupsError {
  override name = 'RefusedPlanError';
  /** `message` is the whole paragraph (render/refusal.ts describeRefusedPlan words it from the refusals). */
  constructor(
    message: string,
    readonly refusals: SafetyRefusal[],
  ) {
    super(message);
  }
}
