// `plan --baseline DIR`: the base branch is planned with its own config, found in DIR the way the head's is
// found in the current folder, so a pull request that changes a setting (prune, stores) owns what that causes.
import path from 'node:path';
import { loadConfig, selectStore } from '../config/index.js';
import { UsageError } from '../errors.js';
import type { Config } from '../model/index.js';
import { pruneOverride, resolveOverrides, stringFlag, storePick, type Ctx } from './options.js';

/**
 * The baseline's config: DIR mirrors the current folder, so `--config FILE` becomes DIR/FILE and the search
 * looks in DIR alone (never above it, where the head's own config sits). Flags apply to both runs alike.
 */
export function resolveBaselineConfig(ctx: Ctx, dir: string): Promise<Config> {
  const root = path.resolve(ctx.io.cwd, dir);
  const configFile = stringFlag(ctx, 'config');
  const mirrored = configFile === undefined ? undefined : path.join(dir, insideCurrentFolder(ctx.io.cwd, configFile));
  return loadConfig({
    cwd: ctx.io.cwd,
    env: ctx.io.env,
    searchDirs: [root],
    ...(mirrored === undefined ? {} : { configFile: mirrored }),
    overrides: { ...resolveOverrides(ctx), ...pruneOverride(ctx) },
    ...(ctx.io.tokenEnvNames ? { tokenEnvNames: ctx.io.tokenEnvNames } : {}),
  }).then((config) => selectStore(config, storePick(ctx)));
}

function insideCurrentFolder(cwd: string, file: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  if (relative.startsWith('..') || path.isAbsolute(relative))
    throw new UsageError(
      `--baseline needs --config inside the current folder, so the baseline checkout can mirror it; '${file}' is not.`,
    );
  return relative;
}
