// Finding and reading the files of groups/: recursive, in a stable order, bounded in size, UTF-8 only.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../errors.js';

export const MAX_FILE_BYTES = 1024 * 1024;
const GROUP_FILE = /\.ya?ml$/i;

export type DirectoryListing = { files: string[] } | { problem: Problem };

/** Every *.yaml / *.yml below dir (an absolute path), as paths relative to it, sorted so runs and hashes are stable. */
export async function listGroupFiles(dir: string): Promise<DirectoryListing> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) {
    // dir is already resolved, so the user sees exactly where we looked, whatever the cwd was.
    return {
      problem: dirProblem(
        dir,
        `folder not found: ${dir} (set the folder with --dir or groupsDir)`,
        'create it, run `bcgroups import` to fill it from the store, or pass --dir with the folder of your group files',
      ),
    };
  }
  if (!info.isDirectory()) {
    return { problem: dirProblem(dir, `not a directory`, 'point --dir or groupsDir in the config at the folder of group files') };
  }
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && GROUP_FILE.test(entry.name))
    .map((entry) => path.relative(dir, path.join(parentOf(entry) ?? dir, entry.name)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files };
}

/** Node < 20.12 names the folder of an entry `path` instead of `parentPath`. */
function parentOf(entry: { parentPath?: string; path?: string }): string | undefined {
  return entry.parentPath ?? entry.path;
}

function dirProblem(dir: string, message: string, hint: string): Problem {
  return { file: dir, line: 1, col: 1, field: '', message, hint };
}

export type FileText = { text: string } | { problem: Problem };

/** The text of a group file, or the one problem that keeps it from being parsed; problems name `file`. */
export async function readGroupFile(location: string, file: string = location): Promise<FileText> {
  const { size } = await stat(location);
  if (size > MAX_FILE_BYTES) {
    return {
      problem: {
        file,
        line: 1,
        col: 1,
        field: '',
        message: `file is ${size} bytes; a group file may be at most ${MAX_FILE_BYTES} bytes (1 MiB)`,
        hint: 'one file describes one group; split it or remove what does not belong',
      },
    };
  }
  const bytes = await readFile(location);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: { file, ...locateBadByte(bytes), field: '', message: 'file is not valid UTF-8', hint: 'save the file as UTF-8' } };
  }
}

/** Line and column of the first byte sequence that is not UTF-8, found via the replacement character. */
function locateBadByte(bytes: Uint8Array): { line: number; col: number } {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
  const lines = before.split('\n');
  return { line: lines.length, col: (lines.at(-1)?.length ?? 0) + 1 };
}
