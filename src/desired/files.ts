// Finding and reading the files of groups/: recursive, in a stable order, bounded in size, UTF-8 only.
// Symlinks within the project are followed, so a linked file or folder is read like any other; a link
// leading out of the project is refused unread (a pull request could otherwise link a secret in). What
// cannot be read (a dangling link, a loop, a FIFO or device, a folder without permission) is a problem.
import { readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../errors.js';
import { fsErrorProblem, pathProblem } from './fs-problems.js';
import { compareText } from '../text/compare.js';
import { type BoundedRead, MAX_FILE_BYTES, readBounded } from '../text/bounded-read.js';
import { fsFaultOf } from '../text/errno.js';

export { MAX_FILE_BYTES };
const GROUP_FILE = /\.ya?ml$/i;

export type DirectoryListing = { files: string[]; problems: Problem[] } | { problem: Problem };

interface Walk {
  root: string;
  /** Real path of the project: no link may lead outside it. */
  project: string;
  shown: string;
  files: string[];
  problems: Problem[];
  /** Real path -> the path (relative to root) it was first reached by, to refuse reading it twice. */
  seen: Map<string, string>;
}

/**
 * Every *.yaml / *.yml below dir (an absolute path), as paths relative to it, sorted so runs and hashes
 * are stable, with a problem for every entry that looks like a group file (or may hold some) but cannot
 * be read. Problems name paths as `shown` (the folder as the user gave it) joined with the relative path.
 * The project is cwd (the repository root in CI), or dir itself when dir lies outside cwd.
 */
export async function listGroupFiles(dir: string, shown: string = dir, cwd?: string): Promise<DirectoryListing> {
  let info: Stats;
  try {
    info = await stat(dir);
  } catch (error) {
    if (fsFaultOf(error) === 'missing') {
      // dir is already resolved, so the user sees exactly where we looked, whatever the cwd was.
      return {
        problem: pathProblem(
          shown,
          `folder not found: ${dir} (set the folder with --dir or groupsDir)`,
          'create it, run `bcgroups import` to fill it from the store, or pass --dir with the folder of your group files',
          'folder',
        ),
      };
    }
    return { problem: fsErrorProblem(shown, error, 'folder') };
  }
  if (!info.isDirectory()) {
    return {
      problem: pathProblem(
        shown,
        'not a directory',
        'point --dir or groupsDir in the config at the folder of group files, not at one file',
        'folder',
      ),
    };
  }
  const project = await findProject(dir, cwd);
  const walk: Walk = { root: dir, project, shown, files: [], problems: [], seen: new Map() };
  await walkFolder(walk, '', new Set());
  walk.files.sort(compareText);
  return { files: walk.files, problems: walk.problems };
}

async function walkFolder(walk: Walk, relative: string, ancestors: ReadonlySet<string>): Promise<void> {
  const absolute = path.join(walk.root, relative);
  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(absolute);
    entries = await readdir(absolute, { withFileTypes: true });
  } catch (error) {
    walk.problems.push(fsErrorProblem(shownPath(walk, relative), error, 'folder'));
    return;
  }
  const earlier = walk.seen.get(real);
  if (earlier !== undefined) {
    walk.problems.push(reachedTwice(walk, relative, earlier, 'folder'));
    return;
  }
  walk.seen.set(real, relative);
  const inside = new Set([...ancestors, real]);
  for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
    await visitEntry(walk, path.join(relative, entry.name), entry, inside);
  }
}

