// Starts a repository from a store that already exists: one canonical file per live group.
import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BcgroupsError } from '../errors.js';
import type { LiveGroup, LiveStorefront } from '../model/index.js';
import { fileNameFor } from './filename.js';
import { findExistingFiles, findFileFor } from './pins.js';
import { findRefusals, type Refusal, type RenderedGroup } from './refusals.js';
import { modelineFor, renderGroupFile } from './render.js';
import { describeImportedStorefront } from './storefront.js';
import type { ImportNames } from './names.js';
import { fileURLToPath } from 'node:url';
import { count as countOf } from '../text/words.js';
import { fsFaultOf } from '../text/errno.js';

export { fileNameFor, slugify } from './filename.js';
export { renderGroupFile, SCHEMA_MODELINE } from './render.js';
export type { Refusal } from './refusals.js';
export type { ImportNames } from './names.js';

export interface ImportResult {
  /** Paths (dir joined with the file name) written by this run. */
  written: string[];
  /** Paths that already held exactly the rendered content. */
  skipped: string[];
  /** Live groups left unwritten, with why: a file for them would fail validate or describe two groups. */
  refused: Refusal[];
  /** The schema the files' modeline points at, relative to the files; undefined when it is outside the project, so no modeline was written. */
  schemaPath: string | undefined;
}

interface PlannedFile extends RenderedGroup {
  path: string;
  /** pin: the file differs only by lacking this store's pin. */
  existing: 'none' | 'same' | 'different' | 'pin';
}

/**
 * Writes one file per live group into `dir`. Refuses, before writing anything, when a file exists with
 * other content and `overwrite` is off, or when any path would leave `dir` or go through a symlink.
 * Groups whose file would not validate, or that clash with another group, are left out and reported.
 */
export async function importGroups(
  liveGroups: LiveGroup[],
  dir: string,
  options: {
    overwrite: boolean;
    cwd?: string;
    names?: ImportNames;
    storeName?: string | undefined;
    schemaFile?: string;
    /** The channels side, when read: each group's assignments and channel roles are written too. */
    storefront?: LiveStorefront;
  },
): Promise<ImportResult> {
  // Messages and results keep dir as the caller gave it; only the writes use the resolved path.
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, dir);
  const schemaPath = schemaPathFrom(root, cwd, options.schemaFile ?? GROUP_SCHEMA_FILE);
  const existing = await findExistingFiles(root, options.storeName, cwd);
  const taken = new Set<string>(existing.all.map((file) => file.toLowerCase()));
  const rendered: Array<RenderedGroup & { path: string; withoutPin?: string }> = [];
  for (const live of [...liveGroups].sort((a, b) => a.id - b.id)) {
    const imported = options.storefront ? describeImportedStorefront(live, options.storefront) : undefined;
    const group = imported?.group ?? live;
    const keys = imported?.keys;
    const fileName = findFileFor(group, existing) ?? fileNameFor(group.name, taken, group.id);
    taken.add(fileName.toLowerCase());
    const path = resolveInside(root, fileName);
    const modeline = schemaPath === undefined ? null : modelineFor(schemaPath);
    const otherPins = existing.storePins.get(fileName);
    const content = renderGroupFile(
      group,
      modeline,
      options.names,
      options.storeName === undefined ? undefined : { ...otherPins, [options.storeName]: group.id },
      keys,
    );
    rendered.push({
      group,
      path,
      shown: join(dir, fileName),
      content,
      ...(otherPins ? { withoutPin: renderGroupFile(group, modeline, options.names, otherPins, keys) } : {}),
    });
  }
  const refusals = findRefusals(rendered);
  const planned: PlannedFile[] = [];
  for (const file of rendered.filter((item) => !refusals.has(item.group.id))) {
    const found = await compareExisting(file.path, file.content);
    // Another store's import made the file: adding this store's pin to it is no conflict.
    const onlyPinAdded =
      found === 'different' &&
      file.withoutPin !== undefined &&
      (await compareExisting(file.path, file.withoutPin)) === 'same';
    planned.push({ ...file, existing: onlyPinAdded ? 'pin' : found });
  }
  const conflicts = planned.filter((file) => file.existing === 'different');
  if (conflicts.length > 0 && !options.overwrite) {
    throw new BcgroupsError(
      `Refusing to overwrite ${countOf(conflicts.length, 'existing file')}:\n` +
        `${conflicts.map((file) => `  ${file.shown}`).join('\n')}\nRe-run with --overwrite to replace them.`,
    );
  }
  await mkdir(root, { recursive: true });
  const result: ImportResult = { written: [], skipped: [], refused: [...refusals.values()], schemaPath };
  for (const file of planned) {
    if (file.existing === 'same') {
      result.skipped.push(file.shown);
      continue;
    }
    // 'wx' makes a file that appeared since the check a refusal rather than a silent overwrite.
    await writeFile(file.path, file.content, { encoding: 'utf8', flag: file.existing === 'none' ? 'wx' : 'w' });
    result.written.push(file.shown);
  }
  return result;
}

const GROUP_SCHEMA_FILE = fileURLToPath(new URL('../../schemas/customer-group.schema.json', import.meta.url));

/**
 * The group schema as editors reach it from the files' folder (../schemas/... in this repository,
 * ../node_modules/bcgroups/schemas/... where bcgroups is installed), only when it lies inside the project
 * (the current directory), and so do the files: a path into a global install or npx's cache, or from
 * files outside the project, would break on any other machine.
 */
function schemaPathFrom(folder: string, cwd: string, schemaFile: string): string | undefined {
  if (!isInside(cwd, schemaFile) || !isInside(cwd, folder)) return undefined;
  return relative(folder, schemaFile).split(sep).join('/');
}

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(resolve(root), path);
  return fromRoot === '' || (!fromRoot.startsWith('..') && !isAbsolute(fromRoot));
}

/** The absolute path of `fileName` directly inside `root`; throws if it would land anywhere else. */
function resolveInside(root: string, fileName: string): string {
  const path = resolve(root, fileName);
  if (path === resolve(root) || !isInside(root, path)) {
    throw new BcgroupsError(`Refusing to write '${fileName}': it is not a file inside ${root}.`);
  }
  return path;
}

async function compareExisting(path: string, content: string): Promise<'none' | 'same' | 'different'> {
  const stats = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (fsFaultOf(error) === 'missing') return undefined;
    throw error;
  });
  if (!stats) return 'none';
  if (!stats.isFile()) {
    throw new BcgroupsError(`Refusing to write ${path}: it exists and is not a regular file (a symlink or directory).`);
  }
  return (await readFile(path, 'utf8')) === content ? 'same' : 'different';
}
