// Finding and reading the config file. JSON and YAML are parsed once, by the group files' parser, which
// keeps where each setting sits; JS and TS configs compute their values, so they have no positions.
import path from 'node:path';
import { cosmiconfig, type Loader } from 'cosmiconfig';
import { parseYaml } from '../yaml/parse.js';
import type { PositionIndex } from '../schema/pointer.js';
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
  const explorer = cosmiconfig('bcgroups', {
    searchPlaces: CONFIG_SEARCH_PLACES,
    searchStrategy: 'project',
    cache: false,
    loaders,
  });
  const target = configFile ? path.resolve(cwd, configFile) : undefined;
  try {
    const result = target ? await explorer.load(target) : await explorer.search(cwd);
    if (!result) return undefined;
    const found = positions.get(result.filepath);
    return {
      config: result.isEmpty ? {} : result.config,
      filepath: result.filepath,
      ...(found ? { positions: found } : {}),
    };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (target && code === 'ENOENT') throw new ConfigError(`Config file not found: ${configFile}`);
    throw new ConfigError(describeLoadError(error, target));
  }
}

/** A syntax error names file, line, column and the parser's reason, never the text there: a config may hold exactly the secret it must not echo. */
function yamlLoader(positions: Map<string, PositionIndex>): Loader {
  return (filepath, content) => {
    const result = parseYaml(filepath, content);
    if ('problems' in result) {
      const [first] = result.problems;
      if (!first) return undefined;
      throw new ConfigError(
        `${filepath}:${first.line}:${first.col}: not valid YAML: ${first.message.replace(/^YAML: /, '')}. ${FIX}`,
      );
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
      const { offset, reason } = describeJsonError(content, error instanceof Error ? error.message : String(error));
      throw new ConfigError(`${filepath}${positionAt(content, offset)}: not valid JSON: ${reason}. ${FIX}`);
    }
    const result = parseYaml(filepath, content);
    if ('parsed' in result) positions.set(filepath, result.parsed.positions);
    return value;
  };
}

/**
 * Where JSON.parse stopped and why, without the text it quotes. Some messages name no position
 * ("Unexpected token '}', "..." is not valid JSON"): then the shortest prefix that fails other than by
 * ending early ends just after the culprit, and a prefix of a failing text fails the same way from there on.
 */
function describeJsonError(content: string, message: string): { offset: number; reason: string } {
  const reason = message
    .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/,?\s*(?:\.\.\.)?".*is not valid JSON.*$/s, '')
    .replace(/ at position \d+.*$/s, '')
    .replace(/ in JSON$/, '')
    .replace(/^Unexpected end of JSON input$/, 'the text ends too early');
  const stated = /at position (\d+)/.exec(message)?.[1];
  if (stated !== undefined) return { offset: Number(stated), reason };
  let low = 1;
  let high = content.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsBeforeEnd(content.slice(0, middle))) high = middle;
    else low = middle + 1;
  }
  return { offset: Math.max(0, low - 1), reason };
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const stated = /at position (\d+)/.exec(message)?.[1];
    return (
      !/Unexpected end|Unterminated string/.test(message) &&
      (stated === undefined || Number(stated) < prefix.trimEnd().length)
    );
  }
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
