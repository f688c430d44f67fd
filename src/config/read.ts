// Finding and reading the config file. JSON and YAML are data: parsed once, by the group files' parser,
// which keeps where each setting sits, and never made to run code (cosmiconfig's `$import` key is not
// honoured, so it is an unknown key like any other). Only a JS or TS config runs, through cosmiconfig's
// loaders; it computes its values, so it has no positions.
import path from 'node:path';
import type { Loader } from 'cosmiconfig';
import { parseYaml } from '../yaml/parse.js';
import type { PositionIndex } from '../schema/pointer.js';
import { ConfigError } from '../errors.js';
import { CONFIG_SEARCH_PLACES, listSearchDirs, readConfigText } from './search.js';

export { CONFIG_SEARCH_PLACES } from './search.js';

export interface ConfigFile {
  config: unknown;
  filepath: string;
  /** Where each key and value sits (of the whole package.json for its "bcgroups" key); none for JS and TS. */
  positions?: PositionIndex;
}

const FIX = 'Fix the syntax and run again.';
const CODE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts']);
const DATA_EXTENSIONS = new Set(['', '.json', '.yaml', '.yml']);

/**
 * The config file named by --config, else the one found in `searchDirs` (from cwd up by default); undefined
 * when there is none. Names are shown relative to cwd.
 */
export async function readConfigFile(
  cwd: string,
  configFile: string | undefined,
  searchDirs: readonly string[] = listSearchDirs(cwd),
): Promise<ConfigFile | undefined> {
  if (configFile) {
    const target = path.resolve(cwd, configFile);
    return parseConfigFile(target, readConfigText(target, configFile) ?? '', configFile);
  }
  for (const dir of searchDirs) {
    const found = findConfigFilesIn(dir, cwd);
    if (found.length > 1) throw describeSeveralFiles(found, cwd);
    const [only] = found;
    if (only) return parseConfigFile(only.filepath, only.text, shownPath(cwd, only.filepath));
  }
  return undefined;
}

/** The config files of one folder with settings: blank ones and a package.json without "bcgroups" do not count. */
function findConfigFilesIn(dir: string, cwd: string): { filepath: string; text: string }[] {
  return CONFIG_SEARCH_PLACES.flatMap((place) => {
    const filepath = path.join(dir, place);
    const text = readConfigText(filepath, shownPath(cwd, filepath), true);
    if (text === undefined || text.trim() === '') return [];
    return place === 'package.json' && !holdsSettings(text) ? [] : [{ filepath, text }];
  });
}

/** Whether a package.json has a "bcgroups" key; one that does not parse counts, so its error is shown. */
function holdsSettings(packageText: string): boolean {
  try {
    const value: unknown = JSON.parse(packageText);
    return !isRecord(value) || Object.hasOwn(value, 'bcgroups');
  } catch {
    return true;
  }
}

/** Which file would win would depend on the order of a list in the code: say so rather than pick one. */
function describeSeveralFiles(found: { filepath: string }[], cwd: string): ConfigError {
  const names = found.map((file) => shownPath(cwd, file.filepath));
  const listed = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return new ConfigError(
    `${found.length === 2 ? 'Two' : found.length} config files in one folder: ${listed}. bcgroups reads one config: ` +
      'merge them into one file and delete the others, or name one with --config FILE.',
  );
}

async function parseConfigFile(filepath: string, text: string, shown: string): Promise<ConfigFile> {
  const extension = path.extname(filepath);
  const positions = new Map<string, PositionIndex>();
  let config: unknown;
  if (text.trim() === '') config = undefined;
  else if (CODE_EXTENSIONS.has(extension)) config = await loadCode(filepath, text, extension);
  else if (DATA_EXTENSIONS.has(extension))
    config = (extension === '.json' ? jsonLoader(positions) : yamlLoader(positions))(filepath, text);
  else
    throw new ConfigError(
      `Config file ${shown}: bcgroups reads .json, .yaml, .yml or extension-less YAML configs, ` +
        'and .js, .mjs, .cjs or .ts ones.',
    );
  if (path.basename(filepath) === 'package.json')
    config = isRecord(config) && Object.hasOwn(config, 'bcgroups') ? config.bcgroups : undefined;
  const found = positions.get(filepath);
  return { config: config === undefined ? {} : config, filepath, ...(found ? { positions: found } : {}) };
}

/** A JS or TS config is code by its own name: it runs, through cosmiconfig's loader for its extension. */
async function loadCode(filepath: string, text: string, extension: string): Promise<unknown> {
  // Loaded only here: cosmiconfig and its dependencies cost every run's start, and most configs are data.
  const { defaultLoaders } = await import('cosmiconfig');
  const load = defaultLoaders[extension as keyof typeof defaultLoaders];
  try {
    return await load(filepath, text);
  } catch (error) {
    throw new ConfigError(describeLoadError(error, filepath));
  }
}

function shownPath(cwd: string, filepath: string): string {
  return path.relative(cwd, filepath) || filepath;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A syntax error names file, line, column and the parser's reason, never the text there: a config may hold exactly the
 * secret it must not echo.
 */
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
  return (
    `Cannot load the config file${target ? ` ${target}` : ''}: ` +
    `${error instanceof SyntaxError ? 'syntax error' : firstLine}`
  );
}
