// `plan --baseline DIR`: the base branch's groups, read from a checkout of it whose groups folder sits at the
// same relative path as this one's. The compared groups/ must be valid; a broken baseline only turns the
// attribution off, because what merging would do is decided by the compared files alone.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { DesiredState } from '../desired/index.js';
import { ConfigError, PlanError, UsageError, ValidationError } from '../errors.js';
import type {
  Attribution,
  AttributionOff,
  Catalog,
  Config,
  DesiredGroup,
  LiveGroup,
  LiveStorefront,
  LoadedGroup,
  Plan,
} from '../model/index.js';
import { attributeAgainstBaseline, describeBaselineError, type PlanOptions } from '../plan/index.js';
import { attributeChanges } from '../plan/attribute.js';
import { attributeStorefront } from '../plan/attribute-storefront.js';
import { planWithLiveStorefront } from '../plan/storefront-plan.js';
import { resolveDesired } from './catalog.js';
import { loadDesiredFor } from './session.js';

/** The baseline's groups with the settings of its own config: prune and the store's share of the groups. */
export type BaselineGroups = { compared: true; desired: DesiredState; options: PlanOptions } | AttributionOff;

/**
 * `loadConfig` reads the baseline's own config (the CLI finds it in DIR); a setting the pull request changes
 * is then part of the change. `onNote` hears what a person should know though nothing failed.
 */
export async function loadBaseline(
  loadConfig: () => Promise<Config>,
  dir: string,
  cwd: string,
  onNote: (note: string) => void,
): Promise<BaselineGroups> {
  const root = path.resolve(cwd, dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new UsageError(
      `--baseline ${dir}: ${info ? 'not a folder' : 'folder not found'}. Pass a checkout of the base branch (in a workflow: actions/checkout with ref: the base branch and path: ${dir}).`,
    );
  }
  let config: Config;
  try {
    config = await loadConfig();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError || error instanceof ValidationError)
      return { compared: false, reason: `the baseline's config cannot be used: ${describeConfigError(error)}` };
    throw error;
  }
  const options: PlanOptions = { prune: config.prune };
  const groupsDir = path.join(dir, relativeGroupsDir(cwd, config));
  if (!(await stat(path.resolve(cwd, groupsDir)).catch(() => undefined))) {
    // A base branch from before the first import has no groups folder (git keeps no empty folders).
    onNote(`The baseline has no ${groupsDir}: the base branch describes no groups yet.`);
    return { compared: true, desired: { groups: [], files: [], hash: '' }, options };
  }
  try {
    // The base branch's files for the same store as this run: its `stores:` limits and its pins there.
    const desired = await loadDesiredFor({ ...config, groupsDir }, cwd);
    return {
      compared: true,
      desired,
      options: { ...options, ...(desired.excluded ? { excluded: desired.excluded } : {}) },
    };
  } catch (error) {
    if (error instanceof ValidationError || error instanceof PlanError)
      return { compared: false, reason: describeBaselineError('are invalid', error) };
    throw error;
  }
}

/** The baseline's groups, for the one catalog read of the run. */
export function baselineGroups(baseline: BaselineGroups | undefined): LoadedGroup[] {
  return baseline?.compared ? baseline.desired.groups : [];
}

/**
 * The head plan attributed against the baseline planned with its own settings: the baseline's catalog names
 * are resolved against the head's catalog read, and a baseline that does not resolve turns attribution off.
 */
export function attributeBaseline(
  baseline: BaselineGroups,
  headPlan: Pick<Plan, 'changes' | 'storefront'>,
  liveGroups: readonly LiveGroup[],
  catalog: Catalog,
  storefront?: LiveStorefront,
): Attribution | AttributionOff {
  if (!baseline.compared) return baseline;
  try {
    const resolved = resolveDesired(baseline.desired, catalog);
    if (storefront)
      return attributeWithStorefront(headPlan, resolved.groups, liveGroups, storefront, catalog, baseline.options);
    return attributeAgainstBaseline(headPlan, resolved.groups, liveGroups, baseline.options);
  } catch (error) {
    if (error instanceof ValidationError)
      return { compared: false, reason: describeBaselineError('do not resolve against the catalog', error) };
    throw error;
  }
}

/** The baseline planned against the run's one read of the channels side, its storefront changes attributed too. */
function attributeWithStorefront(
  headPlan: Pick<Plan, 'changes' | 'storefront'>,
  baselineGroups: readonly DesiredGroup[],
  liveGroups: readonly LiveGroup[],
  storefront: LiveStorefront,
  catalog: Catalog,
  options: PlanOptions,
): Attribution | AttributionOff {
  let basePlan: Plan;
  try {
    basePlan = planWithLiveStorefront(baselineGroups, liveGroups, storefront, catalog, options);
  } catch (error) {
    if (error instanceof PlanError)
      return { compared: false, reason: describeBaselineError('cannot be matched to the store', error) };
    throw error;
  }
  return attributeStorefront(attributeChanges(headPlan, basePlan), headPlan.storefront, basePlan.storefront);
}

/** The groups folder relative to the current folder, which the baseline checkout mirrors. */
function relativeGroupsDir(cwd: string, config: Config): string {
  const relative = path.relative(cwd, path.resolve(cwd, config.groupsDir));
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError(
      `--baseline needs the groups folder inside the current folder, so the baseline checkout can mirror it; '${config.groupsDir}' is not. Run bcgroups from the repository root.`,
    );
  }
  return relative;
}

/** One line for the attribution-off note: a config's problems are listed with file and line like the groups'. */
function describeConfigError(error: ConfigError | UsageError | ValidationError): string {
  if (!(error instanceof ValidationError)) return error.message.replace(/\.$/, '');
  const first = error.problems[0];
  return `${error.message}${first ? ` (first: ${first.file}:${first.line}:${first.col}: ${first.message})` : ''}`;
}
