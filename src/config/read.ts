// Finding and reading the config file. JSON and YAML are parsed once, by the group files' parser, which
// keeps where each setting sits; JS and TS configs compute their values, so they have no positions.
import path from 'node:path';
import { cosmiconfig, type Loader } from 'cosmiconfig';
import { parseYaml } from '../desired/parse.js';
import type { PositionIndex } from '../desired/pointer.js';
import { ConfigError } from '../errors.js';

export const CONFIG_SEARCH_PLACES = [
  'package.json',
  '.bcgroupsrc',
  '.bcgroupsrc.json',
  '.bcgroupsrc.yaml',
  '.bcgroupsrc.yml',
  '.bcgroupsrc.js',
  '.bcgroupsrc.mjs',
  '.bcgroupsrc.cjs',
  'bcgroups.config.js',
  'bcgroups.config.mjs',
  'bcgroups.config.cjs',
  'bcgroups.config.ts',
  'bcgroups.config.json',
  'bcgroups.config.yaml',
  'bcgroups.config.yml',
];

export interface ConfigFile {
  config: unknown;
  filepath: string;
  /** Where each key and value sits (of the whole package.json for its "bcgroups" key); none for JS and TS. */
  positions?: PositionIndex;
}

const FIX = 'Fix the syntax and run again.';

/** The config file named by --config, else the first one found from cwd up; undefined when there is none. */
export async function readConfigFile(cwd: string, configFile: string | undefined): Promise<ConfigFile | undefined> {
  const positions = new Map<string, PositionIndex>();
  const loadYaml = yamlLoader(positions);
  const loaders = { '.json': jsonLoader(positions), '.yaml': loadYaml, '.yml': loadYaml, noExt: loadYaml };
  const explorer = cosmiconfig('bcgroups', { searchPlaces: CONFIG_SEARCH_PLACES, searchStrategy: 'project', cache: false, loaders });
  const target = configFile ? path.resolve(cwd, configFile) : undefined;
  try {
    const result = target ? await explorer.load(target) : await explorer.search(cwd);
    if (!result) return undefined;
    const found = positions.get(result.filepath);
    return { config: result.isEmpty ? {} : result.config, filepath: result.filepath, ...(found ? { positions: found } : {}) };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (target && code === 'ENOENT') throw new ConfigError(`Config file not found: ${configFile}`);
    throw new ConfigError(describeLoadError(error, target));
  }
}

/** A syntax error names file, line and column only: a config may hold exactly the secret it must not echo. */
function yamlLoader(positions: Map<string, PositionIndex>): Loader {
  return (filepath, content) => {
    const result = parseYaml(filepath, content);
    if ('problems' in result) {
      const [first] = result.problems;
      if (!first) return undefined;
      throw new ConfigError(`${filepath}:${first.line}:${first.col}: not valid YAML. ${FIX}`);
    }
    positions.set(filepath, result.parsed.positions);
    return result.parsed.value;
  };
}

/** JSON stays strict JSON (YAML would take a trailing comma); the YAML parse only finds the positions. */
function jsonLoader(positions: Map<string, PositionIndex>): Loader {
  return (filepath, content) => {
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      const offset = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
      throw new ConfigError(`${filepath}${offset === undefined ? '' : positionAt(content, Number(offset))}: not valid JSON. ${FIX}`);
    }
    const result = parseYaml(filepath, content);
    if ('parsed' in result) positions.set(filepath, result.parsed.positions);
    return value;
  };
}

/** ":line:col" of a character offset. */
function positionAt(content: string, offset: number): string {
  const before = content.slice(0, offset).split('\n');
  return `:${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

/** A JS or TS config that fails to load, by its first line only (a syntax error quotes the file). */
function describeLoadError(error: unknown, target: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = (message.split('\n')[0] ?? '').slice(0, 200);
  return `Cannot load the config file${target ? ` ${target}` : ''}: ${error instanceof SyntaxError ? 'syntax error' : firstLine}`;
}
