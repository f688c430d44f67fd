// A saved plan is read from a file anyone could have edited: before it is trusted, it must be exactly what
// the planner would have written for the states it records. Every body is recomputed from before/after,
// and the summary, the lists, the keys, the graph and the recorded live states must all agree.
import { BcgroupsError } from '../errors.js';
import {
  HOLDER_FLAGS,
  type Change,
  type DeleteChange,
  type GroupState,
  type HolderFlag,
  type SavedPlan,
  type UpdateChange,
} from '../model/index.js';
import { canonicalJson, fingerprint, normalizeAccess, normalizeRules } from '../model/normalize.js';
import { summarize } from '../plan/create-plan.js';
import { bodyOf, updateFields } from '../plan/diff.js';
import { findGraphProblems } from '../plan/graph.js';
import { changeKey } from '../plan/key.js';
import { findHolderProblems, type GroupSteps } from './holder-steps.js';
import { findMergeProblems } from './merges.js';

/** Throws a BcgroupsError (exit 1) naming every inconsistency of the file; nothing has been sent yet. */
export function checkConsistent(saved: SavedPlan, file: string): void {
  const problems = findInconsistencies(saved);
  if (problems.length === 0) return;
  throw new BcgroupsError(
    `${file} is not a plan bcgroups wrote, or was edited since; nothing was sent:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nRe-create it with \`bcgroups plan --out ${file}\` and review the new plan.`,
  );
}

/** Every way the file disagrees with itself, each naming the change key where there is one. */
export function findInconsistencies(saved: SavedPlan): string[] {
  const { changes } = saved.plan;
  const problems = changes.flatMap(findChangeProblems);
  const graph = findGraphProblems(changes);
  problems.push(...graph);
  const steps = collectSteps(changes, problems);
  problems.push(
    ...findLiveProblems(saved, steps),
    ...findListProblems(saved),
    ...findMergeProblems(changes),
    ...findStorefrontKeyProblems(saved),
  );
  // Holder steps follow the dependencies, so they are only meaningful on a whole graph.
  if (graph.length === 0) problems.push(...findHolderProblems(changes, steps));
  return problems;
}

/** A storefront change waits only for changes of the plan, and each key appears once. */
function findStorefrontKeyProblems(saved: SavedPlan): string[] {
  const storefront = saved.plan.storefront?.changes ?? [];
  const keys = new Set([...saved.plan.changes, ...storefront].map((change) => change.key));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const change of storefront) {
    if (seen.has(change.key)) problems.push(`change '${change.key}' appears twice`);
    seen.add(change.key);
    for (const key of change.depends_on)
      if (!keys.has(key)) problems.push(`change '${change.key}' depends on '${key}', which the plan does not have`);
  }
  return problems;
}

function findChangeProblems(change: Change): string[] {
  const problems: string[] = [];
  const at = `change '${change.key}'`;
  const key = expectedKey(change);
  if (change.key !== key)
    problems.push(
      `${at}: its key should be '${key}' for a ${change.action}${change.action === 'create' ? '' : ` of id ${change.id}`}`,
    );
  const shown = change.action === 'delete' ? change.before.name : change.after.name;
  if (change.name !== shown) problems.push(`${at}: it is shown as '${change.name}', but the group is named '${shown}'`);
  for (const [label, state] of statesOf(change)) {
    if (!isNormalized(state))
      problems.push(`${at}: its ${label} is not in canonical form (rules in order, categories sorted and unique)`);
  }
  if (change.action === 'update') problems.push(...findUpdateProblems(change, at));
  const expected = bodyOf(change);
  if (canonicalJson(change.body) !== canonicalJson(expected))
    problems.push(`${at}: ${describeBodyMismatch(change.body, expected)}`);
  return problems;
}

