// `bcgroups drift`: the plan seen as a report of how the store differs from groups/.
import { PlanError, EXIT } from '../../errors.js';
import { useColor } from '../io.js';
import type { Plan } from '../../model/index.js';
import { hasChanges, renderMarkdown, renderPlanAs, type Format } from '../../render/index.js';
import { renderMissingPinsAs } from '../../render/missing-pins.js';
import {
  DIR_OPTION,
  FORMAT_OPTION,
  MARKDOWN_LIMIT_OPTION,
  noteEmptyFolder,
  READ_OPTIONS,
  readFormat,
  readMarkdownLimit,
  resolveStoreConfig,
  STORE_OPTIONS,
} from '../options.js';
import { planStore, type StorePlan } from '../../run/plan-store.js';
import { describeRun } from '../header.js';
import { appendStepSummary } from '../step-summary.js';
import { type CommandContext, defineCommand } from '../types.js';

const DRIFT_FULL_AT = '`bcgroups drift` in text or JSON';

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
    'markdown-limit': {
      ...MARKDOWN_LIMIT_OPTION,
      description: 'with --format markdown: at most BYTES (an issue body)',
    },
    ...READ_OPTIONS,
  },
  async run(ctx) {
    const format = readFormat(ctx);
    const maxBytes = readMarkdownLimit(ctx, format);
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
      // A pinned group deleted by hand, or a group made by hand under a name a file had, is drift too,
      // though no plan can be made from it; any other mismatch is a problem of the files themselves.
      if (
        error instanceof PlanError &&
        error.problems.length > 0 &&
        error.problems.every((problem) => problem.code !== undefined)
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
      renderPlanAs(format, shown, {
        color: useColor(ctx.io),
        mode: 'drift',
        dir: config.groupsDir,
        store,
        maxBytes,
        fullAt: `the run summary and ${DRIFT_FULL_AT}`,
      }),
    );
    await appendStepSummary(ctx.io, (maxBytes) =>
      renderMarkdown(shown, { mode: 'drift', dir: config.groupsDir, store, maxBytes, fullAt: DRIFT_FULL_AT }),
    );
    return hasChanges(shown) || shown.unmanaged.length > 0 ? EXIT.changes : EXIT.ok;
  },
});

async function reportMissingPins(ctx: CommandContext, format: Format, error: PlanError): Promise<number> {
  ctx.io.stdout.write(renderMissingPinsAs(format, error.problems));
  await appendStepSummary(ctx.io, () => renderMissingPinsAs('markdown', error.problems));
  return EXIT.changes;
}
