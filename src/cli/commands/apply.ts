// `bcgroups apply [PLANFILE]`: execute a plan exactly (a saved one, or one made now and confirmed),
// then re-read the store to confirm every touched group converged.
import { DEFAULT_CONFIG, selectStore } from '../../config/index.js';
import { EXIT, UsageError } from '../../errors.js';
import type { Config, Plan, SafetyRefusal } from '../../model/index.js';
import { replanCommand } from '../../planfile/replan.js';
import { applyProgressLines, renderApplyJson, renderApplyMarkdown, renderApplySummary } from '../../render/apply.js';
import { hasChanges, renderText } from '../../render/index.js';
import { applyAndVerify, refuseIfStoreMoved } from '../../run/apply.js';
import { planStore, type StorePlan } from '../../run/plan-store.js';
import { prepareSavedPlan } from '../../run/saved-plan.js';
import type { Store } from '../../run/session.js';
import { count as countOf, folderLabel } from '../../text/words.js';
import { describeRun } from '../header.js';
import { useColor } from '../io.js';
import {
  DIR_OPTION,
  FORCE_OPTION,
  FORMAT_OPTION,
  integerFlag,
  noteEmptyFolder,
  PRUNE_OPTION,
  pruneOverride,
  READ_OPTIONS,
  readFormat,
  resolveConfig,
  STORE_OPTIONS,
  storePick,
} from '../options.js';
import { createApplyReporter } from '../progress.js';
import { appendStepSummary } from '../step-summary.js';
import { type CommandContext, defineCommand } from '../types.js';

export const applyCommand = defineCommand({
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
    const prepared =
      planFile === undefined
        ? await planNow(ctx, settings, format === 'json')
        : await showSavedPlan(ctx, settings, planFile, format === 'json');
    const { config, store, plan } = prepared;
    // Only a plan made now gets here with refusals: it is on screen already, refusals and all.
    if (plan.refusals.length > 0) return EXIT.refused;
    if (!hasChanges(plan)) return EXIT.ok;
    if (prepared.planned) {
      if (!(await confirmApply(ctx, store))) return EXIT.error;
      // A question may wait for minutes: what was shown must still be what the store holds.
      if (!ctx.values.yes) await refuseIfStoreMoved(prepared.planned);
    }

    const started = performance.now();
    const reporter = createApplyReporter(ctx.io, applyProgressLines(store.client));
    const verified = await applyAndVerify(plan, store, {
      concurrency: config.concurrency,
      onResult: reporter.onResult,
      onMergeProgress: reporter.onMergeProgress,
      onApplied: reporter.finish,
      onUnverified: (reason) =>
        ctx.io.stderr.write(
          `Could not re-read the store to confirm the changes (${reason}); run \`bcgroups drift\` to check.\n`,
        ),
    });
    const ms = performance.now() - started;

    ctx.io.stdout.write(
      format === 'json'
        ? renderApplyJson(verified, store.client.stats, ms)
        : renderApplySummary(verified, store.client.stats, ms),
    );
    await appendStepSummary(ctx.io, (maxBytes) => renderApplyMarkdown(verified, maxBytes));
    if (verified.every((result) => result.outcome === 'applied')) return EXIT.ok;
    ctx.io.stderr.write(
      'Some changes did not apply; nothing applied was undone. Fix the cause and run apply again: it converges.\n',
    );
    return EXIT.failed;
  },
});

type ApplyContext = CommandContext<typeof applyCommand.options>;

interface Prepared {
  config: Config;
  store: Store;
  plan: Plan;
  /** A plan made now: what it was planned against, for the check after the question. */
  planned?: StorePlan;
}

/** No plan file: plan now and show the plan. */
async function planNow(ctx: ApplyContext, settings: Config, json: boolean): Promise<Prepared> {
  const config = selectStore(settings, storePick(ctx));
  const planned = await planStore({
    config,
    cwd: ctx.io.cwd,
    env: ctx.io.env,
    prune: config.prune,
    force: ctx.values.force === true,
    checkSafety: true,
    onLive: (live, desired) => noteEmptyFolder(ctx, config, desired, live.length),
  });
  const { plan, overridden, store } = planned;
  showPlan(ctx, config, plan, json, describeRun(store.storeHash, config, overridden, ctx.io.cwd));
  return { config, store, plan, planned };
}

/** The plan about to run, as `plan` renders it (on stderr with --format json, so stdout carries the results alone). */
function showPlan(
  ctx: ApplyContext,
  config: Config,
  plan: Plan,
  json: boolean,
  header: ReturnType<typeof describeRun>,
): void {
  const out = json ? ctx.io.stderr : ctx.io.stdout;
  out.write(renderText(plan, { color: useColor(ctx.io, out), dir: config.groupsDir, ...header }));
}

/** A plan made now is written only after a yes (or --yes); the question names the store it writes to. */
async function confirmApply(ctx: ApplyContext, store: Store): Promise<boolean> {
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

/** A saved plan, checked by the run before any write, then shown as it will run. */
async function showSavedPlan(ctx: ApplyContext, settings: Config, file: string, json: boolean): Promise<Prepared> {
  const prepared = await prepareSavedPlan({
    file,
    settings,
    pick: storePick(ctx),
    force: ctx.values.force === true,
    cwd: ctx.io.cwd,
    env: ctx.io.env,
    // A re-plan suggested for a saved plan names the store it was for, even when the plan file picked it.
    replan: (config, flags) => replanCommand(withStore(ctx.values, config), file, flags),
  });
  const { config, store, plan } = prepared;
  if (!hasChanges(plan)) {
    ctx.io.stdout.write(`${file} has no changes: nothing to apply.\n`);
  } else {
    // The log of a run shows what it applied, not only that it applied something.
    // A forced plan says so, with what --force overrides now (the file keeps only that it was forced).
    const overridden: SafetyRefusal[] | undefined = prepared.overridden;
    showPlan(ctx, config, plan, json, describeRun(store.storeHash, config, overridden, ctx.io.cwd));
    // The saved plan applies what was reviewed; if groups/ moved on since, say so (a later plan picks it up).
    if (!prepared.sameFiles) {
      ctx.io.stderr.write(
        `Note: ${folderLabel(config.groupsDir)} has changed since ${file} was made; this applies the saved plan, not the current files.\n`,
      );
    }
    ctx.io.stderr.write(
      `Applying ${countOf(plan.changes.length + (plan.storefront?.changes.length ?? 0), 'change')} from ${file}.\n`,
    );
  }
  return { config, store, plan };
}

function withStore(values: ApplyContext['values'], config: Config): ApplyContext['values'] {
  return config.storeName === undefined ? values : { ...values, store: config.storeName };
}
