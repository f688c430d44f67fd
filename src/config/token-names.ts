// The token variables a config names, learnt as early as possible: a config that fails to load or to
// validate may still be quoted in a message, and the redactor must know which variables hold tokens.
import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_SEARCH_PLACES, listSearchDirs } from './search.js';
import { isMapping } from '../text/mapping.js';

const MAX_SCANNED_BYTES = 256 * 1024;
const NAMED_IN_TEXT = /accessTokenEnv["']?\s*[:=]\s*["'`]?([A-Za-z_][A-Za-z0-9_]*)/g;

/** Adds the top-level accessTokenEnv and every store's to `names`, whatever else the config holds. */
export function recordTokenEnvNames(config: unknown, names: Set<string>): void {
  if (!isMapping(config)) return;
  if (typeof config.accessTokenEnv === 'string') names.add(config.accessTokenEnv);
  if (!isMapping(config.stores)) return;
  for (const store of Object.values(config.stores)) {
    if (isMapping(store) && typeof store.accessTokenEnv === 'string') names.add(store.accessTokenEnv);
  }
}

/**
 * For a config that could not be loaded (a JS config that throws): every accessTokenEnv name written in
 * the text of the config file, or of each file the search could have found from cwd up.
 */
export function recordTokenEnvNamesOfFiles(cwd: string, configFile: string | undefined, names: Set<string>): void {
  for (const file of configFile ? [path.resolve(cwd, configFile)] : searchedFiles(cwd)) {
    const text = readStart(file);
    for (const match of text.matchAll(NAMED_IN_TEXT)) if (match[1]) names.add(match[1]);
  }
}

function searchedFiles(cwd: string): string[] {
  return listSearchDirs(cwd).flatMap((dir) =>
    CONFIG_SEARCH_PLACES.map((place) => path.join(dir, place)).filter((file) => existsSync(file)),
  );
}

function readStart(file: string): string {
  let fd: number | undefined;
  try {
    // Non-blocking and regular files only: a FIFO named by --config must not hang the error path.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(MAX_SCANNED_BYTES);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, length).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
