// `bcgroups drift`: the plan seen as a report of how the store differs from groups/.
import { PlanError, EXIT } from '../../errors.js';
import { useColor } from '../io.js';
import type { Plan } from '../../model/index.js';
import { renderMarkdown, renderPlanAs, type Format } from '../../render/index.js';
import { renderMissingPinsAs } from '../../render/missing-pins.js';
import {
  DIR_OPTION,
  FORMAT_OPTION,
  noteEmptyFolder,
  READ_OPTIONS,
  readFormat,
  resolveStoreConfig,
  STORE_OPTIONS,
} from '../options.js';
import { planStore, type StorePlan } from '../../run/plan-store.js';
import { describeRun } from '../header.js';
import { appendStepSummary } from '../step-summary.js';
import { type CommandContext, defineCommand } from '../types.js';

export const driftCommand = defineCommand({
  name: 'drift',
  summary: 'Report how the live store differs from groups/ (exit 2 on drift); for scheduled CI.',
  options: {
    dir: DIR_OPTION,
    ...STORE_OPTIONS,
    format: FORMAT_OPTION,
    'ignore-unmanaged': {
      type: 'boolean',
      default: false,
      description: 'do not count or list groups that no file describes',
    },
    ...READ_OPTIONS,
  },
  async run(ctx) {
    const format = readFormat(ctx);
    const config = await resolveStoreConfig(ctx);
    let planned: StorePlan;
    try {
      // Drift never prunes: a hand-made group is reported as unmanaged, not planned away.
      planned = await planStore({
        config,
        cwd: ctx.io.cwd,
        env: ctx.io.env,
        prune: false,
        force: false,
        checkSafety: false,
        onLive: (live, desired) =>
          noteEmptyFolder(ctx, { groupsDir: config.groupsDir, prune: false }, desired, live.length),
      });
    } catch (error) {
      // A pinned group deleted by hand is drift too, though no plan can be made from it; any other
      // mismatch is a problem of the files themselves, reported like plan reports it.
      if (
        error instanceof PlanError &&
        error.problems.length > 0 &&
        error.problems.every((problem) => problem.code === 'pin-missing')
      ) {
        return reportMissingPins(ctx, format, error);
      }
      throw error;
    }
    const { plan } = planned;
    const shown: Plan = ctx.values['ignore-unmanaged']
      ? { ...plan, unmanaged: [], summary: { ...plan.summary, unmanaged: 0 } }
      : plan;
    // A scheduled report of several stores must say which store it speaks of, as plan does.
    const { store } = describeRun(planned.store.storeHash, config, undefined);
    ctx.io.stdout.write(
      renderPlanAs(format, shown, { color: useColor(ctx.io), mode: 'drift', dir: config.groupsDir, store }),
    );
    await appendStepSummary(ctx.io, () => renderMarkdown(shown, { mode: 'drift', dir: config.groupsDir, store }));
    return shown.changes.length > 0 || shown.unmanaged.length > 0 ? EXIT.changes : EXIT.ok;
  },
});

async function reportMissingPins(ctx: CommandContext, format: Format, error: PlanError): Promise<number> {
  ctx.io.stdout.write(renderMissingPinsAs(format, error.problems));
  await appendStepSummary(ctx.io, () => renderMissingPinsAs('markdown', error.problems));
  return EXIT.changes;
}
