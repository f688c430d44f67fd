// `bcgroups plan`: validate, read the live store (paged list only), plan, check safety, render.
import { EXIT } from '../../errors.js';
import { removeStalePlan } from '../../planfile/io.js';
import type { SavedView } from '../../model/index.js';
import { replanCommand } from '../../planfile/replan.js';
import { describeAttributionOff } from '../../render/attribution.js';
import { type Format, hasChanges, renderMarkdown, renderPlanAs } from '../../render/index.js';
import { describeReadTrouble } from '../../render/requests.js';
import { attributeBaseline, type BaselineGroups, baselineGroups, loadBaseline } from '../../run/baseline.js';
import { planStore, saveStorePlan } from '../../run/plan-store.js';
import { resolveBaselineConfig } from '../baseline-config.js';
import { describeRun } from '../header.js';
import { useColor } from '../io.js';
import {
  DIR_OPTION,
  FORCE_OPTION,
  FORMAT_OPTION,
  MARKDOWN_LIMIT_OPTION,
  noteEmptyFolder,
  PRUNE_OPTION,
  pruneOverride,
  READ_OPTIONS,
  readFormat,
  readMarkdownLimit,
  resolveStoreConfig,
  STORE_OPTIONS,
  stringFlag,
} from '../options.js';
import { appendStepSummary, COMMENT_FULL_AT, SUMMARY_FULL_AT } from '../step-summary.js';
import { type CommandContext, defineCommand } from '../types.js';
import { planAllStores } from './plan-stores.js';

export const planCommand = defineCommand({
  name: 'plan',
  summary: 'Show what apply would change in the live store (reads only).',
  options: {
    dir: DIR_OPTION,
    ...STORE_OPTIONS,
    format: FORMAT_OPTION,
    out: {
      type: 'string',
      valueName: 'FILE',
      description: 'also write the saved plan (JSON) that `apply FILE` executes',
    },
    'detailed-exitcode': { type: 'boolean', default: false, description: 'exit 2 when there are changes, 0 when none' },
    prune: PRUNE_OPTION,
    force: FORCE_OPTION,
    baseline: {
      type: 'string',
      valueName: 'DIR',
      description: "a checkout of the base branch: mark each change as this change's own or pending before it",
    },
    'markdown-limit': MARKDOWN_LIMIT_OPTION,
    ...READ_OPTIONS,
    'all-stores': {
      type: 'boolean',
      default: false,
      description: 'plan every store named in the config, one section each (--out then needs {store})',
    },
  },
  async run(ctx): Promise<number> {
    const format = readFormat(ctx);
    if (ctx.values['all-stores']) return planAllStores(ctx, format);
    const out = stringFlag(ctx, 'out');
    return planOne(ctx, format, out).catch(async (error: unknown) => {
      // A failed plan leaves no saved plan behind: an older one would be applied as if it were this run's.
      if (out !== undefined && (await removeStalePlan(ctx.io.cwd, out)))
        ctx.io.stderr.write(`Removed the old saved plan ${out}: this plan failed, so there is none to apply.\n`);
      throw error;
    });
  },
});

type PlanContext = CommandContext<typeof planCommand.options>;

async function planOne(ctx: PlanContext, format: Format, out: string | undefined): Promise<number> {
  const maxBytes = readMarkdownLimit(ctx, format);
  const force = ctx.values.force === true;
  const baselineDir = stringFlag(ctx, 'baseline');
  const config = await resolveStoreConfig(ctx, pruneOverride(ctx));
  let baseline: BaselineGroups | undefined;
  const planned = await planStore({
    config,
    cwd: ctx.io.cwd,
    env: ctx.io.env,
    prune: config.prune,
    force,
    checkSafety: true,
    onLive: (liveGroups, desired) => noteEmptyFolder(ctx, config, desired, liveGroups.length),
    alsoResolves: async () => {
      if (baselineDir === undefined) return [];
      baseline = await loadBaseline(
        () => resolveBaselineConfig(ctx, baselineDir),
        baselineDir,
        ctx.io.cwd,
        (note) => ctx.io.stderr.write(`${note}\n`),
      );
      return baselineGroups(baseline);
    },
  });
  const { plan, live, catalog, store, storefront } = planned;
  const header = describeRun(store.storeHash, config, planned.overridden, ctx.io.cwd);
  const attribution = baseline && attributeBaseline(baseline, plan, live, catalog, storefront);
  if (attribution && !attribution.compared && format === 'json')
    ctx.io.stderr.write(`Warning: ${describeAttributionOff(attribution)}\n`);

  ctx.io.stdout.write(
    renderPlanAs(format, plan, {
      color: useColor(ctx.io),
      mode: 'plan',
      dir: config.groupsDir,
      ...header,
      ...(attribution ? { attribution } : {}),
      maxBytes,
      fullAt: COMMENT_FULL_AT,
    }),
  );
  const trouble = describeReadTrouble(store.client.stats);
  if (format === 'text' && trouble) ctx.io.stdout.write(`${trouble}\n`);
  if (out !== undefined) {
    // What `show` prints the file with: the header and attribution this run rendered.
    const view: SavedView = {
      dir: config.groupsDir,
      ...header,
      ...(attribution ? { attribution } : {}),
      ...(trouble ? { readTrouble: trouble } : {}),
    };
    await saveStorePlan(planned, out, ctx.io.cwd, view);
    const replan = replanCommand(ctx.values, out, { prune: config.prune, force: true });
    ctx.io.stderr.write(
      plan.refusals.length === 0
        ? `Saved the plan to ${out}; run \`bcgroups apply ${out}\` to execute exactly this plan.\n`
        : plan.refusals.some((refusal) => refusal.override === null)
          ? `Saved the plan to ${out}, but the config's protect or ignore refuses it, so apply will not run it; ` +
            '--force does not override that.\n'
          : `Saved the plan to ${out}, but a safety check refused it, so apply will not run it. ` +
            `If the changes are intended, run \`${replan}\`.\n`,
    );
  }
  await appendStepSummary(ctx.io, (summaryBytes) =>
    renderMarkdown(plan, {
      mode: 'plan',
      dir: config.groupsDir,
      ...header,
      ...(attribution ? { attribution } : {}),
      maxBytes: summaryBytes,
      fullAt: SUMMARY_FULL_AT,
    }),
  );

  if (plan.refusals.length > 0) return EXIT.refused;
  return ctx.values['detailed-exitcode'] && hasChanges(plan) ? EXIT.changes : EXIT.ok;
}
