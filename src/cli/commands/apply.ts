// `bcgroups apply [PLANFILE]`: execute a plan exactly (a saved one, or one made now and confirmed),
// then re-read the store to confirm every touched group converged.
import { createApplyReporter } from '../progress.js';
import { applyPlan } from '../../apply/run.js';
import { verifyConverged } from '../../apply/verify.js';
import { DEFAULT_CONFIG, selectStore, selectStoreOfPlan } from '../../config/index.js';
import { UsageError, EXIT } from '../../errors.js';
import { useColor } from '../io.js';
import type { Change, ChangeResult, Config, Plan } from '../../model/index.js';
import { checkAgainstStore, checkConsistent, checkPlannedRefusals, checkSameStore } from '../../planfile/index.js';
import { describeRun } from '../header.js';
import { applyProgressLines, renderApplyJson, renderApplyMarkdown, renderApplySummary } from '../../render/apply.js';
import { renderText } from '../../render/index.js';
import {
  DIR_OPTION,
  STORE_OPTIONS,
  FORCE_OPTION,
  FORMAT_OPTION,
  integerFlag,
  loadDesiredFor,
  noteEmptyFolder,
  PRUNE_OPTION,
  pruneOverride,
  READ_OPTIONS,
  readFormat,
  replanCommand,
  resolveConfig,
  stringFlag,
} from '../options.js';
import { planAgainstStore } from '../../run/plan-store.js';
import { readSavedPlan } from '../../planfile/io.js';
import { openStore, type Store } from '../../run/session.js';
import { appendStepSummary } from '../step-summary.js';
import { needsOfReferences, readCatalog } from '../../run/catalog.js';
import { recountDeletedCustomers } from '../../run/customer-counts.js';
import type { Command, CommandContext } from '../types.js';
import { count as countOf, folderLabel } from '../../text/words.js';

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Change the live store to match groups/ (or execute a saved plan exactly).',
  positionals: '[PLANFILE]',
  maxPositionals: 1,
  options: {
    dir: DIR_OPTION,
    ...STORE_OPTIONS,
    concurrency: {
      type: 'string',
      valueName: 'N',
      default: String(DEFAULT_CONFIG.concurrency),
      description: 'changes in flight at once (or concurrency in the config)',
    },
    prune: PRUNE_OPTION,
    force: {
      ...FORCE_OPTION,
      description: 'override the safety thresholds for this run (with PLANFILE: only of a plan made with --force)',
    },
    yes: {
      type: 'boolean',
      short: 'y',
      default: false,
      description: 'apply without asking (required without a terminal, e.g. in CI)',
    },
    format: { ...FORMAT_OPTION, description: 'text or json (the results)' },
    ...READ_OPTIONS,
  },
  async run(ctx) {
    const format = readFormat(ctx, ['text', 'json']);
    const concurrency = integerFlag(ctx, 'concurrency');
    const settings = await resolveConfig(ctx, {
      ...(concurrency === undefined ? {} : { concurrency }),
      ...pruneOverride(ctx),
    });
    const planFile = ctx.positionals[0];
    const { config, store, plan } =
      planFile === undefined
        ? await planNow(ctx, settings, format === 'json')
        : await prepareSavedPlan(ctx, settings, planFile, format === 'json');
    // Only a plan made now gets here with refusals: it is on screen already, refusals and all.
    if (plan.refusals.length > 0) return EXIT.refused;
    if (plan.changes.length === 0) return EXIT.ok;
    if (planFile === undefined && !(await confirmApply(ctx, store))) return EXIT.error;
    const { changes } = plan;

    const started = performance.now();
    const reporter = createApplyReporter(ctx.io, applyProgressLines(store.client));
    const results = await applyPlan(changes, store.client, {
      concurrency: config.concurrency,
      onResult: reporter.onResult,
    });
    reporter.finish();
    const verified = await verifyAfterApply(ctx, store, changes, results);
    const ms = performance.now() - started;

    ctx.io.stdout.write(
      format === 'json'
        ? renderApplyJson(verified, store.client.stats, ms)
        : renderApplySummary(verified, store.client.stats, ms),
    );
    await appendStepSummary(ctx.io, renderApplyMarkdown(verified));
    if (verified.every((result) => result.outcome === 'applied')) return EXIT.ok;
    ctx.io.stderr.write(
      'Some changes did not apply; nothing applied was undone. Fix the cause and run apply again: it converges.\n',
    );
    return EXIT.failed;
  },
};

interface Prepared {
  config: Config;
  store: Store;
  plan: Plan;
}

/** No plan file: plan now and show the plan. */
async function planNow(ctx: CommandContext, settings: Config, json: boolean): Promise<Prepared> {
  const config = selectStore(settings, { flag: stringFlag(ctx, 'store'), env: ctx.io.env });
  const desired = await loadDesiredFor(ctx, config);
  const store = openStore(ctx, config);
  const { plan, overridden } = await planAgainstStore(store.client, desired, config, {
    prune: config.prune,
    force: ctx.values.force === true,
    checkSafety: true,
    onLive: (live) => noteEmptyFolder(ctx, config, desired, live.length),
  });
  showPlan(ctx, config, plan, json, describeRun(store.storeHash, config, overridden));
  return { config, store, plan };
}

