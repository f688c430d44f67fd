// Starts a repository from a store that already exists: one canonical file per live group.
import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BcgroupsError } from '../errors.js';
import {
  type DiscountRule,
  GROUP_FIELDS,
  type FieldName,
  type GroupState,
  type LiveGroup,
  type LiveStorefront,
} from '../model/index.js';
import { differingFields } from '../model/normalize.js';
import { loadYaml, QUIET } from '../yaml/load.js';
import { editGroupFile } from './edit.js';
import { fileNameFor } from './filename.js';
import { findExistingFiles, findFileFor } from './pins.js';
import { findRefusals, type Refusal, type RenderedGroup } from './refusals.js';
import { modelineFor, renderGroupFile } from './render.js';
import { describeImportedStorefront } from './storefront.js';
import type { ImportNames } from './names.js';
import { fileURLToPath } from 'node:url';
import { count as countOf } from '../text/words.js';
import { type BoundedRead, readBounded } from '../text/bounded-read.js';
import { describeReadFault } from '../text/file-fault.js';
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

/** What an existing file means in this store: its group, and its rules resolved in the file's own order. */
export interface DescribedGroup extends GroupState {
  rulesInFileOrder: DiscountRule[];
}

interface PlannedFile extends RenderedGroup {
  path: string;
  /** pin: the file differs only by lacking this store's pin. */
  existing: 'none' | 'same' | 'different' | 'pin';
  /** The file's own text with only the pin and the differing fields changed; written instead of `content`. */
  edited?: boolean;
  /** The fields in which the file's group differs from the live one, when the file could be read. */
  fields?: FieldName[];
  /** The stores whose pins the file holds, none of them this store: another store's import wrote it. */
  otherStores?: string[];
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
    /** What each existing file (by its shown path) describes, references resolved against this store. */
    described?: ReadonlyMap<string, DescribedGroup>;
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
  const rendered: RenderedFile[] = [];
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
      ...(otherPins ? { otherPins } : {}),
    });
  }
  const refusals = findRefusals(rendered);
  const planned: PlannedFile[] = [];
  for (const file of rendered.filter((item) => !refusals.has(item.group.id))) {
    planned.push(await planFile(file, options));
  }
  const conflicts = planned.filter((file) => file.existing === 'different' && !file.edited);
  if (conflicts.length > 0 && !options.overwrite)
    throw new BcgroupsError(describeConflicts(conflicts, options.storeName));
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

type RenderedFile = RenderedGroup & { path: string; withoutPin?: string; otherPins?: Record<string, number> };

/**
 * What becomes of one existing file. A file whose group means the same as the live one (ids or names,
 * any order, comments) only gets its pin; with overwrite, only the differing fields change, in place.
 */
async function planFile(
  file: RenderedFile,
  options: {
    overwrite: boolean;
    names?: ImportNames;
    storeName?: string | undefined;
    described?: ReadonlyMap<string, DescribedGroup>;
  },
): Promise<PlannedFile> {
  const found = await compareExisting(file.path, file.content);
  if (found !== 'different') return { ...file, existing: found };
  const otherStores =
    options.storeName !== undefined && file.otherPins && !(options.storeName in file.otherPins)
      ? Object.keys(file.otherPins)
      : [];
  const other = otherStores.length > 0 ? { otherStores } : {};
  const state = options.described?.get(file.shown);
  if (!state) {
    // Another store's import made the file: adding this store's pin to it is no conflict.
    const onlyPinAdded =
      file.withoutPin !== undefined && (await compareExisting(file.path, file.withoutPin)) === 'same';
    return { ...file, ...other, existing: onlyPinAdded ? 'pin' : 'different' };
  }
  const text = readExistingText(file.path);
  if (text === undefined) return { ...file, ...other, existing: 'different' };
  const fields = differingFields(state, file.group, GROUP_FIELDS);
  const pin = {
    id: file.group.id,
    store: options.storeName,
    rules: { file: state.rulesInFileOrder, live: file.group.discount_rules },
  };
  if (fields.length === 0 && !(options.names?.byName && options.overwrite)) {
    const content = editGroupFile(text, file.content, { fields: [], ...pin });
    return { ...file, ...other, content, existing: content === text ? 'same' : 'pin', edited: true };
  }
  if (!options.overwrite) return { ...file, ...other, existing: fields.length === 0 ? 'same' : 'different', fields };
  // --by-name asks for names where the file holds ids: those fields are rewritten even where they mean the same.
  const rewritten = options.names?.byName ? writtenDifferently(text, file.content) : [];
  const edit = [...new Set([...fields, ...rewritten])];
  // Rewritten by name, the rules are written anew; otherwise they are merged rule by rule.
  const plain = { id: pin.id, store: pin.store };
  const content = editGroupFile(text, file.content, { fields: edit, ...(rewritten.length > 0 ? plain : pin) });
  return { ...file, ...other, content, existing: content === text ? 'same' : 'different', edited: true, fields };
}

/** The reference fields whose written form (ids or names) differs between two texts of one group. */
function writtenDifferently(text: string, rendered: string): FieldName[] {
  const yaml = loadYaml();
  const a = yaml.parse(text, QUIET) as Record<string, unknown> | null;
  const b = yaml.parse(rendered, QUIET) as Record<string, unknown> | null;
  return (['category_access', 'discount_rules'] as const).filter(
    (field) => JSON.stringify(a?.[field] ?? null) !== JSON.stringify(b?.[field] ?? null),
  );
}

/** Which files differ and how; for files another store's import wrote, the way to share them instead. */
function describeConflicts(conflicts: readonly PlannedFile[], storeName: string | undefined): string {
  const lines = conflicts.map((file) => {
    const how = file.fields?.length
      ? `${file.fields.join(', ')} differ${file.fields.length === 1 ? 's' : ''}`
      : 'differs';
    const from = file.otherStores?.length ? `written for ${file.otherStores.join(', ')}; ${storeName}'s group ` : '';
    return `  ${file.shown} (${from}${how})`;
  });
  const head = `Refusing to overwrite ${countOf(conflicts.length, 'existing file')}:\n${lines.join('\n')}\n`;
  const shared = conflicts.filter((file) => file.otherStores?.length);
  if (shared.length === 0 || storeName === undefined)
    return `${head}Re-run with --overwrite to write the store's values into them: only the differing fields change; references by name, rule order and comments elsewhere stay.`;
  const first = shared[0]?.otherStores?.[0] ?? 'production';
  return (
    `${head}These files describe ${first}'s groups; --overwrite would write ${storeName}'s values (and ids) over them.\n` +
    `Where only ids differ between the stores, write references by name once: \`bcgroups import --store ${first} --by-name --overwrite\`, ` +
    `then \`bcgroups import --store ${storeName}\` again: it adds its pins (id: {${storeName}: N}) and changes nothing else.\n` +
    `Where a group really differs, keep the file and see \`bcgroups plan --store ${storeName}\`, or give each store its own file (stores: [${storeName}]).`
  );
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
  return readExistingText(path) === content ? 'same' : 'different';
}

/** An existing file's text, read within the size limit of any file; a larger one differs from anything import writes. */
function readExistingText(path: string): string | undefined {
  let read: BoundedRead;
  try {
    read = readBounded(path);
  } catch (error) {
    throw new BcgroupsError(
      `Import cannot compare with the existing file: ${describeReadFault(error, path, 'a file')}.`,
    );
  }
  return read.kind === 'bytes' ? read.bytes.toString('utf8') : undefined;
}
