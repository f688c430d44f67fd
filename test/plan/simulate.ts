// Runs a plan against an in-memory store, request by request, in an order its depends_on allows, under
// both ways the API may treat a second guest/default holder. The strongest check of a plan: no step ever
// leaves two holders, every request succeeds, and the end state is the desired state.
import * as assert from 'uvu/assert';
import type { Change, DesiredGroup, GroupBody, GroupState, LiveGroup, Plan } from '../../src/model/index.js';
import { API_DEFAULTS, canonicalJson, normalizeAccess, normalizeRules, pickState } from '../../src/model/normalize.js';
import { createPlan, HOLDER_FLAGS } from '../../src/plan/index.js';

/** 'strict': a second holder is refused; 'move': setting the flag silently takes it from the old holder. */
export type ApiBehaviour = 'strict' | 'move';
/** Which ready change runs next: the first listed, or the last (a hostile but legal order). */
export type ReadyPick = 'first' | 'last';

export interface Simulation {
  groups: LiveGroup[];
  violations: string[];
  order: string[];
}

export function simulatePlan(
  plan: Pick<Plan, 'changes'>,
  liveGroups: readonly LiveGroup[],
  behaviour: ApiBehaviour,
  pick: ReadyPick = 'first',
): Simulation {
  const store = new Map(liveGroups.map((group) => [group.id, structuredClone(group)]));
  let nextId = Math.max(0, ...liveGroups.map((group) => group.id)) + 1;
  const violations: string[] = [];
  const order: string[] = [];
  const keys = new Set(plan.changes.map((change) => change.key));
  for (const change of plan.changes) {
    for (const dependency of change.depends_on)
      if (!keys.has(dependency)) violations.push(`${change.key} depends on unknown ${dependency}`);
  }
  const done = new Set<string>();
  let pending = [...plan.changes];
  while (pending.length > 0) {
    const ready = pending.filter((change) => change.depends_on.every((key) => done.has(key) || !keys.has(key)));
    const next = pick === 'first' ? ready[0] : ready.at(-1);
    if (!next) {
      violations.push(`dependency cycle among ${pending.map((c) => c.key).join(', ')}`);
      break;
    }
    pending = pending.filter((change) => change !== next);
    order.push(next.key);
    const error = sendRequest(store, next, behaviour, () => nextId++);
    if (error) violations.push(`${next.key}: ${error}`);
    done.add(next.key);
    for (const flag of HOLDER_FLAGS) {
      const holders = [...store.values()].filter((group) => group[flag]);
      if (holders.length > 1) violations.push(`after ${next.key}: ${holders.length} groups hold ${flag}`);
    }
  }
  return { groups: [...store.values()], violations, order };
}

/** One request as the store would treat it; returns why it was refused, if it was. */
function sendRequest(
  store: Map<number, LiveGroup>,
  change: Change,
  behaviour: ApiBehaviour,
  newId: () => number,
): string | undefined {
  if (change.action === 'delete') {
    if (!store.delete(change.id)) return 'no such group';
    return undefined;
  }
  const current = change.action === 'create' ? undefined : store.get(change.id);
  if (change.action === 'update' && !current) return 'no such group';
  const id = current?.id ?? newId();
  const name = change.body.name;
  if (name !== undefined && [...store.values()].some((group) => group.name === name && group.id !== id))
    return `duplicate name '${name}'`;
  for (const flag of HOLDER_FLAGS) {
    if (change.body[flag] !== true) continue;
    const others = [...store.values()].filter((group) => group[flag] && group.id !== id);
    if (others.length === 0) continue;
    if (behaviour === 'strict') return `refused: group ${others[0]?.id} already holds ${flag}`;
    for (const other of others) other[flag] = false;
  }
  const base: LiveGroup = current ?? {
    id,
    name: change.body.name ?? '',
    ...structuredClone(API_DEFAULTS),
    date_created: 'now',
    date_modified: 'now',
  };
  store.set(id, { ...base, ...applyBody(base, change.body), date_modified: 'later' });
  return undefined;
}

function applyBody(state: GroupState, body: GroupBody): GroupState {
  return {
    name: body.name ?? state.name,
    is_default: body.is_default ?? state.is_default,
    is_group_for_guests: body.is_group_for_guests ?? state.is_group_for_guests,
    category_access: body.category_access ? normalizeAccess(body.category_access) : state.category_access,
    discount_rules: body.discount_rules ? normalizeRules(body.discount_rules) : state.discount_rules,
  };
}

/** Differences between the simulated end state and what groups/ (and the unmanaged rule) ask for. */
export function checkEndState(
  groups: readonly LiveGroup[],
  desiredGroups: readonly DesiredGroup[],
  liveGroups: readonly LiveGroup[],
  prune: boolean,
): string[] {
  const problems: string[] = [];
  const described = new Set<number>();
  for (const want of desiredGroups) {
    const got = groups.find((group) => (want.id === undefined ? group.name === want.name : group.id === want.id));
    if (!got) {
      problems.push(`${want.name} is missing`);
      continue;
    }
    described.add(got.id);
    if (canonicalJson(pickState(got)) !== canonicalJson(pickState(want)))
      problems.push(`${want.name} is ${canonicalJson(pickState(got))}`);
  }
  for (const group of groups.filter((g) => !described.has(g.id))) {
    const original = liveGroups.find((g) => g.id === group.id);
    if (!original) problems.push(`${group.name} was created but no file asks for it`);
    else if (prune) problems.push(`${group.name} should have been deleted (prune is on)`);
    else {
      const expected = { ...pickState(original) };
      for (const flag of HOLDER_FLAGS) if (desiredGroups.some((d) => d[flag])) expected[flag] = false;
      if (canonicalJson(pickState(group)) !== canonicalJson(expected))
        problems.push(`unmanaged ${group.name} changed beyond its flags`);
    }
  }
  return problems;
}

/** Plans, runs the plan under every behaviour and order, and asserts it converges; returns the plan. */
export function assertConverges(
  desiredGroups: DesiredGroup[],
  liveGroups: LiveGroup[],
  options = { prune: false },
): Plan {
  const plan = createPlan(desiredGroups, liveGroups, options);
  for (const behaviour of ['strict', 'move'] as const) {
    for (const pick of ['first', 'last'] as const) {
      const run = simulatePlan(plan, liveGroups, behaviour, pick);
      const where = `${behaviour}/${pick} (${run.order.join(', ')})`;
      assert.equal(run.violations, [], `violations under ${where}`);
      assert.equal(checkEndState(run.groups, desiredGroups, liveGroups, options.prune), [], `end state under ${where}`);
      assert.equal(createPlan(desiredGroups, run.groups, options).changes, [], `planning again after ${where}`);
    }
  }
  return plan;
}
