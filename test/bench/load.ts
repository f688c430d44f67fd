// How long loading and validating a large groups/ takes: `node --import tsx test/bench/load.ts [count]`.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDesired } from '../../src/desired/index.js';

export interface LoadBenchResult {
  count: number;
  ms: number;
  /** Peak resident set size of the process so far, in MiB. */
  rssMb: number;
}

/** The live twin of a group file, as a sandbox seed; every 33rd differs in its store-wide amount. */
export function seedGroupOf(index: number) {
  const rules: Array<Record<string, unknown>> = [
    { type: 'all', method: 'percent', amount: (index % 50) + (index % 33 === 0 ? 1 : 0) },
  ];
  for (let n = 1; n <= 10; n += 1)
    rules.push({ type: 'category', method: 'price', amount: `${n}.50`, category_id: index * 10 + n });
  for (let n = 1; n <= 9; n += 1)
    rules.push({ type: 'product', method: 'fixed', amount: n * 3 + 0.25, product_id: index * 9 + n });
  return {
    name: `Group ${index}`,
    category_access: { type: 'specific', categories: [index + 1, index + 2, index + 3] },
    discount_rules: rules,
  };
}

/** A group file with 20 rules: one store-wide, ten categories, nine products. */
function writeGroupYaml(index: number): string {
  const rules = [`  - {type: all, method: percent, amount: ${index % 50}}`];
  for (let n = 1; n <= 10; n += 1)
    rules.push(`  - type: category\n    method: price\n    amount: "${n}.50"\n    category_id: ${index * 10 + n}`);
  for (let n = 1; n <= 9; n += 1)
    rules.push(`  - {type: product, method: fixed, amount: ${n * 3}.25, product_id: ${index * 9 + n}}`);
  return [
    '# yaml-language-server: $schema=../schemas/customer-group.schema.json',
    `name: Group ${index}`,
    'category_access:',
    '  type: specific',
    `  categories: [${index + 1}, ${index + 2}, ${index + 3}]`,
    'discount_rules:',
    ...rules,
    '',
  ].join('\n');
}

/** Writes `count` group files (20 rules each) into `dir`, in shards of 500. */
export async function writeGroupFiles(dir: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    const shard = path.join(dir, `shard-${start / 500}`);
    await mkdir(shard);
    const batch = [];
    for (let index = start; index < Math.min(count, start + 500); index += 1) {
      batch.push(writeFile(path.join(shard, `group-${index}.yaml`), writeGroupYaml(index)));
    }
    await Promise.all(batch);
  }
}

/** Writes count group files (20 rules each) to a temp dir, then times loadDesired over them. */
export async function benchLoad(count: number): Promise<LoadBenchResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bcgroups-bench-'));
  try {
    await writeGroupFiles(dir, count);
    const started = performance.now();
    const state = await loadDesired(dir);
    const ms = performance.now() - started;
    if (state.groups.length !== count) throw new Error(`expected ${count} groups, loaded ${state.groups.length}`);
    return { count, ms: Math.round(ms), rssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10_000);
  const result = await benchLoad(count);
  process.stdout.write(
    `loaded and validated ${result.count} group files (20 rules each) ` +
      `in ${result.ms} ms; peak RSS ${result.rssMb} MiB\n`,
  );
}
