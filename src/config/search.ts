// Where a config file may be, and reading one within bounds. The search never leaves the project: a
// config in a shared parent folder would otherwise set apiUrl and receive the token.
import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../desired/files.js';
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
  let fd: number;
  try {
    // Non-blocking, so a FIFO opens at once; fstat then refuses it unread.
    fd = openSync(location, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (optional && (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR')) return undefined;
    throw describeOpenError(code, shown);
  }
  const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
  let length = 0;
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) {
      if (optional) return undefined;
      throw new ConfigError(`Config file ${shown} is a folder; --config takes a file, such as bcgroups.config.yaml.`);
    }
    if (!info.isFile())
      throw new ConfigError(`Config file ${shown} is not a regular file (a FIFO, device or socket); nothing was read.`);
    if (info.size > MAX_FILE_BYTES) throw tooLarge(shown);
    // Read to the end or to the bound: the file may have grown since fstat.
    for (let read = -1; read !== 0 && length < buffer.length; length += read) {
      read = readSync(fd, buffer, length, buffer.length - length, null);
    }
  } finally {
    closeSync(fd);
  }
  if (length > MAX_FILE_BYTES) throw tooLarge(shown);
  try {
    return decoder.decode(buffer.subarray(0, length));
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
