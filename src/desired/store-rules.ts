// Rules across files: what must be unique in the store. Each problem names every file involved, and
// the checks read raw values defensively so they also run on files with schema errors. The planner relies
// on these: it is never given two groups that claim the same single-holder flag.
import { clipQuoted } from '../text/clip.js';
import type { Problem } from '../errors.js';
import { HOLDER_FLAGS, type HolderFlag } from '../model/index.js';
import { clashesByNormalization, nameKey } from '../model/normalize.js';
import type { ParsedFile } from '../yaml/parse.js';
import { locate, toFieldPath, valueAt } from '../schema/pointer.js';
import { checkChannelRoles } from './storefront-rules.js';

/** How many other files a message names before "and N more": any number of clashes stays linear. */
export const MAX_LISTED_FILES = 5;

interface Claim {
  parsed: ParsedFile;
  pointer: string;
}

/** The rules of one store's files; `idPointer` is where a file pins its group in that store. */
export function checkStoreRules(files: readonly ParsedFile[], idPointer = '/id'): Problem[] {
  return [
    ...checkUnique(
      files,
      '/name',
      (value) => (typeof value === 'string' ? nameKey(value) : undefined),
      (value, others, otherValues) => ({
        message: `name '${clipQuoted(value)}' is also used by ${others} (${describeNameRule(value, otherValues)})`,
        hint: 'group names are unique in a store; rename one of them',
      }),
    ),
    ...checkUnique(
      files,
      idPointer,
      (value) => (Number.isInteger(value) ? String(value) : undefined),
      (value, others) => ({
        message: `id ${value} is also pinned by ${others}`,
        hint: 'an id pins one file to one live group; remove the id from all but one file',
      }),
    ),
    ...HOLDER_FLAGS.flatMap((flag) => checkSingleHolder(files, flag)),
    ...checkEarlierNames(files),
    ...checkMergedNames(files),
    ...checkChannelRoles(files),
  ];
}

/**
 * A merged group is a live group that goes away: not a group of groups/ (this one included), not an earlier
 * name a file renames, and merged into one group only, or its customers would have two places to go.
 */
function checkMergedNames(files: readonly ParsedFile[]): Problem[] {
  const byName = new Map<string, ParsedFile>();
  const earlier = new Map<string, ParsedFile>();
  for (const parsed of files) {
    const name = valueAt(parsed.value, '/name');
    if (typeof name === 'string') byName.set(nameKey(name), parsed);
    const renamed = valueAt(parsed.value, '/renamed_from');
    if (Array.isArray(renamed))
      for (const old of renamed) if (typeof old === 'string') earlier.set(nameKey(old), parsed);
  }
  const claimed = new Map<string, ParsedFile>();
  const problems: Problem[] = [];
  for (const parsed of files) {
    const merged = valueAt(parsed.value, '/merged_from');
    if (!Array.isArray(merged)) continue;
    merged.forEach((name, index) => {
      if (typeof name !== 'string') return;
      const claim = claimProblem({ parsed, pointer: `/merged_from/${index}` });
      const key = nameKey(name);
      const named = byName.get(key);
      const renamedBy = earlier.get(key);
      const other = claimed.get(key);
      if (named === parsed) {
        problems.push({ ...claim, message: `'${clipQuoted(name)}' is this group's own name`, hint: MERGED_HINT });
      } else if (named) {
        const where = describeClaim({ parsed: named, pointer: '/name' });
        problems.push({
          ...claim,
          message: `'${clipQuoted(name)}' is the name of ${where}, a group of its own`,
          hint: MERGED_HINT,
        });
      } else if (renamedBy) {
        const where = describeClaim({ parsed: renamedBy, pointer: '/renamed_from' });
        problems.push({
          ...claim,
          message: `'${clipQuoted(name)}' is also an earlier name in ${where}: renamed or merged, not both`,
          hint: 'keep it in renamed_from or in merged_from',
        });
      } else if (other) {
        const where = describeClaim({ parsed: other, pointer: '/merged_from' });
        problems.push({
          ...claim,
          message: `'${clipQuoted(name)}' is also merged by ${where}`,
          hint: "a group's customers move into one group; keep it in one file",
        });
      }
      claimed.set(key, parsed);
    });
  }
  return problems;
}

const MERGED_HINT = 'merged_from names live groups that no file describes; they are deleted once their customers move';

