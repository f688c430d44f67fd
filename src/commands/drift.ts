// `bcgroups drift`: the plan seen as a report of how the store differs from groups/.
import { DIR_OPTION } from './options.js';
import { FORMAT_OPTION, planWithSafety, readFormat, renderPlan } from './plan.js';
import { openSession } from './session.js';
import { appendStepSummary } from './step-summary.js';
import { renderMarkdown } from '../render/index.js';
import type { Command } from './types.js';

export const driftCommand: Command = {
  name: 'drift',
  summary: 'Report how the live store differs from groups/ (exit 2 on drift); for scheduled CI.',
  options: {
    dir: DIR_OPTION,
    format: FORMAT_OPTION,
    'ignore-unmanaged': { type: 'boolean', default: false, description: 'do not count groups that no file describes as drift' },
  },
  async run(ctx) {
    const format = readFormat(ctx);
    // Drift never prunes: a hand-made group is reported as unmanaged, not planned away.
    const session = await openSession(ctx, { prune: false });
    const live = await session.client.listGroups();
    const plan = planWithSafety(session.desired.groups, live, session.config, true);
    ctx.io.stdout.write(renderPlan(plan, format, ctx.io, 'drift'));
    await appendStepSummary(ctx.io, renderMarkdown(plan, { mode: 'drift' }));
    const unmanagedCounts = !ctx.values['ignore-unmanaged'] && plan.unmanaged.length > 0;
    if (plan.changes.length === 0 && unmanagedCounts) {
      ctx.io.stderr.write(
        `Drift: ${plan.unmanaged.length} live group(s) are described by no file. Import them (bcgroups import), ` +
          'delete them (apply --prune), or accept them (drift --ignore-unmanaged).\n',
      );
    }
    return plan.changes.length > 0 || unmanagedCounts ? 2 : 0;
  },
};