function findUpdateProblems(change: UpdateChange, at: string): string[] {
  const fields = updateFields(change.before, change.after);
  if (fields.length === 0) return [`${at}: its before and after are the same, so it changes nothing`];
  const problems: string[] = [];
  if (canonicalJson([...change.fields].sort()) !== canonicalJson([...fields].sort())) {
    problems.push(
      `${at}: it lists fields [${change.fields.join(', ')}], but before and after differ in [${fields.join(', ')}]`,
    );
  }
  const releases = fields.every(
    (field) => (HOLDER_FLAGS as readonly string[]).includes(field) && change.before[field as HolderFlag],
  );
  if (change.kind !== 'edit' && !releases) {
    problems.push(
      `${at}: a flag release (or a change of a group no file describes) may only clear guest/default flags, but it changes [${fields.join(', ')}]`,
    );
  }
  return problems;
}

/** The key the planner gives a change of this group and kind; a create is keyed by the name it creates. */
function expectedKey(change: Change): string {
  return changeKey(change.action === 'create' ? { action: 'create', name: change.after.name } : change);
}

function statesOf(change: Change): Array<[string, GroupState]> {
  if (change.action === 'create') return [['after', change.after]];
  if (change.action === 'delete') return [['before', change.before]];
  return [
    ['before', change.before],
    ['after', change.after],
  ];
}

function isNormalized(state: GroupState): boolean {
  const normalized = {
    ...state,
    category_access: normalizeAccess(state.category_access),
    discount_rules: normalizeRules(state.discount_rules),
  };
  return canonicalJson(normalized) === canonicalJson(state);
}

function describeBodyMismatch(body: object, expected: object): string {
  const sent = new Map(Object.entries(body));
  const implied = new Map(Object.entries(expected));
  const extra = [...sent.keys()].filter((field) => !implied.has(field));
  const missing = [...implied.keys()].filter((field) => !sent.has(field));
  const differing = [...sent.keys()].filter(
    (field) => implied.has(field) && canonicalJson(sent.get(field)) !== canonicalJson(implied.get(field)),
  );
  const parts = [
    extra.length > 0 ? `sends ${extra.join(', ')}, which its before/after do not change` : '',
    missing.length > 0 ? `leaves out ${missing.join(', ')}, which its before/after change` : '',
    differing.length > 0 ? `sends ${differing.join(', ')} with other values than its after` : '',
  ];
  return `its body ${parts.filter(Boolean).join('; ')}`;
}

/**
 * The changes of each live group, first to last. A group has one change, or a flag release followed by the
 * update that starts from the released state; anything else is reported and left out of later checks.
 */
function collectSteps(changes: readonly Change[], problems: string[]): GroupSteps[] {
  const byId = new Map<number, Array<UpdateChange | DeleteChange>>();
  const steps: GroupSteps[] = [];
  for (const change of changes) {
    if (change.action === 'create') steps.push({ group: change.after.name, changes: [change] });
    else byId.set(change.id, [...(byId.get(change.id) ?? []), change]);
  }
  for (const [id, group] of byId) {
    const chain = orderChain(group);
    if (chain) steps.push({ id, group: chain[0]?.before.name ?? String(id), changes: chain });
    else
      problems.push(
        `group ${id}: changes ${group.map((change) => `'${change.key}'`).join(', ')} cannot all apply to one group (one change, or a flag release and then its update)`,
      );
  }
  return steps;
}

function orderChain(group: Array<UpdateChange | DeleteChange>): Array<UpdateChange | DeleteChange> | undefined {
  if (group.length === 1) return group;
  // A merged group may give its flag away first, to the new group its customers then move into.
  const merge = group.find((change) => change.action === 'delete' && change.merge_into);
  const handover = group.find((change) => change.action === 'update' && change.kind === 'unmanaged_release');
  if (group.length === 2 && merge && handover?.action === 'update')
    return canonicalJson(merge.before) === canonicalJson(handover.after) ? [handover, merge] : undefined;
  const release = group.find((change) => change.action === 'update' && change.kind === 'swap_release');
  const update = group.find((change) => change.action === 'update' && change.kind === 'edit');
  if (group.length !== 2 || !release || !update || release.action !== 'update') return undefined;
  return canonicalJson(update.before) === canonicalJson(release.after) ? [release, update] : undefined;
}

