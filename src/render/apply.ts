// What apply says about its results: a line per change (while running and after), the summary,
// the JSON document and the markdown for a job summary.
import type {
  ApplyProgress,
  ChangeResult,
  ClientStats,
  GroupsApi,
  MergeProgress,
  Outcome,
  RateLimitState,
} from '../model/index.js';
import { paint } from './ansi.js';
import { escapeStrings } from './escape.js';
import { count as countOf } from '../text/words.js';
import { escapeInline } from './markdown-escape.js';
import { stringifyJson } from '../text/hidden.js';
import { fitPieces, type Piece } from './fit.js';

/** The wording the live reporter of apply/ uses; the rate limit is read as each change finishes. */
export function applyProgressLines(api: Pick<GroupsApi, 'rateLimit'> & { stats?: Pick<ClientStats, 'waitingUntil'> }) {
  return {
    result: renderResultLine,
    progress: (progress: ApplyProgress, color: boolean) =>
      renderProgressLine(progress, api.rateLimit, color, waitLeft(api.stats)),
    pause: () => {
      const left = waitLeft(api.stats);
      return left === undefined ? undefined : describeWait(left);
    },
    merge: renderMergeLine,
  };
}

/** `merging Old Wholesale: 2/3 batches of customers moved`, rewritten in place on a terminal. */
export function renderMergeLine(progress: MergeProgress): string {
  return `merging ${escapeStrings(progress.name)}: ${progress.done}/${progress.total} batches of customers moved`;
}

/** "moved 23 customers in 3 batches": how many, never who. */
function describeMoves(result: ChangeResult): string {
  if (!result.moved) return '';
  const { customers, batches } = result.moved;
  return `moved ${countOf(customers, 'customer')} in ${countOf(batches.length, 'batch', 'batches')}`;
}

/** The rest of a wait now running, when it is long enough to be worth a word (a second or more). */
function waitLeft(stats: Pick<ClientStats, 'waitingUntil'> | undefined, now = Date.now()): number | undefined {
  const left = (stats?.waitingUntil ?? 0) - now;
  return left >= 1000 ? left : undefined;
}

/** "waiting 12 s for the store's rate limit" */
export function describeWait(leftMs: number): string {
  return `waiting ${Math.ceil(leftMs / 1000)} s for the store's rate limit`;
}

/** `applying 3/9 · 1 failed · 97/150 requests left in window`, rewritten in place on a terminal. */
export function renderProgressLine(
  progress: ApplyProgress,
  rateLimit: RateLimitState | undefined,
  color: boolean,
  waitingMs?: number,
): string {
  const parts = [`applying ${progress.done}/${progress.total}`];
  parts.push(progress.failed > 0 ? paint(`${progress.failed} failed`, 'red', color) : '0 failed');
  if (rateLimit) parts.push(`${rateLimit.left}/${rateLimit.quota} requests left in window`);
  if (waitingMs !== undefined) parts.push(paint(describeWait(waitingMs), 'yellow', color));
  return parts.join(' · ');
}

/** How a result line names what was done; storefront changes in words, not as their action keys. */
const ACTION_WORDS: Record<ChangeResult['action'], string> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  assignment_add: 'assign a price list to',
  assignment_move: 'move the price list of',
  assignment_remove: 'remove a price list from',
  channel_roles: 'set the groups of channel',
};

/** One finished change: `✓ update Retail (id 12)`, `✗ create VIP: 409 The group name is already in use`. */
export function renderResultLine(rawResult: ChangeResult, color = false): string {
  const result = escapeStrings(rawResult);
  const what = ACTION_WORDS[result.action];
  const id =
    result.id === undefined ? '' : result.action === 'channel_roles' ? ` (channel ${result.id})` : ` (id ${result.id})`;
  const target = `${what} ${result.name}${id}`;
  switch (result.outcome) {
    case 'applied':
      return `${paint('✓', 'green', color)} ${target}${result.moved ? `: ${describeMoves(result)}` : ''}`;
    case 'failed':
      return `${paint('✗', 'red', color)} ${target}: ${result.status !== undefined ? `${result.status} ` : ''}${result.error ?? 'failed'}`;
    case 'skipped':
      return `${paint('-', 'dim', color)} skipped ${target}: ${result.error ?? ''}`;
    case 'not_converged':
      return `${paint('≠', 'yellow', color)} ${target}: not converged: ${result.error ?? ''}`;
  }
}

export function countOutcomes(results: readonly ChangeResult[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { applied: 0, failed: 0, skipped: 0, not_converged: 0 };
  for (const result of results) counts[result.outcome] += 1;
  return counts;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The end of a run: counts, every change that did not apply, requests by method, retries, 429s, time. */
export function renderApplySummary(results: readonly ChangeResult[], stats: ClientStats, ms: number): string {
  const counts = countOutcomes(results);
  const lines: string[] = [];
  const problems = results.filter((result) => result.outcome !== 'applied');
  if (problems.length > 0)
    lines.push('Changes that did not apply:', ...problems.map((result) => `  ${renderResultLine(result)}`), '');
  lines.push(
    `Applied ${counts.applied}, failed ${counts.failed}, skipped ${counts.skipped}, not converged ${counts.not_converged} ` +
      `(of ${countOf(results.length, 'change')}) in ${formatDuration(ms)}.`,
  );
  const byMethod = (['GET', 'POST', 'PUT', 'DELETE'] as const)
    .map((method) => `${method} ${stats.requests[method]}`)
    .join(', ');
  const total = Object.values(stats.requests).reduce((sum, n) => sum + n, 0);
  lines.push(
    `Requests: ${total} (${byMethod}), ${stats.retries} retr${stats.retries === 1 ? 'y' : 'ies'}, ` +
      `${stats.rateLimited} rate-limited (429), waited ${formatDuration(stats.waitedMs)} for the quota.`,
  );
  return `${lines.join('\n')}\n`;
}

/** `--format json`: one entry per change in plan order, absent values as null; format_version 1. */
export function renderApplyJson(results: readonly ChangeResult[], stats: ClientStats, ms: number): string {
  const document = {
    format_version: 1,
    summary: { ...countOutcomes(results), total: results.length },
    results: results.map((result) => ({
      key: result.key,
      action: result.action,
      name: result.name,
      id: result.id ?? null,
      outcome: result.outcome,
      status: result.status ?? null,
      error: result.error ?? null,
      ...(result.moved ? { moved: result.moved } : {}),
    })),
    requests: { ...stats.requests },
    retries: stats.retries,
    rate_limited: stats.rateLimited,
    waited_ms: stats.waitedMs,
    duration_ms: Math.round(ms),
  };
  return stringifyJson(document);
}

/** For $GITHUB_STEP_SUMMARY: the counts as a heading, then a table row per change. */
export function renderApplyMarkdown(results: readonly ChangeResult[], maxBytes?: number): string {
  const counts = countOutcomes(results);
  const pieces: Piece[] = [
    {
      text: `## bcgroups apply: ${counts.applied} applied, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.not_converged} not converged`,
      keep: true,
    },
    { text: '| change |\n| --- |', keep: true },
    ...results.map((result) => ({
      text: `| ${escapeInline(renderResultLine(result))} |`,
      before: '\n',
      change: `${result.action} ${escapeStrings(result).name}`,
    })),
  ];
  return fitPieces(pieces, {
    maxBytes,
    fullAt: "the apply step's log (`bcgroups apply --format json`)",
    noun: 'result',
  });
}
