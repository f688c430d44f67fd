// `bcgroups drift`: the plan seen as a report of how the store differs from groups/.
import { PlanError, EXIT } from '../../errors.js';
import { useColor } from '../io.js';
import type { LiveGroup, Plan } from '../../model/index.js';
import { renderMarkdown, renderPlanAs, type Format } from '../../render/index.js';
import { renderMissingPinsAs } from '../../render/missing-pins.js';
import { DIR_OPTION, FORMAT_OPTION, noteEmptyFolder, READ_OPTIONS, readFormat, STORE_OPTIONS } from '../options.js';
import { openSession } from '../../run/session.js';
import { describeRun } from '../header.js';
import { planAgainstStore } from '../../run/plan-store.js';
import { appendStepSummary } from '../step-summary.js';
import type { Command, CommandContext } from '../types.js';

export const driftCommand: Command = {
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
    const session = await openSession(ctx);
    const onLive = (live: LiveGroup[]) =>
      noteEmptyFolder(ctx, { groupsDir: session.config.groupsDir, prune: false }, session.desired, live.length);
    let plan: Plan;
    try {
      // Drift never prunes: a hand-made group is reported as unmanaged, not planned away.
      ({ plan } = await planAgainstStore(session.client, session.desired, session.config, {
        prune: false,
        force: false,
        checkSafety: false,
        onLive,
      }));
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
    const shown = ctx.values['ignore-unmanaged']
      ? { ...plan, unmanaged: [], summary: { ...plan.summary, unmanaged: 0 } }
      : plan;
    // A scheduled report of several stores must say which store it speaks of, as plan does.
    const { store } = describeRun(session.storeHash, session.config, undefined);
    ctx.io.stdout.write(
      renderPlanAs(format, shown, { color: useColor(ctx.io), mode: 'drift', dir: session.config.groupsDir, store }),
    );
    await appendStepSummary(ctx.io, renderMarkdown(shown, { mode: 'drift', dir: session.config.groupsDir, store }));
    return shown.changes.length > 0 || shown.unmanaged.length > 0 ? EXIT.changes : EXIT.ok;
  },
};

async function reportMissingPins(ctx: CommandContext, format: Format, error: PlanError): Promise<number> {
  ctx.io.stdout.write(renderMissingPinsAs(format, error.problems));
  await appendStepSummary(ctx.io, renderMissingPinsAs('markdown', error.problems));
  return EXIT.changes;
}
