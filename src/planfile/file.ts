// Writing and reading the saved plan: the plan wrapped with what apply needs to notice that the store or
// groups/ moved on since. It holds hashes, dates and fingerprints only, never a token.
import { BcgroupsError } from '../errors.js';
import { loadValidator } from '../schema/index.js';
import { describeSchemaErrors } from '../schema/errors.js';
import type { LiveGroup, Plan, ResolvedReference, SavedPlan, SavedView } from '../model/index.js';
import { fingerprint } from '../model/normalize.js';

export interface SaveContext {
  storeHash: string;
  /** The store's name, when the config names several. */
  storeName?: string | undefined;
  desiredHash: string;
  /** The live groups the plan was computed from. */
  liveGroups: readonly LiveGroup[];
  /** The plan was made with --force. */
  forced?: boolean;
  /** What the references by name of groups/ resolved to. */
  references?: readonly ResolvedReference[];
  /** How plan rendered it, for `show`. */
  view?: SavedView;
  now?: Date;
}

export function toSavedPlan(plan: Plan, context: SaveContext): SavedPlan {
  const liveById = new Map(context.liveGroups.map((group) => [group.id, group]));
  const live: SavedPlan['live'] = {};
  for (const change of plan.changes) {
    if (change.action === 'create') continue;
    const group = liveById.get(change.id);
    if (!group)
      throw new BcgroupsError(
        `The plan touches group ${change.id} ('${change.name}'), which is not among the live groups it was planned from.`,
      );
    live[String(change.id)] = { date_modified: group.date_modified, fingerprint: fingerprint(group) };
  }
  return {
    format_version: 2,
    store_hash: context.storeHash,
    ...(context.storeName === undefined ? {} : { store: context.storeName }),
    desired_hash: context.desiredHash,
    created_at: (context.now ?? new Date()).toISOString(),
    forced: context.forced ?? false,
    live,
    ...(context.references && context.references.length > 0 ? { references: [...context.references] } : {}),
    ...(context.view ? { view: context.view } : {}),
    plan,
  };
}

/** Reads a saved plan from its text; a BcgroupsError names the file and every schema problem. */
export function parseSavedPlan(text: string, file: string): SavedPlan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The parser's message quotes the text, and the file may be `.env` given by mistake: only where, never what.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new BcgroupsError(
      `${file} is not a saved plan: not valid JSON${position === undefined ? '' : ` (at character ${Number(position) + 1})`}.`,
    );
  }
  if (isEarlierFormat(value))
    throw new BcgroupsError(
      `${file} is a saved plan of format 1, written by an earlier bcgroups, which words its refusals instead of ` +
        `keeping their numbers. Re-create it with \`bcgroups plan --out ${file}\`.`,
    );
  const validate = savedPlanValidator();
  if (!validate(value)) {
    const source = {
      file,
      value,
      locate: () => ({ line: 1, col: 1 }),
      nameOf: (pointer: string) => pointer || '(top)',
    };
    const problems = describeSchemaErrors(validate.errors ?? [], source)
      .slice(0, 10)
      .map((problem) => `  - ${problem.field} ${problem.message}`);
    throw new BcgroupsError(
      `${file} is not a valid saved plan (schemas/plan.schema.json):\n${problems.join('\n')}\nRe-create it with \`bcgroups plan --out ${file}\`.`,
    );
  }
  return value as SavedPlan;
}

/** A plan file of format 1: its changes read alike, but its refusals are sentences, which cannot be worded again. */
function isEarlierFormat(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'plan' in value && 'format_version' in value
    ? value.format_version === 1
    : false;
}

/** The schema ships beside dist/ and src/ alike; it is read once, on the first parse. */
function savedPlanValidator() {
  return loadValidator('savedPlan');
}
