// `bcgroups plan`: validate, read the live store (paged list only), plan, check safety, render.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { useColor, type Io } from '../io.js';
import type { Config, DesiredGroup, LiveGroup, Plan } from '../model.js';
import { checkSafety, createPlan, toSavedPlan } from '../plan/index.js';
import { renderJson, renderMarkdown, renderText } from '../render/index.js';
import { DIR_OPTION, stringFlag } from './options.js';
import { describeRequests, openSession } from './session.js';
import { appendStepSummary } from './step-summary.js';
import type { Command, CommandContext, CommandOption } from './types.js';

export const FORMATS = ['text', 'json', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export const PRUNE_OPTION: CommandOption = { type: 'boolean', default: false, description: 'delete live groups that no file describes (or prune: true in the config)' };
export const FORCE_OPTION: CommandOption = { type: 'boolean', default: false, description: 'override the safety thresholds for this run' };
export const FORMAT_OPTION: CommandOption = { type: 'string', valueName: 'FORMAT', default: 'text', description: 'text, json or markdown' };

export function readFormat(ctx: CommandContext, allowed: readonly string[] = FORMATS): Format {
  const format = stringFlag(ctx, 'format') ?? 'text';
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}; got '${format}'.`);
  return format as Format;
}

/** The plan with its safety refusals (none under --force): what plan shows and apply executes. */
export function planWithSafety(desired: DesiredGroup[], live: LiveGroup[], config: Config, force: boolean): Plan {
  const plan = createPlan(desired, live, { prune: config.prune });
  return { ...plan, refusals: force ? [] : checkSafety(plan, live.length, config.safety) };
}

export function renderPlan(plan: Plan, format: Format, io: Io, mode: 'plan' | 'drift' = 'plan'): string {
  if (format === 'json') return renderJson(plan, { mode });
  if (format === 'markdown') return renderMarkdown(plan, { mode });
  return renderText(plan, { color: useColor(io), mode });
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'Show what apply would change in the live store (reads only).',
  options: {
    dir: DIR_OPTION,
    format: FORMAT_OPTION,
    out: { type: 'string', valueName: 'FILE', description: 'also write the saved plan (JSON) that `apply FILE` executes' },
    'detailed-exitcode': { type: 'boolean', default: false, description: 'exit 2 when there are changes, 0 when none' },
    prune: PRUNE_OPTION,
    force: FORCE_OPTION,
  },
  async run(ctx) {
    const format = readFormat(ctx);
    const out = stringFlag(ctx, 'out');
    const session = await openSession(ctx, ctx.values.prune ? { prune: true } : {});
    const live = await session.client.listGroups();
    const plan = planWithSafety(session.desired.groups, live, session.config, ctx.values.force === true);

    ctx.io.stdout.write(renderPlan(plan, format, ctx.io));
    if (format === 'text') ctx.io.stdout.write(`Read ${live.length} live groups with ${describeRequests(session.client)}.\n`);
    if (out !== undefined) {
      const saved = toSavedPlan(plan, { storeHash: session.storeHash, desiredHash: session.desired.hash, liveGroups: live });
      await writeFile(path.resolve(ctx.io.cwd, out), `${JSON.stringify(saved, null, 2)}\n`, 'utf8');
      ctx.io.stderr.write(
        plan.refusals.length > 0
          ? `Saved the plan to ${out}, but a safety check refused it, so apply will not run it. If the changes are intended, run \`bcgroups plan --force --out ${out}\`.\n`
          : `Saved the plan to ${out}; run \`bcgroups apply ${out}\` to execute exactly this plan.\n`,
      );
    }
    await appendStepSummary(ctx.io, renderMarkdown(plan, { mode: 'plan' }));

    if (plan.refusals.length > 0) return 3;
    return ctx.values['detailed-exitcode'] && plan.changes.length > 0 ? 2 : 0;
  },
};
