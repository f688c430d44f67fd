// groups/ -> checked, normalized DesiredGroups. Every problem of every file is collected before failing.
import path from 'node:path';
import { ValidationError, type Problem } from '../errors.js';
import type { ExcludedGroup, GroupFile, LoadedGroup } from '../model/index.js';
import { buildDesiredGroup, hashDesiredGroups } from './build.js';
import { listGroupFiles, readGroupFile } from './files.js';
import { lazyPositions, parseGroupYaml, readGroupYaml, type ParsedFile } from '../yaml/parse.js';
import { checkIgnoredNames } from './ignored-names.js';
import { checkGroupRules } from './rules.js';
import { checkGroupSchema } from './schema.js';
import { checkStorefrontRules } from './storefront-rules.js';
import { checkStoreRules } from './store-rules.js';
import { checkStoreKeys, isFileForStore, selectStoreGroups } from './stores.js';
import { compareText } from '../text/compare.js';

export interface DesiredState {
  /** References by name are resolved at plan time (src/references/), against the catalog. */
  groups: LoadedGroup[];
  /** Every group file found, as path.join(dir, relative path), sorted. */
  files: string[];
  /** sha256 hex of the loaded groups incl. pins; stable across file names and order. */
  hash: string;
  /** Once a store is picked (selectDesired): groups whose files are for other stores only. */
  excluded?: ExcludedGroup[];
}

export interface LoadOptions {
  /** What a relative dir is relative to (default: the process's cwd); messages keep dir as given. */
  cwd?: string;
  /** Every file through the exact parser, as the fast path must match it (tests compare the two). */
  exactOnly?: boolean;
  /** The store names of the config; none for a config of one store. */
  storeNames?: readonly string[];
  /** The config's ignore patterns: a file may not name a group they leave to another writer. */
  ignore?: readonly string[];
}

/** Loads and checks every group file below dir; throws ValidationError listing all problems. */
export async function loadDesired(dir: string, options: LoadOptions = {}): Promise<DesiredState> {
  const cwd = options.cwd ?? process.cwd();
  const root = path.resolve(cwd, dir);
  const storeNames = options.storeNames ?? [];
  const listing = await listGroupFiles(root, dir, cwd);
  if ('problem' in listing) throw new ValidationError([listing.problem]);
  const files = listing.files.map((relative) => path.join(dir, relative));
  // Synchronous reads: thousands of small files read faster in a plain loop than through the thread pool.
  const texts = listing.files.map((relative, index) =>
    readGroupFile(path.join(root, relative), files[index] ?? relative),
  );

  const problems: Problem[] = [...listing.problems];
  const parsedFiles: ParsedFile[] = [];
  const groups: LoadedGroup[] = [];
  files.forEach((file, index) => {
    const read = texts[index];
    if (!read) return;
    if ('problem' in read) {
      problems.push(read.problem);
      return;
    }
    const fast = options.exactOnly ? parseGroupYaml(file, read.text) : readGroupYaml(file, read.text);
    // A fast-path file with any problem is read again exactly, so its problems are the exact path's words.
    const checkFile = (parsed: ParsedFile) => [...checkGroupFile(parsed), ...checkStoreKeys(parsed, storeNames)];
    const fastProblems = 'parsed' in fast ? checkFile(fast.parsed) : [];
    const result = !('fast' in fast) || fastProblems.length === 0 ? fast : parseGroupYaml(file, read.text);
    if ('problems' in result) {
      problems.push(...result.problems);
      return;
    }
    const fileProblems = result === fast ? fastProblems : checkFile(result.parsed);
    // Kept for the store-wide rules with positions found lazily, so a clean file holds no position index.
    const parsed = {
      ...result.parsed,
      value: keepStoreWide(result.parsed.value),
      positions: lazyPositions(file, read.text),
    };
    parsedFiles.push(parsed);
    problems.push(...fileProblems);
    if (fileProblems.length === 0) groups.push(buildDesiredGroup(parsed, result.parsed.value as GroupFile));
  });
  problems.push(
    ...checkRulesPerStore(parsedFiles, storeNames),
    ...checkIgnoredNames(parsedFiles, options.ignore ?? []),
  );
  if (problems.length > 0) throw new ValidationError(sortProblems(problems));
  return withLazyHash({ groups, files });
}

/** The desired state of one store of several: its files only, and its own pins. */
export function selectDesired(state: DesiredState, storeName: string): DesiredState {
  const { groups, excluded } = selectStoreGroups(state.groups, storeName);
  return withLazyHash({ groups, files: state.files, excluded });
}

/**
 * The state with its hash worked out on first use, once: only a saved plan and its check read it, and
 * hashing every group costs validate and plan about a third of their time.
 */
function withLazyHash(state: Omit<DesiredState, 'hash'>): DesiredState {
  let hash: string | undefined;
  return {
    ...state,
    get hash() {
      hash ??= hashDesiredGroups(state.groups);
      return hash;
    },
  };
}

/**
 * The top-level fields the store-wide rules read (name, renamed_from, id, flags, stores): without the
 * rules and categories, ten thousand files' parsed rules are not all held until the end of the load.
 */
function keepStoreWide(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const { discount_rules: _rules, category_access: _access, ...storeWide } = value as Record<string, unknown>;
  return storeWide;
}

/** Names, pins and flags are unique per store: each store's files are checked on their own, a problem once. */
function checkRulesPerStore(files: readonly ParsedFile[], storeNames: readonly string[]): Problem[] {
  if (storeNames.length === 0) return checkStoreRules(files);
  const seen = new Set<string>();
  return storeNames
    .flatMap((name) =>
      checkStoreRules(
        files.filter((parsed) => isFileForStore(parsed.value, name)),
        `/id/${name}`,
      ),
    )
    .filter((problem) => {
      const key = `${problem.file}:${problem.line}:${problem.col}:${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Schema and rule problems together, so one broken rule does not hide another rule's problem. */
export function checkGroupFile(parsed: ParsedFile): Problem[] {
  const schemaProblems = checkGroupSchema(parsed);
  const ruleProblems = [
    ...checkGroupRules(parsed.file, rulesOf(parsed.value), parsed.positions),
    ...checkStorefrontRules(parsed.file, parsed.value, parsed.positions),
  ];
  const where = (problem: Problem) => `${problem.line}:${problem.col}:${problem.field}`;
  const reported = new Set(schemaProblems.map(where));
  return [...schemaProblems, ...ruleProblems.filter((problem) => !reported.has(where(problem)))];
}

/** Only what the rule checks can read safely from a file that may not match the schema. */
function rulesOf(value: unknown): GroupFile {
  const rules = value && typeof value === 'object' ? (value as { discount_rules?: unknown }).discount_rules : undefined;
  const readable = Array.isArray(rules)
    ? rules.map((rule: unknown) => (rule && typeof rule === 'object' && !Array.isArray(rule) ? rule : {}))
    : [];
  return { name: '', discount_rules: readable as GroupFile['discount_rules'] };
}

/** By file, line and column; problems at one place keep the order they were found in. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort(
      (a, b) =>
        compareText(a.problem.file, b.problem.file) ||
        a.problem.line - b.problem.line ||
        a.problem.col - b.problem.col ||
        a.order - b.order,
    )
    .map(({ problem }) => problem);
}
