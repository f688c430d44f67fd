// `bcgroups apply [PLANFILE]`: execute a plan exactly (a saved one, or one made now and confirmed),
// then re-read the store to confirm every touched group converged.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyPlan } from '../apply/run.js';
import { findStaleReasons } from '../apply/stale.js';
import { verifyConverged } from '../apply/verify.js';
import { countOutcomes, createApplyReporter, renderApplyJson, renderApplySummary, renderResultLine } from '../apply/progress.js';
import { BcgroupsError, StalePlanError, UsageError } from '../errors.js';
import type { Change, ChangeResult, Config } from '../model.js';
import { parseSavedPlan } from '../plan/index.js';
import { renderText } from '../render/index.js';
import { useColor } from '../io.js';
import { DIR_OPTION, loadDesiredFor, resolveConfig, stringFlag } from './options.js';
import { FORCE_OPTION, FORMAT_OPTION, PRUNE_OPTION, planWithSafety, readFormat } from './plan.js';
import { openStore, type Store } from './session.js';
import { appendStepSummary } from './step-summary.js';
import type { Command, CommandContext } from './types.js';

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Change the live store to match groups/ (or execute a saved plan exactly).',
  positionals: '[PLANFILE]',
  maxPositionals: 1,
  options: {
    dir: DIR_OPTION,
    concurrency: { type: 'string', valueName: 'N', default: '8', description: 'changes in flight at once (or concurrency in the config)' },
    prune: PRUNE_OPTION,
    force: FORCE_OPTION,
    yes: { type: 'boolean', short: 'y', default: false, description: 'apply without asking (required without a terminal, e.g. in CI)' },
    format: { ...FORMAT_OPTION, description: 'text or json (the results)' },
  },
  async run(ctx) {
    const format = readFormat(ctx, ['text', 'json']);
    const overrides: Partial<Config> = { ...readConcurrency(ctx), ...(ctx.values.prune ? { prune: true } : {}) };
    const config = await resolveConfig(ctx, overrides);
    const planFile = ctx.positionals[0];
    const prepared = planFile === undefined ? await planNow(ctx, config) : await loadSavedPlan(ctx, config, planFile);
    if (typeof prepared === 'number') return prepared;
    const { store, changes } = prepared;

    const started = performance.now();
    const reporter = createApplyReporter(ctx.io, store.client);
    const results = await applyPlan(changes, store.client, { concurrency: config.concurrency, onResult: reporter.onResult });
    reporter.finish();
    const verified = await verifyAfterApply(ctx, store, changes, results);
    const ms = performance.now() - started;

    if (format === 'json') ctx.io.stdout.write(renderApplyJson(verified, store.client.stats, ms));
    else ctx.io.stdout.write(renderApplySummary(verified, store.client.stats, ms));
    await appendStepSummary(ctx.io, renderApplyMarkdown(verified));
    const counts = countOutcomes(verified);
    if (counts.failed + counts.skipped + counts.not_converged === 0) return 0;
    ctx.io.stderr.write('Some changes did not apply; nothing applied was undone. Fix the cause and run apply again: it converges.\n');
    return 4;
  },
};

/** Re-reads the store to confirm each change landed; if that read fails, the results still stand. */
async function verifyAfterApply(ctx: CommandContext, store: Store, changes: Change[], results: ChangeResult[]): Promise<ChangeResult[]> {
  try {
    return verifyConverged(changes, results, await store.client.listGroups());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.io.stderr.write(`Could not re-read the store to confirm the changes (${reason}); run \`bcgroups drift\` to check.\n`);
    return results.map((result) =>
      result.outcome === 'applied' ? { ...result, outcome: 'not_converged', error: 'applied, but not confirmed: the store could not be re-read' } : result,
    );
  }
}

function readConcurrency(ctx: CommandContext): Partial<Config> {
  const raw = stringFlag(ctx, 'concurrency');
  if (raw === undefined) return {};
  const concurrency = Number(raw);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 40) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 40; got '${raw}'.`);
  }
  return { concurrency };
}

interface Prepared {
  store: Store;
  changes: Change[];
}

/** No plan file: plan now, show it, and ask (or require --yes) before writing anything. */
async function planNow(ctx: CommandContext, config: Config): Promise<Prepared | number> {
  const desired = await loadDesiredFor(ctx, config);
  const store = openStore(ctx, config);
  const live = await store.client.listGroups();
  const plan = planWithSafety(desired.groups, live, config, ctx.values.force === true);
  const out = ctx.values.format === 'json' ? ctx.io.stderr : ctx.io.stdout;
  out.write(renderText(plan, { color: useColor(ctx.io, out) }));
  if (plan.refusals.length > 0) return 3;
  if (plan.changes.length === 0) {
    out.write('No changes: the store already matches groups/.\n');
    return 0;
  }
  if (!ctx.values.yes) {
    if (!ctx.io.confirm) {
      throw new UsageError('Not on a terminal, so apply cannot ask for confirmation: re-run with --yes (as CI should), or apply a saved plan file.');
    }
    if (!(await ctx.io.confirm('Apply these changes to the store?'))) {
      ctx.io.stderr.write('Apply cancelled; nothing was changed.\n');
      return 1;
    }
  }
  return { store, changes: plan.changes };
}

/** A saved plan: refuse, writing nothing, unless the store is still exactly as it was planned against. */
async function loadSavedPlan(ctx: CommandContext, config: Config, file: string): Promise<Prepared | number> {
  const text = await readFile(path.resolve(ctx.io.cwd, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new BcgroupsError(`Cannot read the plan file ${file}: ${error.code ?? error.message}.`);
  });
  const saved = parseSavedPlan(text, file);
  if (saved.refusals.length > 0) {
    const refusals = saved.refusals.map((refusal) => `  ! ${refusal.message.replace(/\s*Re-run with --force.*$/, '')}`);
    ctx.io.stderr.write(
      `${file} was refused by a safety check when it was planned:\n${refusals.join('\n')}\n` +
        `A refused plan is never applied, not even with --force. If the changes are intended, run \`bcgroups plan --force --out ${file}\` and apply that file.\n`,
    );
    return 3;
  }
  const store = openStore(ctx, config);
  const reasons = findStaleReasons(saved, await store.client.listGroups(), store.storeHash);
  if (reasons.length > 0) throw new StalePlanError(reasons);
  if (saved.changes.length === 0) {
    ctx.io.stdout.write(`${file} has no changes: nothing to apply.\n`);
    return 0;
  }
  ctx.io.stderr.write(`Applying ${saved.changes.length} change${saved.changes.length === 1 ? '' : 's'} from ${file}.\n`);
  return { store, changes: saved.changes };
}

function renderApplyMarkdown(results: ChangeResult[]): string {
  const counts = countOutcomes(results);
  const rows = results.map((result) => `| ${renderResultLine(result).replace(/\|/g, '\\|')} |`);
  return [
    `### bcgroups apply: ${counts.applied} applied, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.not_converged} not converged`,
    '',
    '| change |',
    '| --- |',
    ...rows,
  ].join('\n');
}
