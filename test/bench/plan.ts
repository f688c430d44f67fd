// Times the planner and the text rendering on a large store: `node --import tsx test/bench/plan.ts [count] [rules]`.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createPlan } from '../../src/plan/index.js';
import { renderText } from '../../src/render/index.js';
import { desired, live, rule } from '../support/groups.js';

export interface PlanBench {
  count: number;
  rules: number;
  changes: number;
  planMs: number;
  renderMs: number;
}

/** `count` desired vs `count` live groups with `rules` rules each; about 3% differ by one rule amount. */
export function benchPlan(count: number, rules: number): PlanBench {
  const rulesOf = (i: number, bump: number) =>
    Array.from({ length: rules }, (_, r) =>
      r === 0 ? rule.all(5 + bump) : rule.category(1000 + r, String((i % 50) + r)),
    );
  const liveGroups = Array.from({ length: count }, (_, i) =>
    live(i + 1, `Group ${i + 1}`, { discount_rules: rulesOf(i, 0) }),
  );
  const desiredGroups = liveGroups.map((group, i) =>
    desired(group.name, { discount_rules: rulesOf(i, i % 33 === 0 ? 1 : 0) }),
  );
  const started = performance.now();
  const plan = createPlan(desiredGroups, liveGroups, { prune: false });
  const planned = performance.now();
  renderText(plan, { color: false });
  const rendered = performance.now();
  return { count, rules, changes: plan.changes.length, planMs: planned - started, renderMs: rendered - planned };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = benchPlan(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 20));
  console.log(
    `${result.count} groups x ${result.rules} rules, ${result.changes} changes: ` +
      `plan ${result.planMs.toFixed(0)} ms, render ${result.renderMs.toFixed(0)} ms`,
  );
}
