// `bcgroups show PLANFILE`: render a saved plan as plan rendered it, offline (Terraform's `show`).
import { EXIT, UsageError } from '../../errors.js';
import { renderPlanAs } from '../../render/index.js';
import { readPlanToShow } from '../../run/show.js';
import { useColor } from '../io.js';
import { readFormat } from '../options.js';
import { defineCommand } from '../types.js';

export const showCommand = defineCommand({
  name: 'show',
  summary: 'Print a saved plan (plan --out) as plan printed it; needs no store, token or network.',
  positionals: 'PLANFILE',
  maxPositionals: 1,
  offline: true,
  options: {
    format: {
      type: 'string',
      valueName: 'FORMAT',
      default: 'text',
      description: 'text, json or markdown',
    },
  },
  async run(ctx) {
    const format = readFormat(ctx);
    const file = ctx.positionals[0];
    if (file === undefined)
      throw new UsageError('show needs the plan file: bcgroups show PLANFILE (written by plan --out PLANFILE).');
    const { saved, view, viewRecorded } = await readPlanToShow(ctx.io.cwd, file);
    ctx.io.stdout.write(
      renderPlanAs(format, saved.plan, {
        color: useColor(ctx.io),
        mode: 'plan',
        dir: view.dir,
        store: view.store,
        ...(view.forced ? { forced: view.forced } : {}),
        ...(view.attribution ? { attribution: view.attribution } : {}),
      }),
    );
    if (format === 'text' && view.readTrouble) ctx.io.stdout.write(`${view.readTrouble}\n`);
    // stdout stays the bytes plan printed; where they come from is said beside them.
    ctx.io.stderr.write(
      `${viewRecorded ? '' : 'Written by an earlier bcgroups: the header names the store hash only. '}` +
        `This is ${file} as saved at ${saved.created_at}: names, reasons and customer counts as the file ` +
        'records them, which no store was read to confirm. ' +
        `\`bcgroups apply ${file}\` shows them from the store and checks it again before it writes.\n`,
    );
    return EXIT.ok;
  },
});
