// What each change does, as lines shared by the text and markdown renderings.
// The array diff alone: the package's index loads every one of its diff kinds (19 modules) at start.
import { diffArrays } from 'diff/lib/diff/array.js';
import {
  GROUP_FIELDS,
  type Change,
  type DiscountRule,
  type FieldName,
  type GroupState,
  type Plan,
} from '../model/index.js';
import { API_DEFAULTS, differingFields } from '../model/normalize.js';
import { describeRulePair, formatField, labelRuleLine, pairChangedRules, type Names, type RulePair } from './words.js';
import { count as countOf } from '../text/words.js';

export type Sign = '+' | '-' | '~' | ' ';

export interface DiffLine {
  sign: Sign;
  /** Nesting below the field level: rules sit at depth 1. */
  depth: number;
  text: string;
}

/** Scalar changes as one "~ a -> b" line (terminal) or a "-"/"+" pair (markdown diff blocks). */
export type ScalarStyle = 'arrow' | 'split';

export const ACTION_SIGN: Record<Change['action'], Sign> = { create: '+', update: '~', delete: '-' };

export function isRelease(change: Change): boolean {
  return change.action === 'update' && change.kind === 'swap_release';
}

/** "create Guests", "update Retail (id 12)", "flag release of A (id 1)", "delete Old (id 31)". */
export function labelOf(change: Change): string {
  if (change.action === 'create') return `create ${change.name}`;
  if (isRelease(change)) return `flag release of ${change.name} (id ${change.id})`;
  return `${change.action} ${change.name} (id ${change.id})`;
}

/** Labels of what a change waits for, by key, for "waits for:" lines. */
export function dependencyLabels(change: Change, plan: Pick<Plan, 'changes'>): string[] {
  return change.depends_on.map((key) => {
    const dependency = plan.changes.find((c) => c.key === key);
    return dependency ? labelOf(dependency) : key;
  });
}

export function changeLines(change: Change, style: ScalarStyle, names?: Names): DiffLine[] {
  if (change.action === 'delete') return removedGroupLines(change.before, names);
  if (change.action === 'create') {
    const fields = Object.keys(change.body).filter((field) => field !== 'name') as FieldName[];
    return fields.flatMap((field) => wholeFieldLines(field, change.after, '+', names));
  }
  return change.fields.flatMap((field) => changedFieldLines(field, change.before, change.after, style, names));
}

/** What a delete loses: the name and every field not at the API's default, so a reviewer sees it all. */
function removedGroupLines(before: GroupState, names: Names): DiffLine[] {
  const fields = differingFields(before, { ...API_DEFAULTS, name: before.name }, GROUP_FIELDS);
  return (['name', ...fields] as FieldName[]).flatMap((field) => wholeFieldLines(field, before, '-', names));
}

function wholeFieldLines(field: FieldName, state: GroupState, sign: '+' | '-', names: Names): DiffLine[] {
  if (field !== 'discount_rules') return [{ sign, depth: 0, text: `${field}: ${formatField(field, state, names)}` }];
  return [
    { sign, depth: 0, text: 'discount_rules:' },
    ...state.discount_rules.map((rule) => ({ sign, depth: 1, text: labelRuleLine(rule, names) })),
  ];
}

function changedFieldLines(
  field: FieldName,
  before: GroupState,
  after: GroupState,
  style: ScalarStyle,
  names: Names,
): DiffLine[] {
  if (field === 'discount_rules') return ruleDiffLines(before, after, names);
  const [from, to] = [formatField(field, before, names), formatField(field, after, names)];
  if (style === 'arrow') return [{ sign: '~', depth: 0, text: `${field}: ${from} -> ${to}` }];
  return [
    { sign: '-', depth: 0, text: `${field}: ${from}` },
    { sign: '+', depth: 0, text: `${field}: ${to}` },
  ];
}

/** A line diff of the rule lists (in canonical order, so only real changes show). */
function ruleDiffLines(before: GroupState, after: GroupState, names: Names): DiffLine[] {
  const lines: DiffLine[] = [{ sign: ' ', depth: 0, text: 'discount_rules:' }];
  // A name is a function of its id, so labelled lines differ exactly where the rules do.
  const label = (rule: DiscountRule) => labelRuleLine(rule, names);
  const parts = diffArrays(before.discount_rules.map(label), after.discount_rules.map(label));
  for (const part of parts) {
    const sign: Sign = part.added ? '+' : part.removed ? '-' : ' ';
    for (const text of part.value) lines.push({ sign, depth: 1, text });
  }
  if (after.discount_rules.length === 0) lines.push({ sign: '+', depth: 1, text: '(no rules)' });
  return lines;
}

/** The rule changes of an update (or the rules a delete loses) in words; empty when no rule changes. */
export function ruleWords(change: Change, names?: Names): string[] {
  const describe = (pair: RulePair) => describeRulePair(pair, names);
  if (change.action === 'delete') return pairChangedRules(change.before.discount_rules, []).map(describe);
  if (change.action !== 'update' || !change.fields.includes('discount_rules')) return [];
  return pairChangedRules(change.before.discount_rules, change.after.discount_rules).map(describe);
}

export function formatSummaryLine(summary: Plan['summary']): string {
  const ignored = summary.ignored === undefined ? '' : `, ${summary.ignored} ignored (the config's ignore)`;
  const writes = `${summary.create} to create, ${summary.update} to update, ${summary.delete} to delete`;
  return `Plan: ${writes}, ${summary.unchanged} unchanged, ${summary.unmanaged} unmanaged${ignored}.`;
}

/** Writes are one per change; apply also lists the groups once before writing and once to confirm. */
/** One write per change, and a merge's moves of 10 customers a request on top (uncounted members add none). */
export function countWriteRequests(plan: Pick<Plan, 'changes'>): number {
  return plan.changes.reduce(
    (sum, change) =>
      sum + 1 + (change.action === 'delete' && change.merge_into ? Math.ceil((change.customers ?? 0) / 10) : 0),
    0,
  );
}

export function formatRequestCount(writes: number): string {
  return (
    `Apply will send ${countOf(writes, 'write request')}, plus 2 reads of the group ` +
    'list (one before writing, one to confirm).'
  );
}
