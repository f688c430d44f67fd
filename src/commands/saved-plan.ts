// `apply PLANFILE`: a saved plan runs only against the store it was made from, unchanged since, and
// only if the safety checks would pass it now (unless it was made with --force).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findStaleReasons } from '../apply/stale.js';
import { BcgroupsError, StalePlanError } from '../errors.js';
import { EXIT } from '../exit.js';
import type { Change, Config, SafetyRefusal } from '../model.js';
import { checkSafety, parseSavedPlan } from '../plan/index.js';
import { loadDesiredFor, replanCommand } from './options.js';
import { openStore, type Store } from './session.js';
import type { CommandContext } from './types.js';
import { count as countOf } from '../words.js';

export interface Prepared {
  store: Store;
  changes: Change[];
}

export async function loadSavedPlan(ctx: CommandContext, config: Config, file: string): Promise<Prepared | number> {
  const text = await readFile(path.resolve(ctx.io.cwd, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new BcgroupsError(`Cannot read the plan file ${file}: ${error.code ?? error.message}.`);
  });
  const saved = parseSavedPlan(text, file);
  if (saved.refusals.length > 0) return refuse(ctx, file, saved.refusals, 'was refused by a safety check when it was planned', hasDeletes(saved.changes));
  const store = openStore(ctx, config);
  const liveGroups = await store.client.listGroups();
  const reasons = findStaleReasons(saved, liveGroups, store.storeHash);
  if (reasons.length > 0) throw new StalePlanError(reasons, replanCommand(ctx, file, { prune: hasDeletes(saved.changes), force: saved.forced }));
  // The file is the contract, but a hand-edited one must not slip past the thresholds.
  const refusals = saved.forced ? [] : checkSafety(saved, liveGroups.length, config.safety);
  if (refusals.length > 0) return refuse(ctx, file, refusals, 'would be refused by the safety checks', hasDeletes(saved.changes));
  if (saved.changes.length === 0) {
    ctx.io.stdout.write(`${file} has no changes: nothing to apply.\n`);
    return EXIT.ok;
  }
  await noteChangedFiles(ctx, config, saved.desired_hash, file);
  ctx.io.stderr.write(`Applying ${countOf(saved.changes.length, 'change')} from ${file}.\n`);
  return { store, changes: saved.changes };
}

function refuse(ctx: CommandContext, file: string, refusals: SafetyRefusal[], why: string, prune: boolean): number {
  const lines = refusals.map((refusal) => `  ! ${refusal.message.replace(/\s*Re-run with --force.*$/, '')}`);
  ctx.io.stderr.write(
    `${file} ${why}:\n${lines.join('\n')}\n` +
      `A saved plan is never forced at apply time. If the changes are intended, run \`${replanCommand(ctx, file, { prune, force: true })}\` and apply that file.\n`,
  );
  return EXIT.refused;
}

/** Deletes come only from pruning, so a plan with deletes is re-made with --prune. */
function hasDeletes(changes: readonly Change[]): boolean {
  return changes.some((change) => change.action === 'delete');
}

/** The plan applies what was reviewed; if groups/ moved on since, say so (a later plan will pick it up). */
async function noteChangedFiles(ctx: CommandContext, config: Config, desiredHash: string, file: string): Promise<void> {
  const current = await loadDesiredFor(ctx, config).catch(() => undefined);
  if (current && current.hash !== desiredHash) {
    ctx.io.stderr.write(`Note: ${config.groupsDir}/ has changed since ${file} was made; this applies the saved plan, not the current files.\n`);
  }
}