/** An earlier name must not be a group of its own, nor an earlier name of another file: which one would it rename? */
function checkEarlierNames(files: readonly ParsedFile[]): Problem[] {
  const byName = new Map<string, ParsedFile>();
  for (const parsed of files) {
    const name = valueAt(parsed.value, '/name');
    if (typeof name === 'string') byName.set(nameKey(name), parsed);
  }
  const claimed = new Map<string, ParsedFile>();
  const problems: Problem[] = [];
  for (const parsed of files) {
    const earlier = valueAt(parsed.value, '/renamed_from');
    if (!Array.isArray(earlier)) continue;
    earlier.forEach((name, index) => {
      if (typeof name !== 'string') return;
      const claim = { parsed, pointer: `/renamed_from/${index}` };
      const named = byName.get(nameKey(name));
      const other = claimed.get(nameKey(name));
      if (named && named !== parsed) {
        problems.push({
          ...claimProblem(claim),
          message: `'${clipQuoted(name)}' is the name of ${describeClaim({ parsed: named, pointer: '/name' })}, so it cannot be a name this group had`,
          hint: 'remove it from renamed_from, or rename the other group',
        });
      } else if (named === parsed) {
        problems.push({
          ...claimProblem(claim),
          message: `'${clipQuoted(name)}' is this group's own name`,
          hint: 'renamed_from lists earlier names only',
        });
      } else if (other && other !== parsed) {
        problems.push({
          ...claimProblem(claim),
          message: `'${clipQuoted(name)}' is also an earlier name in ${describeClaim({ parsed: other, pointer: '/renamed_from' })}`,
          hint: 'one group can take over an old name; keep it in one file',
        });
      }
      claimed.set(nameKey(name), parsed);
    });
  }
  return problems;
}

const HOLDER_ROLES: Record<HolderFlag, string> = { is_group_for_guests: 'guest group', is_default: 'default group' };

function checkUnique(
  files: readonly ParsedFile[],
  pointer: string,
  keyOf: (value: unknown) => string | undefined,
  describe: (value: string, others: string, otherValues: string[]) => { message: string; hint: string },
): Problem[] {
  const claims = new Map<string, Claim[]>();
  for (const parsed of files) {
    const key = keyOf(valueAt(parsed.value, pointer));
    if (key === undefined) continue;
    const holders = claims.get(key);
    if (holders) holders.push({ parsed, pointer });
    else claims.set(key, [{ parsed, pointer }]);
  }
  const problems: Problem[] = [];
  for (const [key, holders] of claims) {
    if (holders.length < 2) continue;
    // Two spellings (ignoring case) tell whether any holder has another: the others' values stay linear.
    const spellings: string[] = [];
    for (const holder of holders) {
      const spelling = String(valueAt(holder.parsed.value, pointer)).toLowerCase();
      if (!spellings.includes(spelling)) spellings.push(spelling);
      if (spellings.length === 2) break;
    }
    for (const holder of holders) {
      const others = listClaims(holders, holder);
      const shown = valueAt(holder.parsed.value, pointer);
      const own = String(shown).toLowerCase();
      const otherValues = spellings.filter((spelling) => spelling !== own);
      problems.push({
        ...claimProblem(holder),
        ...describe(typeof shown === 'string' ? shown : key, others, otherValues),
      });
    }
  }
  return problems;
}

function describeNameRule(name: string, others: readonly string[]): string {
  return clashesByNormalization(name, others)
    ? 'names are compared as they read: without case, and after Unicode normalization (NFKC: full-width and other look-alike forms count as their plain letters)'
    : 'names are compared without case';
}

function checkSingleHolder(files: readonly ParsedFile[], flag: HolderFlag): Problem[] {
  const pointer = `/${flag}`;
  const holders = files
    .filter((parsed) => valueAt(parsed.value, pointer) === true)
    .map((parsed) => ({ parsed, pointer }));
  if (holders.length < 2) return [];
  const all = listClaims(holders);
  return holders.map((holder) => ({
    ...claimProblem(holder),
    message: `${holders.length} files set ${flag}: true (${all}); a store has one ${HOLDER_ROLES[flag]}`,
    hint: `keep ${flag}: true in one file only`,
  }));
}

/** The first few claims but `except`, then how many more: "a.yaml:2, b.yaml:2 and 3,996 more". */
function listClaims(claims: readonly Claim[], except?: Claim): string {
  const listed: string[] = [];
  for (const claim of claims) {
    if (listed.length === MAX_LISTED_FILES) break;
    if (claim !== except) listed.push(describeClaim(claim));
  }
  const more = claims.length - (except ? 1 : 0) - listed.length;
  return more > 0 ? `${listed.join(', ')} and ${more.toLocaleString('en-US')} more` : listed.join(', ');
}

function claimProblem({ parsed, pointer }: Claim): Omit<Problem, 'message'> {
  return { file: parsed.file, ...locate(parsed.positions, pointer), field: toFieldPath(pointer) };
}

function describeClaim({ parsed, pointer }: Claim): string {
  return `${parsed.file}:${locate(parsed.positions, pointer).line}`;
}
