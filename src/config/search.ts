// Where a config file may be, and reading one within bounds. The search never leaves the project: a
// config in a shared parent folder would otherwise set apiUrl and receive the token.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type BoundedRead, MAX_FILE_BYTES, readBounded } from '../text/bounded-read.js';
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

/**
 * The folders searched, nearest first: from cwd up to the repository root (the folder holding `.git`),
 * stopping early at a folder with a package.json (a project inside the repository); outside a
 * repository, cwd alone.
 */
export function listSearchDirs(cwd: string): string[] {
  const start = path.resolve(cwd);
  const dirs: string[] = [];
  let projectEnd: number | undefined;
  for (let dir = start; ; dir = path.dirname(dir)) {
    dirs.push(dir);
    if (projectEnd === undefined && existsSync(path.join(dir, 'package.json'))) projectEnd = dirs.length;
    if (existsSync(path.join(dir, '.git'))) return dirs.slice(0, projectEnd ?? dirs.length);
    if (path.dirname(dir) === dir) return [start];
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a config file, read at most to the size limit of any file this tool reads; a folder, FIFO,
 * device or missing file is a ConfigError naming `shown`, never a stack. Undefined for a search place
 * that is not there (`optional`).
 */
export function readConfigText(location: string, shown: string, optional = false): string | undefined {
  let read: BoundedRead;
  try {
    read = readBounded(location);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (optional && (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR')) return undefined;
    throw describeOpenError(code, shown);
  }
  if (read.kind === 'folder') {
    if (optional) return undefined;
    throw new ConfigError(`Config file ${shown} is a folder; --config takes a file, such as bcgroups.config.yaml.`);
  }
  if (read.kind === 'special')
    throw new ConfigError(`Config file ${shown} is not a regular file (a FIFO, device or socket); nothing was read.`);
  if (read.kind === 'too_large') throw tooLarge(shown);
  try {
    return decoder.decode(read.bytes);
  } catch {
    throw new ConfigError(`Config file ${shown} is not valid UTF-8: save it as UTF-8.`);
  }
}

function tooLarge(shown: string): ConfigError {
  return new ConfigError(
    `Config file ${shown} is larger than ${MAX_FILE_BYTES} bytes (1 MiB), the limit of any file bcgroups reads; ` +
      'nothing past that was read.',
  );
}

function describeOpenError(code: string | undefined, shown: string): ConfigError {
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ConfigError(`Config file not found: ${shown}`);
  if (code === 'EACCES' || code === 'EPERM')
    return new ConfigError(`Config file ${shown} cannot be read: permission denied.`);
  return new ConfigError(`Config file ${shown} cannot be read (${code ?? 'unknown error'}).`);
}
