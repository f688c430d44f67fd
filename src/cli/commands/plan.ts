// `bcgroups plan`: validate, read the live store (paged list only), plan, check safety, render.
import { EXIT } from '../../errors.js';
import { replanCommand } from '../../planfile/replan.js';
import { describeAttributionOff } from '../../render/attribution.js';
import { renderMarkdown, renderPlanAs } from '../../render/index.js';
import { describeReadTrouble } from '../../render/requests.js';
import { attributeBaseline, type BaselineGroups, baselineGroups, loadBaseline } from '../../run/baseline.js';
import { planStore, saveStorePlan } from '../../run/plan-store.js';
import { describeRun } from '../header.js';
import { useColor } from '../io.js';
import {
  DIR_OPTION,
  FORCE_OPTION,
  FORMAT_OPTION,
  noteEmptyFolder,
  PRUNE_OPTION,
  pruneOverride,
  READ_OPTIONS,
  readFormat,
  resolveStoreConfig,
  STORE_OPTIONS,
  stringFlag,
} from '../options.js';
import { appendStepSummary } from '../step-summary.js';
import { defineCommand } from '../types.js';
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
    ...READ_OPTIONS,
    'all-stores': {
      type: 'boolean',
      default: false,
      description: 'plan every store named in the config, one section each (--out then needs {store})',
    },
  },
  async run(ctx) {
    const format = readFormat(ctx);
    if (ctx.values['all-stores']) return planAllStores(ctx, format);
    const out = stringFlag(ctx, 'out');
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
        baseline = await loadBaseline(config, baselineDir, ctx.io.cwd, (note) => ctx.io.stderr.write(`${note}\n`));
        return baselineGroups(baseline);
      },
    });
    const { plan, live, catalog, store } = planned;
    const header = describeRun(store.storeHash, config, planned.overridden, ctx.io.cwd);
    const attribution = baseline && attributeBaseline(baseline, plan, live, catalog, { prune: config.prune });
    if (attribution && !attribution.compared && format === 'json')
      ctx.io.stderr.write(`Warning: ${describeAttributionOff(attribution)}\n`);

    ctx.io.stdout.write(
      renderPlanAs(format, plan, {
        color: useColor(ctx.io),
        mode: 'plan',
        dir: config.groupsDir,
        ...header,
        ...(attribution ? { attribution } : {}),
      }),
    );
    const trouble = describeReadTrouble(store.client.stats);
    if (format === 'text' && trouble) ctx.io.stdout.write(`${trouble}\n`);
    if (out !== undefined) {
      await saveStorePlan(planned, out, ctx.io.cwd);
      const replan = replanCommand(ctx.values, out, { prune: config.prune, force: true });
      ctx.io.stderr.write(
        plan.refusals.length > 0
          ? `Saved the plan to ${out}, but a safety check refused it, so apply will not run it. If the changes are intended, run \`${replan}\`.\n`
          : `Saved the plan to ${out}; run \`bcgroups apply ${out}\` to execute exactly this plan.\n`,
      );
    }
    await appendStepSummary(ctx.io, () =>
      renderMarkdown(plan, { mode: 'plan', dir: config.groupsDir, ...header, ...(attribution ? { attribution } : {}) }),
    );

    if (plan.refusals.length > 0) return EXIT.refused;
    return ctx.values['detailed-exitcode'] && plan.changes.length > 0 ? EXIT.changes : EXIT.ok;
  },
});
