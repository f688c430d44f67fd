// The config's ignore and protect patterns as a plan records them, beside the file that holds them.
import path from 'node:path';
import type { Config, Plan, PlanOwnership } from '../model/index.js';

/** The patterns and their config file; undefined when the config has none, so plans without stay as they were. */
export function ownershipOf(
  config: Pick<Config, 'ignore' | 'protect'>,
  configFile: string | null,
): PlanOwnership | undefined {
  if (config.ignore.length === 0 && config.protect.length === 0) return undefined;
  return { ignore: [...config.ignore], protect: [...config.protect], config_file: configFile };
}

/** The config file as the user would name it: relative to the run's folder. */
export function labelConfigFile(config: Pick<Config, 'configFile'>, cwd: string): string | null {
  return config.configFile ? path.relative(cwd, config.configFile) || config.configFile : null;
}

/** The plan with its patterns, and in its summary how many live groups an ignore pattern left out. */
export function describeOwnership(plan: Plan, ownership: PlanOwnership | undefined, ignored: number): Plan {
  if (!ownership) return plan;
  const summary = ownership.ignore.length > 0 ? { ...plan.summary, ignored } : plan.summary;
  return { ...plan, summary, ownership };
}