/** The recorded live states: one per touched group, each the `before` of its first change. */
function findLiveProblems(saved: SavedPlan, steps: readonly GroupSteps[]): string[] {
  const problems: string[] = [];
  const touched = new Set<string>();
  for (const { id, changes } of steps) {
    const first = changes[0];
    if (id === undefined || !first || first.action === 'create') continue;
    touched.add(String(id));
    const recorded = saved.live[String(id)];
    if (!recorded)
      problems.push(`change '${first.key}': no live state of group ${id} is recorded, so its before cannot be trusted`);
    else if (recorded.fingerprint !== fingerprint(first.before))
      problems.push(`change '${first.key}': its before is not the live state recorded for group ${id}`);
  }
  for (const id of Object.keys(saved.live)) {
    if (!touched.has(id)) problems.push(`a live state is recorded for group ${id}, which no change touches`);
  }
  return problems;
}

/** The summary and the unchanged/unmanaged lists, against the changes. */
function findListProblems(saved: SavedPlan): string[] {
  const { changes, unchanged, unmanaged, summary } = saved.plan;
  const problems: string[] = [];
  // How many groups an ignore pattern left out is a fact of the store, not of the changes: taken as recorded.
  const ignored = summary.ignored === undefined ? {} : { ignored: summary.ignored };
  const counted = { ...summarize(changes, unchanged.length, unmanaged.length), ...ignored };
  if (canonicalJson(summary) !== canonicalJson(counted)) {
    problems.push(
      `the summary says ${describeSummary(summary)}, but the changes and lists make ${describeSummary(counted)}`,
    );
  }
  const touchedBy = new Map<number, Change[]>();
  for (const change of changes)
    if (change.action !== 'create') touchedBy.set(change.id, [...(touchedBy.get(change.id) ?? []), change]);
  const listed = new Set<number>();
  for (const [list, refs] of [
    ['unchanged', unchanged],
    ['unmanaged', unmanaged],
  ] as const) {
    for (const ref of refs) {
      if (listed.has(ref.id))
        problems.push(`group ${ref.id} ('${ref.name}') is listed twice among the unchanged and unmanaged groups`);
      listed.add(ref.id);
      const touching = (touchedBy.get(ref.id) ?? []).filter(
        (change) => list === 'unchanged' || change.action !== 'update' || change.kind !== 'unmanaged_release',
      );
      for (const change of touching) problems.push(`change '${change.key}': group ${ref.id} is also listed as ${list}`);
    }
  }
  const unmanagedIds = new Set(unmanaged.map((ref) => ref.id));
  for (const change of changes) if (change.action === 'delete' && change.merge_into) unmanagedIds.add(change.id);
  for (const change of changes) {
    if (change.action === 'update' && change.kind === 'unmanaged_release' && !unmanagedIds.has(change.id))
      problems.push(
        `change '${change.key}': it touches a group no file describes, but group ${change.id} is not listed as unmanaged`,
      );
  }
  // A merge deletes without prune; any other delete comes from pruning, which leaves nothing unmanaged.
  const deletes = changes.filter((change) => change.action === 'delete' && !change.merge_into);
  if (deletes.length > 0 && unmanaged.length > 0)
    problems.push(`change '${deletes[0]?.key}': a plan that deletes (pruned) cannot also leave groups unmanaged`);
  return problems;
}

function describeSummary(summary: SavedPlan['plan']['summary']): string {
  return `${summary.create} create, ${summary.update} update, ${summary.delete} delete, ${summary.unchanged} unchanged, ${summary.unmanaged} unmanaged`;
}
