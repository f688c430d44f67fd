// `bcgroups apply [PLANFILE]`: execute a plan exactly (a saved one, or one made now and confirmed),
// then re-read the store to confirm every touched group converged.
import { createApplyReporter } from '../apply/progress.js';
import { applyPlan } from '../apply/run.js';
import { verifyConverged } from '../apply/verify.js';
import { DEFAULT_CONFIG } from '../config.js';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit.js';
import { useColor } from '../io.js';
import type { Change, ChangeResult, Config } from '../model.js';
import { createCheckedPlan } from '../plan/index.js';
import { applyProgressLines, renderApplyJson, renderApplyMarkdown, renderApplySummary } from '../render/apply.js';
import { renderText } from '../render/index.js';
import { DIR_OPTION, STORE_OPTIONS, FORCE_OPTION, FORMAT_OPTION, integerFlag, loadDesiredFor, PRUNE_OPTION, readFormat, resolveConfig } from './options.js';
import { loadSavedPlan, type Prepared } from './saved-plan.js';
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
    ...STORE_OPTIONS,
    concurrency: { type: 'string', valueName: 'N', default: String(DEFAULT_CONFIG.concurrency), description: 'changes in flight at once (or concurrency in the config)' },
    prune: PRUNE_OPTION,
    force: FORCE_OPTION,
    yes: { type: 'boolean', short: 'y', default: false, description: 'apply without asking (required without a terminal, e.g. in CI)' },
    format: { ...FORMAT_OPTION, description: 'text or json (the results)' },
  },
  async run(ctx) {
    const format = readFormat(ctx, ['text', 'json']);
    const concurrency = integerFlag(ctx, 'concurrency');
    const config = await resolveConfig(ctx, { ...(concurrency === undefined ? {} : { concurrency }), ...(ctx.values.prune ? { prune: true } : {}) });
    const planFile = ctx.positionals[0];
    const prepared = planFile === undefined ? await planNow(ctx, config, format === 'json') : await loadSavedPlan(ctx, config, planFile);
    if (typeof prepared === 'number') return prepared;
    const { store, changes } = prepared;

    const started = performance.now();
    const reporter = createApplyReporter(ctx.io, applyProgressLines(store.client));
    const results = await applyPlan(changes, store.client, { concurrency: config.concurrency, onResult: reporter.onResult });
    reporter.finish();
    const verified = await verifyAfterApply(ctx, store, changes, results);
    const ms = performance.now() - started;

    ctx.io.stdout.write(format === 'json' ? renderApplyJson(verified, store.client.stats, ms) : renderApplySummary(verified, store.client.stats, ms));
    await appendStepSummary(ctx.io, renderApplyMarkdown(verified));
    if (verified.every((result) => result.outcome === 'applied')) return EXIT.ok;
    ctx.io.stderr.write('Some changes did not apply; nothing applied was undone. Fix the cause and run apply again: it converges.\n');
    return EXIT.failed;
  },
};

/** No plan file: plan now, show it, and ask (or require --yes) before writing anything. */
async function planNow(ctx: CommandContext, config: Config, json: boolean): Promise<Prepared | number> {
  const desired = await loadDesiredFor(ctx, config);
  const store = openStore(ctx, config);
  const live = await store.client.listGroups();
  const plan = createCheckedPlan(desired.groups, live, { prune: config.prune, safety: config.safety, force: ctx.values.force === true });
  // With --format json, stdout carries the results alone; the plan goes to stderr.
  const out = json ? ctx.io.stderr : ctx.io.stdout;
  out.write(renderText(plan, { color: useColor(ctx.io, out) }));
  if (plan.refusals.length > 0) return EXIT.refused;
  if (plan.changes.length === 0) return EXIT.ok;
  if (!ctx.values.yes) {
    if (!ctx.io.confirm) {
      throw new UsageError('Not on a terminal, so apply cannot ask for confirmation: re-run with --yes (as CI should), or apply a saved plan file.');
    }
    if (!(await ctx.io.confirm('Apply these changes to the store?'))) {
      ctx.io.stderr.write('Apply cancelled; nothing was changed.\n');
      return EXIT.error;
    }
  }
  return { store, changes: plan.changes };
}

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
