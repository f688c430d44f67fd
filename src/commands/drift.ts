// `bcgroups drift`: the plan seen as a report of how the store differs from groups/.
import { EXIT } from '../exit.js';
import { useColor } from '../io.js';
import { createPlan } from '../plan/index.js';
import { renderMarkdown, renderPlanAs } from '../render/index.js';
import { DIR_OPTION, STORE_OPTIONS, FORMAT_OPTION, readFormat } from './options.js';
import { openSession } from './session.js';
import { appendStepSummary } from './step-summary.js';
import type { Command } from './types.js';

export const driftCommand: Command = {
  name: 'drift',
  summary: 'Report how the live store differs from groups/ (exit 2 on drift); for scheduled CI.',
  options: {
    dir: DIR_OPTION,
    ...STORE_OPTIONS,
    format: FORMAT_OPTION,
    'ignore-unmanaged': { type: 'boolean', default: false, description: 'do not count groups that no file describes as drift' },
  },
  async run(ctx) {
    const format = readFormat(ctx);
    const session = await openSession(ctx);
    const live = await session.client.listGroups();
    // Drift never prunes: a hand-made group is reported as unmanaged, not planned away.
    const plan = createPlan(session.desired.groups, live, { prune: false });
    ctx.io.stdout.write(renderPlanAs(format, plan, { color: useColor(ctx.io), mode: 'drift' }));
    await appendStepSummary(ctx.io, renderMarkdown(plan, { mode: 'drift' }));
    const unmanagedCounts = !ctx.values['ignore-unmanaged'] && plan.unmanaged.length > 0;
    if (plan.changes.length === 0 && unmanagedCounts) {
      const count = plan.unmanaged.length;
      ctx.io.stderr.write(
        `Drift: ${count} live group${count === 1 ? ' is' : 's are'} described by no file. Import ${count === 1 ? 'it' : 'them'} (bcgroups import), ` +
          'delete them (apply --prune), or accept them (drift --ignore-unmanaged).\n',
      );
    }
    return plan.changes.length > 0 || unmanagedCounts ? EXIT.changes : EXIT.ok;
  },
};
