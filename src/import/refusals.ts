// Which live groups import must not write: any whose file its own validate would refuse, and any that
// the tool cannot tell apart from another live group. Writing those would lose a group on the next prune.
import { checkGroupFile } from '../desired/index.js';
import { parseGroupYaml, type ParsedFile } from '../yaml/parse.js';
import { checkStoreRules } from '../desired/store-rules.js';
import type { LiveGroup } from '../model/index.js';
import { nameKey } from '../model/normalize.js';
import { describeNameDifference } from '../text/name-difference.js';

export interface RenderedGroup {
  group: LiveGroup;
  /** The path as shown to people, which validate would name in its problems. */
  shown: string;
  content: string;
}

export interface Refusal {
  id: number;
  name: string;
  reasons: string[];
}

/** Every group to leave unwritten, by id, with each reason; the others validate and plan clean together. */
export function findRefusals(rendered: readonly RenderedGroup[]): Map<number, Refusal> {
  const refusals = new Map<number, Refusal>();
  const refuse = (group: LiveGroup, reason: string) => {
    const refusal = refusals.get(group.id) ?? { id: group.id, name: group.name, reasons: [] };
    if (!refusal.reasons.includes(reason)) refusal.reasons.push(reason);
    refusals.set(group.id, refusal);
  };
  for (const members of groupBy(rendered, (item) => nameKey(item.group.name))) {
    for (const { group } of members) {
      for (const other of members.filter((item) => item.group !== group).map((item) => item.group)) {
        refuse(
          group,
          `its name '${group.name}' ${describeNameDifference(group.name, other.name)} the name '${other.name}' ` +
            `of live group ${other.id}; files compare names without case and after Unicode normalization ` +
            '(NFC), so one file would describe both',
        );
      }
    }
  }
  for (const members of groupBy(rendered, (item) => String(item.group.id))) {
    for (const { group } of members) refuse(group, `the store sent ${members.length} groups with id ${group.id}`);
  }
  for (const members of groupBy(rendered, (item) => item.shown)) {
    for (const { group } of members) refuse(group, `${members.length} groups would be written to ${members[0]?.shown}`);
  }
  const parsedFiles: ParsedFile[] = [];
  const groupOf = new Map<string, LiveGroup>();
  for (const item of rendered.filter((candidate) => !refusals.has(candidate.group.id))) {
    const result = parseGroupYaml(item.shown, item.content);
    const problems = 'problems' in result ? result.problems : checkGroupFile(result.parsed);
    for (const problem of problems)
      refuse(item.group, `its file would not validate: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`);
    if ('parsed' in result && problems.length === 0) {
      parsedFiles.push(result.parsed);
      groupOf.set(item.shown, item.group);
    }
  }
  for (const problem of checkStoreRules(parsedFiles)) {
    const group = groupOf.get(problem.file);
    if (group) refuse(group, `its file would not validate: ${problem.message}`);
  }
  return refusals;
}

/** The groups of two or more items that share a key. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const item of items) byKey.set(keyOf(item), [...(byKey.get(keyOf(item)) ?? []), item]);
  return [...byKey.values()].filter((members) => members.length > 1);
}
