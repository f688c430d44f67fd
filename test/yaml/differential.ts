// The loader's two YAML paths side by side: the fast path may refuse (the caller then reads the file
// exactly), but whatever it accepts must read exactly as the exact path reads it, with no problem.
import { parseFastYaml } from '../../src/yaml/fast-parse.js';
import { parseGroupYaml } from '../../src/yaml/parse.js';

/** Deep equality that tells -0 from 0 and NaN from everything else but NaN, as a hash would see them. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return (
      keysA.join('\0') === keysB.join('\0') &&
      keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
    );
  }
  return a === b;
}

export interface Disagreement {
  text: string;
  fast: unknown;
  exact: unknown;
}

/** Runs every text through both paths; returns how many the fast path took, and every disagreement. */
export function compareBothPaths(texts: Iterable<string>): { total: number; accepted: number; wrong: Disagreement[] } {
  let total = 0;
  let accepted = 0;
  const wrong: Disagreement[] = [];
  for (const text of texts) {
    total += 1;
    const fast = parseFastYaml(text);
    if (fast === undefined) continue;
    accepted += 1;
    const exact = parseGroupYaml('g.yaml', text);
    const exactValue = 'parsed' in exact ? exact.parsed.value : { refused: exact.problems.map((p) => p.message) };
    if (!('parsed' in exact) || !sameValue(fast, exactValue)) wrong.push({ text, fast, exact: exactValue });
  }
  return { total, accepted, wrong };
}

/** The first few disagreements, readable in a failed assertion. */
export function describeDisagreements(wrong: Disagreement[]): string {
  return wrong
    .slice(0, 5)
    .map((d) => `${JSON.stringify(d.text)}\n  fast  ${JSON.stringify(d.fast)}\n  exact ${JSON.stringify(d.exact)}`)
    .join('\n');
}
