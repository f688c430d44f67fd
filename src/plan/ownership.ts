// Other writers' groups: the config's ignore patterns take live groups out of the plan altogether, and its
// protect patterns refuse deleting or renaming a group, --force included. Pure: names, patterns and changes.
import { PlanError, type Problem } from '../errors.js';
import {
  HOLDER_FLAGS,
  type Change,
  type DesiredGroup,
  type LiveGroup,
  type OwnershipRefusal,
  type PlanOwnership,
} from '../model/index.js';
import { nameKey } from '../model/normalize.js';
import { findMatchingPattern } from '../text/glob.js';
import { count } from '../text/words.js';

export interface IgnoredGroup {
  group: LiveGroup;
  pattern: string;
}

/** The live groups bcgroups may plan for, and those an ignore pattern leaves to another writer. */
export function splitIgnored(
  liveGroups: readonly LiveGroup[],
  ignore: readonly string[],
): { kept: LiveGroup[]; ignored: IgnoredGroup[] } {
  const kept: LiveGroup[] = [];
  const ignored: IgnoredGroup[] = [];
  for (const group of liveGroups) {
    const pattern = ignore.length === 0 ? undefined : findMatchingPattern(ignore, group.name);
    if (pattern === undefined) kept.push(group);
    else ignored.push({ group, pattern });
  }
  return { kept, ignored };
}

/**
 * Throws a PlanError when a file would reach an ignored group anyway: a pin to it, its name or an earlier
 * name spelt another way (the store may count names alike), or a guest or default flag it holds, which no
 * request can move without writing it.
 */
export function refuseIgnoredReaches(desiredGroups: readonly DesiredGroup[], ignored: readonly IgnoredGroup[]): void {
  if (ignored.length === 0) return;
  const byId = new Map(ignored.map((entry) => [entry.group.id, entry]));
  const byName = new Map(ignored.map((entry) => [nameKey(entry.group.name), entry]));
  const problems: Problem[] = [];
  for (const desired of desiredGroups) {
    const pinned = desired.id === undefined ? undefined : byId.get(desired.id);
    if (pinned) problems.push(problemAt(desired, 'id', `pins id ${desired.id}, ${describeIgnored(pinned)}`));
    const named = byName.get(nameKey(desired.name));
    if (named && named !== pinned)
      problems.push(problemAt(desired, 'name', `name '${desired.name}' is the name of ${describeIgnored(named)}`));
    for (const earlier of desired.renamed_from ?? []) {
      const renamed = byName.get(nameKey(earlier));
      if (renamed) problems.push(problemAt(desired, 'renamed_from', `renames ${describeIgnored(renamed)}`));
    }
    for (const flag of HOLDER_FLAGS) {
      const holder = desired[flag] ? ignored.find((entry) => entry.group[flag]) : undefined;
      if (!holder) continue;
      problems.push({
        ...problemAt(
          desired,
          flag,
          `sets ${flag}, but ${describeIgnored(holder)}, holds it: the store has one such group, and bcgroups ` +
            'cannot move the flag without writing that group',
        ),
        hint: `Move the flag where the other writer keeps it (or in the control panel), or drop ${flag} here.`,
      });
    }
  }
  if (problems.length > 0)
    throw new PlanError(`${count(problems.length, 'problem')}: group files reach groups the config ignores`, problems);
}

/** Every change that deletes or renames a protected group, or touches an ignored one at all. */
export function checkOwnership(changes: readonly Change[], rules: PlanOwnership): OwnershipRefusal[] {
  const refusals: OwnershipRefusal[] = [];
  const refuse = (
    change: Change,
    check: OwnershipRefusal['check'],
    action: OwnershipRefusal['action'],
    pattern: string,
  ) =>
    refusals.push({
      check,
      action,
      key: change.key,
      id: change.id,
      name: change.action === 'create' ? change.after.name : change.before.name,
      pattern,
      config_file: rules.config_file,
      override: null,
    });
  for (const change of changes) {
    const names = change.action === 'create' ? [change.after.name] : [change.before.name];
    if (change.action === 'update') names.push(change.after.name);
    const ignoredBy = names.map((name) => findMatchingPattern(rules.ignore, name)).find((found) => found);
    if (ignoredBy !== undefined) {
      refuse(change, 'ignore', 'write', ignoredBy);
      continue;
    }
    if (change.action === 'create') continue;
    const protectedBy = findMatchingPattern(rules.protect, change.before.name);
    if (protectedBy === undefined) continue;
    if (change.action === 'delete') refuse(change, 'protect', 'delete', protectedBy);
    else if (change.fields.includes('name')) refuse(change, 'protect', 'rename', protectedBy);
  }
  return refusals;
}

function describeIgnored({ group, pattern }: IgnoredGroup): string {
  const owner = `which the config's ignore pattern '${pattern}' leaves to another writer`;
  return `live group ${group.id} ('${group.name}'), ${owner}`;
}

function problemAt(desired: DesiredGroup, field: string, message: string): Problem {
  const position = desired.source.positions[`/${field}`] ?? desired.source;
  return {
    file: desired.source.file,
    line: position.line,
    col: position.col,
    field,
    message,
    hint: 'bcgroups never writes a group the config ignores: change this file, or remove the pattern from ignore.',
  };
}
