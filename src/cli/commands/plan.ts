// `bcgroups plan`: validate, read the live store (paged list only), plan, check safety, render.
import { EXIT } from '../../errors.js';
import { useColor } from '../io.js';
import { toSavedPlan } from '../../planfile/index.js';
import { renderMarkdown, renderPlanAs } from '../../render/index.js';
import { describeRun } from '../header.js';
import { describeAttributionOff } from '../../render/attribution.js';
import { describeReadTrouble } from '../../render/requests.js';
import {
  DIR_OPTION,
  FORCE_OPTION,
  FORMAT_OPTION,
  noteEmptyFolder,
  PRUNE_OPTION,
  pruneOverride,
  READ_OPTIONS,
  readFormat,
  replanCommand,
  STORE_OPTIONS,
  stringFlag,
} from '../options.js';
import { attributeBaseline, BASELINE_OPTION, baselineGroups, loadBaseline } from '../../run/baseline.js';
import { writeSavedPlan } from '../../planfile/io.js';
import { planAllStores } from './plan-stores.js';
import { openSession } from '../../run/session.js';
import { planAgainstStore } from '../../run/plan-store.js';
import { appendStepSummary } from '../step-summary.js';
import type { Command } from '../types.js';

export const planCommand: Command = {
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
    baseline: BASELINE_OPTION,
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
    const session = await openSession(ctx, pruneOverride(ctx));
    const baseline = baselineDir === undefined ? undefined : await loadBaseline(ctx, session.config, baselineDir);
    const { plan, live, references, catalog, overridden } = await planAgainstStore(
      session.client,
      session.desired,
      session.config,
      {
        prune: session.config.prune,
        force,
        checkSafety: true,
        onLive: (liveGroups) => noteEmptyFolder(ctx, session.config, session.desired, liveGroups.length),
        alsoResolves: baselineGroups(baseline),
      },
    );
    const header = describeRun(session.storeHash, session.config, overridden);
    const attribution = baseline && attributeBaseline(baseline, plan, live, catalog, { prune: session.config.prune });
    if (attribution && !attribution.compared && format === 'json')
      ctx.io.stderr.write(`Warning: ${describeAttributionOff(attribution)}\n`);

    ctx.io.stdout.write(
      renderPlanAs(format, plan, {
        color: useColor(ctx.io),
        mode: 'plan',
        dir: session.config.groupsDir,
        ...header,
        ...(attribution ? { attribution } : {}),
      }),
    );
    const trouble = describeReadTrouble(session.client.stats);
    if (format === 'text' && trouble) ctx.io.stdout.write(`${trouble}\n`);
    if (out !== undefined) {
      const saved = toSavedPlan(plan, {
        storeHash: session.storeHash,
        storeName: session.config.storeName,
        desiredHash: session.desired.hash,
        liveGroups: live,
        forced: force,
        references,
      });
      await writeSavedPlan(ctx, out, saved);
      ctx.io.stderr.write(
        plan.refusals.length > 0
          ? `Saved the plan to ${out}, but a safety check refused it, so apply will not run it. If the changes are intended, run \`${replanCommand(ctx, out, { prune: session.config.prune, force: true })}\`.\n`
          : `Saved the plan to ${out}; run \`bcgroups apply ${out}\` to execute exactly this plan.\n`,
      );
    }
    await appendStepSummary(
      ctx.io,
      renderMarkdown(plan, {
        mode: 'plan',
        dir: session.config.groupsDir,
        ...header,
        ...(attribution ? { attribution } : {}),
      }),
    );

    if (plan.refusals.length > 0) return EXIT.refused;
    return ctx.values['detailed-exitcode'] && plan.changes.length > 0 ? EXIT.changes : EXIT.ok;
  },
};