async function visitEntry(walk: Walk, relative: string, entry: Dirent, ancestors: ReadonlySet<string>): Promise<void> {
  const isGroupFile = GROUP_FILE.test(entry.name);
  let kind: Dirent | Stats = entry;
  if (entry.isSymbolicLink()) {
    try {
      // The target's real path is checked before anything of it is looked at, let alone opened.
      const target = await realpath(path.join(walk.root, relative));
      if (!isWithin(target, walk.project)) {
        walk.problems.push(outsideProblem(shownPath(walk, relative), isGroupFile ? 'file' : 'folder'));
        return;
      }
      kind = await stat(target);
      // A link named like a group file to `.env` or `.netrc`: nothing of it may reach a message.
      if (isGroupFile && kind.isFile() && !GROUP_FILE.test(target)) {
        walk.problems.push(notGroupFileProblem(shownPath(walk, relative)));
        return;
      }
    } catch (error) {
      // A link that leads nowhere may have been a folder of groups: say so rather than guess.
      walk.problems.push(fsErrorProblem(shownPath(walk, relative), error));
      return;
    }
  }
  if (kind.isDirectory()) {
    const real = await realpath(path.join(walk.root, relative)).catch(() => undefined);
    if (real !== undefined && ancestors.has(real)) {
      walk.problems.push(
        pathProblem(
          shownPath(walk, relative),
          'symlink loop: this folder leads back to a folder that contains it',
          'point the symlink somewhere outside its own folder, or remove it',
          'folder',
        ),
      );
      return;
    }
    await walkFolder(walk, relative, ancestors);
    return;
  }
  if (!isGroupFile) return;
  if (!kind.isFile()) {
    walk.problems.push(specialFileProblem(shownPath(walk, relative)));
    return;
  }
  if (entry.isSymbolicLink()) {
    const real = await realpath(path.join(walk.root, relative)).catch(() => relative);
    const earlier = walk.seen.get(real);
    if (earlier !== undefined) return void walk.problems.push(reachedTwice(walk, relative, earlier, 'file'));
    walk.seen.set(real, relative);
  }
  walk.files.push(relative);
}

function reachedTwice(walk: Walk, relative: string, earlier: string, what: 'file' | 'folder'): Problem {
  return pathProblem(
    shownPath(walk, relative),
    `the same ${what} as ${shownPath(walk, earlier)} (reached twice through a symlink); it is read once, from there`,
    'remove one of the two paths, so each group is described in one place',
  );
}

async function findProject(dir: string, cwd: string | undefined): Promise<string> {
  const realDir = await realpath(dir);
  const realCwd = cwd === undefined ? undefined : await realpath(cwd).catch(() => undefined);
  return realCwd !== undefined && isWithin(realDir, realCwd) ? realCwd : realDir;
}

function isWithin(target: string, folder: string): boolean {
  const relative = path.relative(folder, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function outsideProblem(link: string, what: 'file' | 'folder'): Problem {
  return pathProblem(
    link,
    'symlink whose target is outside the project; it is not read',
    'copy the file into the repository, or point the link at a file inside it',
    what,
  );
}

function notGroupFileProblem(link: string): Problem {
  return pathProblem(
    link,
    'symlink to a file that is not a group file by name (not *.yaml or *.yml); it is not read',
    'point the link at a .yaml or .yml file, or remove it',
  );
}

function specialFileProblem(file: string): Problem {
  return pathProblem(
    file,
    'not a regular file (a FIFO, socket or device); it is not read',
    'replace it with a plain YAML file, or remove it',
  );
}

function shownPath(walk: Walk, relative: string): string {
  return relative === '' ? walk.shown : path.join(walk.shown, relative);
}

export type FileText = { text: string } | { problem: Problem };

// One buffer for every read, a byte over the limit: thousands of small files read faster in a plain
// synchronous loop than through the thread pool, and nothing is allocated per file but its text.
let readBuffer: Buffer<ArrayBuffer> | undefined;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of a group file, or the one problem that keeps it from being parsed; problems name `file`. */
export function readGroupFile(location: string, file: string = location): FileText {
  readBuffer ??= Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
  let read: BoundedRead;
  try {
    read = readBounded(location, readBuffer);
  } catch (error) {
    return { problem: fsErrorProblem(file, error) };
  }
  if (read.kind === 'folder' || read.kind === 'special') return { problem: specialFileProblem(file) };
  if (read.kind === 'too_large') return { problem: tooLarge(file, read.size) };
  const { bytes } = read;
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return {
      problem: {
        file,
        ...locateBadByte(bytes),
        field: '',
        message: 'file is not valid UTF-8',
        hint: 'save the file as UTF-8',
      },
    };
  }
}

function tooLarge(file: string, size: number): Problem {
  return {
    file,
    line: 1,
    col: 1,
    field: '',
    message: `file is ${size} bytes; a group file may be at most ${MAX_FILE_BYTES} bytes (1 MiB)`,
    hint: 'one file describes one group; split it or remove what does not belong',
  };
}

/** Line and column of the first byte sequence that is not UTF-8, found via the replacement character. */
function locateBadByte(bytes: Uint8Array): { line: number; col: number } {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
  const lines = before.split('\n');
  return { line: lines.length, col: (lines.at(-1)?.length ?? 0) + 1 };
}
