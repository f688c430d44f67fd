// `bcgroups plan --all-stores`: every store of the config in turn, from one validated groups/. A store
// that cannot be planned is reported in its section; the others are still planned.
import path from 'node:path';
import { narrowTo, storeNamesOf } from '../../config/index.js';
import type { DesiredState } from '../../desired/index.js';
import { BcgroupsError, PlanError, UsageError, ValidationError, EXIT } from '../../errors.js';
import { removeStalePlan } from '../../planfile/io.js';
import { useColor } from '../io.js';
import type { Config, Plan } from '../../model/index.js';
import { hasChanges, type Format } from '../../render/index.js';
import { formatProblem } from '../../render/problem.js';
import { describeReadTrouble } from '../../render/requests.js';
import { renderStoresAs, renderStoresMarkdown, type StoreSection } from '../../render/stores.js';
import { pruneOverride, readMarkdownLimit, resolveConfig, stringFlag } from '../options.js';
import { planStore, saveStorePlan } from '../../run/plan-store.js';
import { loadDesiredOfStores } from '../../run/session.js';
import { appendStepSummary, COMMENT_FULL_AT, SUMMARY_FULL_AT } from '../step-summary.js';
import type { CommandContext } from '../types.js';

/** In `--out`, the store's name: each store gets a saved plan of its own. */
export const STORE_PLACEHOLDER = '{store}';

export async function planAllStores(ctx: CommandContext, format: Format): Promise<number> {
  if (ctx.values.store !== undefined)
    throw new UsageError('--all-stores plans every store; drop --store (or drop --all-stores to plan one).');
  if (ctx.values.baseline !== undefined)
    throw new UsageError('--baseline compares one store at a time: use it with --store NAME instead of --all-stores.');
  const out = stringFlag(ctx, 'out');
  const maxBytes = readMarkdownLimit(ctx, format);
  if (out !== undefined && !out.includes(STORE_PLACEHOLDER)) {
    throw new UsageError(
      `With --all-stores each store gets its own saved plan: put ${STORE_PLACEHOLDER} in the file name, such as --out plan-${STORE_PLACEHOLDER}.json.`,
    );
  }
  const settings = await resolveConfig(ctx, pruneOverride(ctx));
  const names = storeNamesOf(settings);
  if (names.length === 0)
    throw new UsageError(
      '--all-stores plans the stores named in the config, but the config names none (see stores in the README); run plan without it.',
    );
  const desiredOf = await loadDesiredOfStores(settings, ctx.io.cwd).catch(async (error: unknown) => {
    // Invalid files fail every store at once: none keeps an older plan.
    if (out !== undefined) for (const name of names) await removeStoreFile(ctx, out, name);
    throw error;
  });
  const sections: StoreSection[] = [];
  const codes: number[] = [];
  for (const name of names) {
    const config = narrowTo(settings, name);
    try {
      const plan = await planOneStore(ctx, config, desiredOf(name), out);
      sections.push({ store: name, storeHash: config.storeHash ?? '', outcome: plan });
      codes.push(exitOf(plan.plan, ctx.values['detailed-exitcode'] === true));
    } catch (error) {
      if (!(error instanceof BcgroupsError)) throw error;
      const stale = out === undefined ? '' : await removeStoreFile(ctx, out, name);
      sections.push({
        store: name,
        storeHash: config.storeHash ?? '',
        outcome: { error: describeError(error) + stale },
      });
      codes.push(EXIT.error);
    }
  }
  // A config naming stores always is a file: nothing else can name them.
  const configFile = settings.configFile ? path.relative(ctx.io.cwd, settings.configFile) || settings.configFile : '';
  ctx.io.stdout.write(
    renderStoresAs(format, sections, { color: useColor(ctx.io), configFile, maxBytes, fullAt: COMMENT_FULL_AT }),
  );
  await appendStepSummary(ctx.io, (summaryBytes) =>
    renderStoresMarkdown(sections, { maxBytes: summaryBytes, fullAt: SUMMARY_FULL_AT }),
  );
  return mostSevere(codes);
}

async function planOneStore(
  ctx: CommandContext,
  config: Config,
  desired: DesiredState,
  out: string | undefined,
): Promise<{ plan: Plan; readLine: string }> {
  // References by name resolve against this store's own catalog: that is what makes files portable.
  const planned = await planStore({
    config,
    desired,
    cwd: ctx.io.cwd,
    env: ctx.io.env,
    prune: config.prune,
    force: ctx.values.force === true,
    checkSafety: true,
  });
  const { plan } = planned;
  if (out !== undefined) {
    const file = fileOfStore(out, config.storeName ?? '');
    await saveStorePlan(planned, file, ctx.io.cwd);
    ctx.io.stderr.write(
      `Saved the plan of store ${config.storeName} to ${file}${plan.refusals.length > 0 ? ', but a safety check refused it, so apply will not run it' : `; run \`bcgroups apply ${file}\``}.\n`,
    );
  }
  return { plan, readLine: describeReadTrouble(planned.store.client.stats) };
}

function fileOfStore(out: string, store: string): string {
  return out.split(STORE_PLACEHOLDER).join(store);
}

/** A failed store keeps no saved plan: an older one left in place would be applied as if it were this run's. */
async function removeStoreFile(ctx: CommandContext, out: string, store: string): Promise<string> {
  const file = fileOfStore(out, store);
  if (!(await removeStalePlan(ctx.io.cwd, file))) return '';
  ctx.io.stderr.write(`Removed the old saved plan ${file}: store ${store} could not be planned, so it has no plan.\n`);
  return `\nThe old saved plan ${file} was removed, so it cannot be applied.`;
}

/** Every problem with its file and line, as `plan --store` shows them, whatever kind of error holds them. */
function describeError(error: BcgroupsError): string {
  if ((error instanceof PlanError || error instanceof ValidationError) && error.problems.length > 0)
    return `${error.message}:\n${error.problems.map(formatProblem).join('\n')}`;
  return error.message;
}

function exitOf(plan: Plan, detailed: boolean): number {
  if (plan.refusals.length > 0) return EXIT.refused;
  return detailed && hasChanges(plan) ? EXIT.changes : EXIT.ok;
}

/** An error outranks a refusal, which outranks changes: the code says the worst that happened to any store. */
function mostSevere(codes: readonly number[]): number {
  const rank = [EXIT.ok, EXIT.changes, EXIT.refused, EXIT.error];
  return codes.reduce(
    (worst, code) =>
      rank.indexOf(code as (typeof rank)[number]) > rank.indexOf(worst as (typeof rank)[number]) ? code : worst,
    EXIT.ok,
  );
}
