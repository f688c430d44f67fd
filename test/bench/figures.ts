// The speed goals as whole-process figures, each beside its floor measured in the same run, in turn
// (A, floor, A, floor, ...) so a ratio holds while the machine's speed drifts: `plan` of 5 groups beside
// `node -e 0`, `validate` of 10,000 files beside reading and parsing them bare, `plan` of 10,000 groups with
// the catalog read at 0 and 50 ms a request, and apply's span beside the ideal. Needs `npm run build`.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedGroupOf, writeGroupFiles } from './load.js';
import { runNode, startSandboxProcess, type NodeRun as Run } from './process.js';
import { benchApply } from './store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
/** The sandbox holds at most 16,000 categories: the files' category ids wrap around them. */
const CATEGORIES = 16_000;
const PRODUCTS = 5_000;

type Row = [what: string, measured: string, comparedWith: string];

interface Pair {
  a: Run;
  b: Run;
  /** The median of the run-by-run ratios A/B, of wall time. */
  ratio: number;
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? NaN;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (run: Run) => `${run.rssMb.toFixed(0)} MiB`;
/** CPU time beside wall time: on a busy machine the wall time waits for other work, CPU time much less. */
const cpu = (run: Run) => `${(run.cpuMs / 1000).toFixed(2)} s CPU`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

interface Command {
  args: string[];
  env?: NodeJS.ProcessEnv;
}

/** A and B in turn, `runs` times each after one warm-up of each; medians, and the median of the ratios. */
function runPair(a: Command, b: Command, runs: number): Pair {
  const as: Run[] = [];
  const bs: Run[] = [];
  for (let run = -1; run < runs; run++) {
    const [ranA, ranB] = [runNode(a.args, a.env), runNode(b.args, b.env)];
    if (run < 0) continue;
    as.push(ranA);
    bs.push(ranB);
  }
  const middle = (list: Run[]): Run => ({
    ms: median(list.map((r) => r.ms)),
    cpuMs: median(list.map((r) => r.cpuMs)),
    rssMb: median(list.map((r) => r.rssMb)),
  });
  return { a: middle(as), b: middle(bs), ratio: median(as.map((r, index) => r.ms / (bs[index]?.ms ?? NaN))) };
}

/** A group file of 20 rules whose category and product ids all exist in the seeded catalog. */
function catalogGroup(index: number) {
  const category = (n: number) => ((index * 10 + n) % CATEGORIES) + 1;
  const product = (n: number) => ((index * 9 + n) % PRODUCTS) + 1;
  const categories = [1, 2, 3].map((n) => ((index + n) % CATEGORIES) + 1);
  const rules = Array.from({ length: 10 }, (_, n) => ({
    type: 'category',
    method: 'price',
    amount: `${n + 1}.50`,
    category_id: category(n + 1),
  }));
  const products = Array.from({ length: 9 }, (_, n) => ({
    type: 'product',
    method: 'fixed',
    amount: (n + 1) * 3 + 0.25,
    product_id: product(n + 1),
  }));
  // Every 33rd live group differs from its file in the store-wide amount.
  const live = (index % 50) + (index % 33 === 0 ? 1 : 0);
  const file = [
    `name: Group ${index}`,
    'category_access:',
    '  type: specific',
    `  categories: [${categories.join(', ')}]`,
    'discount_rules:',
    `  - {type: all, method: percent, amount: ${index % 50}}`,
    ...[...rules, ...products].map((rule) => `  - {${Object.entries(rule).map(writeEntry).join(', ')}}`),
    '',
  ].join('\n');
  const seed = {
    name: `Group ${index}`,
    category_access: { type: 'specific', categories },
    discount_rules: [{ type: 'all', method: 'percent', amount: live }, ...rules, ...products],
  };
  return { file, seed };
}

/** A flow mapping entry as a person writes it: a number-like string quoted, everything else plain. */
function writeEntry([key, value]: [string, unknown]): string {
  return `${key}: ${typeof value === 'string' && /^[\d.]+$/.test(value) ? `"${value}"` : String(value)}`;
}

async function writeCatalogStore(dir: string, count: number): Promise<{ groupsDir: string; seed: unknown }> {
  const groupsDir = path.join(dir, 'groups');
  await mkdir(groupsDir);
  const groups = Array.from({ length: count }, (_, index) => catalogGroup(index));
  await Promise.all(groups.map(({ file }, index) => writeFile(path.join(groupsDir, `group-${index}.yaml`), file)));
  const catalog = {
    categories: Array.from({ length: CATEGORIES }, (_, index) => ({
      category_id: index + 1,
      name: `Category ${index + 1}`,
      tree_id: 1,
      parent_id: index % 100 === 0 ? 0 : index - (index % 100) + 1,
    })),
    products: Array.from({ length: PRODUCTS }, (_, index) => ({
      id: index + 1,
      name: `Product ${index + 1}`,
      sku: `SKU-${index + 1}`,
    })),
  };
  return { groupsDir, seed: { groups: groups.map(({ seed }) => seed), catalog } };
}

function storeEnv(origin: string): NodeJS.ProcessEnv {
  return {
    BIGCOMMERCE_API_URL: origin,
    BIGCOMMERCE_STORE_HASH: 'sandbox',
    BIGCOMMERCE_ACCESS_TOKEN: 'sandbox-token',
    GITHUB_STEP_SUMMARY: '',
  };
}

async function benchColdStart(dir: string): Promise<Row> {
  const groupsDir = path.join(dir, 'small');
  await mkdir(groupsDir);
  await writeGroupFiles(groupsDir, 5);
  const sandbox = await startSandboxProcess(
    Array.from({ length: 5 }, (_, index) => seedGroupOf(index)),
    0,
  );
  try {
    const plan = [CLI, 'plan', '--dir', groupsDir, '--no-catalog', '--no-customers'];
    const pair = runPair({ args: plan, env: storeEnv(sandbox.origin) }, { args: ['-e', '0'] }, 7);
    return [
      '`plan`, 5 files, cold (whole process)',
      `${seconds(pair.a.ms)}, ${cpu(pair.a)}`,
      `node -e 0: ${seconds(pair.b.ms)} (${pair.ratio.toFixed(2)}x; ` +
        `CPU ${(pair.a.cpuMs / pair.b.cpuMs).toFixed(2)}x); goal <= 3x: ${verdict(pair.ratio <= 3)}`,
    ];
  } finally {
    sandbox.stop();
  }
}

async function benchValidate(dir: string): Promise<Row> {
  const groupsDir = path.join(dir, 'validate');
  await mkdir(groupsDir);
  await writeGroupFiles(groupsDir, 10_000);
  const parser = JSON.stringify(path.join(ROOT, 'dist/yaml/fast-parse.js'));
  const floor = [
    '--input-type=module',
    '-e',
    `import {readdirSync, readFileSync} from 'node:fs'; import {parseFastYaml} from ${parser}; ` +
      `const d=${JSON.stringify(groupsDir)}; ` +
      "for (const s of readdirSync(d)) for (const f of readdirSync(d + '/' + s)) " +
      "if (!parseFastYaml(readFileSync(d + '/' + s + '/' + f, 'utf8'))) throw new Error(f);",
  ];
  const pair = runPair({ args: [CLI, 'validate', '--dir', groupsDir] }, { args: floor }, 3);
  const met = pair.a.ms <= 1500 && pair.ratio <= 1.6 && pair.a.rssMb <= 200;
  return [
    '`validate`, 10,000 files x 20 rules (whole process)',
    `${seconds(pair.a.ms)}, ${cpu(pair.a)}, ${mb(pair.a)}`,
    `reading + parsing them bare: ${seconds(pair.b.ms)} (${pair.ratio.toFixed(2)}x; ` +
      `CPU ${(pair.a.cpuMs / pair.b.cpuMs).toFixed(2)}x); goal <= 1.5 s, <= 1.6x, <= 200 MB: ${verdict(met)}`,
  ];
}

async function benchPlans(dir: string): Promise<Row[]> {
  const { groupsDir, seed } = await writeCatalogStore(dir, 10_000);
  const fast = await startSandboxProcess(seed, 0);
  const slow = await startSandboxProcess(seed, 50);
  try {
    const plan = [CLI, 'plan', '--dir', groupsDir, '--no-customers'];
    // The 50 ms plan and the 0 ms plan in turn: one env per process, so each run names its own store.
    const pair = runPair({ args: plan, env: storeEnv(slow.origin) }, { args: plan, env: storeEnv(fast.origin) }, 3);
    const zero = pair.b;
    return [
      [
        '`plan`, 10,000 vs 10,000, catalog read (whole process)',
        `${seconds(zero.ms)}, ${cpu(zero)}, ${mb(zero)}`,
        `16,000 categories, 5,000 products; goal <= 2.0 s, <= 250 MB: ${verdict(zero.ms <= 2000 && zero.rssMb <= 250)}`,
      ],
      [
        '`plan`, same, 50 ms per request',
        `${seconds(pair.a.ms)}, ${cpu(pair.a)}`,
        `${pair.ratio.toFixed(2)}x the 0 ms plan; goal <= 2.5 s, <= 1.25x: ` +
          verdict(pair.a.ms <= 2500 && pair.ratio <= 1.25),
      ],
    ];
  } finally {
    fast.stop();
    slow.stop();
  }
}

async function benchApplySpan(): Promise<Row> {
  // A first, smaller apply warms the client and the sandbox up, as the process runs before it already did.
  await benchApply(200, 16, { latencyMs: 50 });
  const result = await benchApply(1_000, 16, { latencyMs: 50 });
  const ideal = Math.ceil(1_000 / 16) * 50;
  const ratio = result.ms / ideal;
  return [
    'apply 1,000 updates, 50 ms a request, concurrency 16',
    seconds(result.ms),
    `ideal ceil(1000/16) x 50 ms = ${seconds(ideal)} (${ratio.toFixed(2)}x); ` +
      `goal: keep about 1.08x: ${verdict(ratio <= 1.1)}`,
  ];
}

/** Every figure of the speed goals, beside its floor and goal; whole-process ones need a build. */
export async function benchGoalFigures(hasBuild: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  if (hasBuild) {
    const dir = await mkdtemp(path.join(tmpdir(), 'bcgroups-bench-goals-'));
    try {
      rows.push(await benchColdStart(dir));
      rows.push(await benchValidate(dir));
      rows.push(...(await benchPlans(dir)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  rows.push(await benchApplySpan());
  return rows;
}