/** The plan about to run, as `plan` renders it (on stderr with --format json, so stdout carries the results alone). */
function showPlan(
  ctx: CommandContext,
  config: Config,
  plan: Plan,
  json: boolean,
  header: ReturnType<typeof describeRun>,
): void {
  const out = json ? ctx.io.stderr : ctx.io.stdout;
  out.write(renderText(plan, { color: useColor(ctx.io, out), dir: config.groupsDir, ...header }));
}

/** A plan made now is written only after a yes (or --yes); the question names the store it writes to. */
async function confirmApply(ctx: CommandContext, store: Store): Promise<boolean> {
  if (ctx.values.yes) return true;
  if (!ctx.io.confirm) {
    throw new UsageError(
      'Not on a terminal, so apply cannot ask for confirmation: re-run with --yes (as CI should), or apply a saved plan file.',
    );
  }
  if (await ctx.io.confirm(`Apply these changes to store '${store.storeHash}' at ${store.origin}?`)) return true;
  ctx.io.stderr.write('Apply cancelled; nothing was changed.\n');
  return false;
}

/**
 * A saved plan runs only if it is exactly what the planner would write for the states it records, against
 * the store it was made from, unchanged since, and only if the safety checks would pass it now, with the
 * deleted groups' customers counted again (unless it was made with --force and apply is given --force);
 * inconsistencies, refusals and staleness are thrown before any write.
 */
async function prepareSavedPlan(
  commandCtx: CommandContext,
  settings: Config,
  file: string,
  json: boolean,
): Promise<Prepared> {
  const saved = await readSavedPlan(commandCtx, file);
  checkConsistent(saved, file);
  const config = selectStoreOfPlan(
    settings,
    { flag: stringFlag(commandCtx, 'store'), env: commandCtx.io.env },
    { file, store: saved.store, storeHash: saved.store_hash },
  );
  const ctx = withStore(commandCtx, config);
  const context = { file, replan: (flags: { prune: boolean; force: boolean }) => replanCommand(ctx, file, flags) };
  checkPlannedRefusals(saved, context);
  const store = openStore(ctx, config);
  checkSameStore(saved, store.storeHash, context);
  const liveGroups = await store.client.listGroups();
  const { catalog } = await readCatalog(store.client.store, needsOfReferences(saved.references ?? []), config);
  const plan = await recountDeletedCustomers(store.client, saved.plan, config);
  const overridden = checkAgainstStore(
    { ...saved, plan },
    { storeHash: store.storeHash, liveGroups, safety: config.safety, catalog, force: ctx.values.force === true },
    context,
  );
  if (plan.changes.length === 0) {
    ctx.io.stdout.write(`${file} has no changes: nothing to apply.\n`);
  } else {
    // The log of a run shows what it applied, not only that it applied something.
    // A forced plan says so, with what --force overrides now (the file keeps only that it was forced).
    showPlan(ctx, config, plan, json, describeRun(store.storeHash, config, saved.forced ? overridden : undefined));
    await noteChangedFiles(ctx, config, saved.desired_hash, file);
    ctx.io.stderr.write(`Applying ${countOf(saved.plan.changes.length, 'change')} from ${file}.\n`);
  }
  return { config, store, plan };
}

/** A re-plan suggested for a saved plan names the store it was for, even when the plan file picked it. */
function withStore(ctx: CommandContext, config: Config): CommandContext {
  return config.storeName === undefined ? ctx : { ...ctx, values: { ...ctx.values, store: config.storeName } };
}

/** The saved plan applies what was reviewed; if groups/ moved on since, say so (a later plan picks it up). */
async function noteChangedFiles(ctx: CommandContext, config: Config, desiredHash: string, file: string): Promise<void> {
  const current = await loadDesiredFor(ctx, config).catch(() => undefined);
  if (current && current.hash !== desiredHash) {
    ctx.io.stderr.write(
      `Note: ${folderLabel(config.groupsDir)} has changed since ${file} was made; this applies the saved plan, not the current files.\n`,
    );
  }
}

/** Re-reads the store to confirm each change landed; if that read fails, the results still stand. */
async function verifyAfterApply(
  ctx: CommandContext,
  store: Store,
  changes: Change[],
  results: ChangeResult[],
): Promise<ChangeResult[]> {
  try {
    return verifyConverged(changes, results, await store.client.listGroups());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.io.stderr.write(
      `Could not re-read the store to confirm the changes (${reason}); run \`bcgroups drift\` to check.\n`,
    );
    return results.map((result) =>
      result.outcome === 'applied'
        ? { ...result, outcome: 'not_converged', error: 'applied, but not confirmed: the store could not be re-read' }
        : result,
    );
  }
}
