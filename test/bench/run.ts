// `npm run bench`: every figure next to what it is compared with, and the machine it came from.
import os from 'node:os';
import { benchLoad } from './load.js';
import { benchPlan } from './plan.js';
import { benchApply, benchLivePlan, benchSync } from './store.js';
import { benchCatalogPlan } from './catalog.js';
import { benchValidateProcess, hasBuild } from './process.js';
import { benchGoalFigures } from './figures.js';
import { benchGrowth, renderGrowth } from './growth.js';

type Row = [what: string, measured: string, comparedWith: string];

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ratio = (measured: number, ideal: number) => `${(measured / ideal).toFixed(2)}x`;

function renderTable(rows: Row[]): string {
  const header: Row = ['benchmark', 'measured', 'compared with'];
  const widths = [0, 1, 2].map((column) =>
    Math.max(...[header, ...rows].map((row) => row[column as 0 | 1 | 2].length)),
  );
  const line = (row: Row) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function describeMachine(): string {
  const cpus = os.cpus();
  return [
    `machine: ${cpus[0]?.model ?? 'unknown cpu'}, ${cpus.length} cores, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `${os.type()} ${os.release()} ${os.arch()}, node ${process.version}`,
  ].join('\n');
}

/** How validate grows with the number of files, spawned CLI runs. */
async function runProcessBenchmarks(): Promise<Row[]> {
  const rows: Row[] = [];
  const growth = [];
  for (const count of [1_000, 10_000, 30_000]) growth.push(await benchValidateProcess(count, 1));
  const perFile = ((growth[2]!.rssMb - growth[0]!.rssMb) * 1024) / (30_000 - 1_000);
  rows.push([
    'growth, `validate` 1k -> 10k -> 30k files',
    growth.map((figure) => `${seconds(figure.ms)}/${figure.rssMb.toFixed(0)} MiB`).join(' -> '),
    `${perFile.toFixed(1)} KiB of peak memory per added file (goal <= 20 KB); ` +
      `time per file ${growth.map((figure) => `${((figure.ms / figure.count) * 1000).toFixed(0)} us`).join(', ')}`,
  ]);
  return rows;
}

async function runBenchmarks(): Promise<Row[]> {
  const rows: Row[] = [];
  const startedAll = performance.now();

  const built = hasBuild();
  rows.push(...(await benchGoalFigures(built)));
  if (built) rows.push(...(await runProcessBenchmarks()));
  else rows.push(['whole-process figures', 'skipped', 'run `npm run build` first: they spawn dist/cli/main.js']);

  const load = await benchLoad(10_000);
  rows.push([
    'load + validate 10,000 files (20 rules each)',
    `${seconds(load.ms)}`,
    `${((load.count / load.ms) * 1000).toFixed(0)} files/s`,
  ]);
  rows.push([
    '  peak memory (max RSS of the process)',
    `${load.rssMb} MiB`,
    `${((load.rssMb * 1024) / load.count).toFixed(1)} KiB per file`,
  ]);

  const plan = await benchLivePlan(10_000);
  rows.push(['plan 10,000 desired vs 10,000 live (list + diff)', seconds(plan.ms), `${plan.changes} changes found`]);
  rows.push(['  list requests', String(plan.listRequests), 'lower bound ceil(10000/250) = 40 (+1 to see the end)']);
  rows.push(['  per-group reads (GET /customer_groups/{id})', String(plan.groupReads), 'must be 0 (sandbox log)']);

  const diff = benchPlan(10_000, 20);
  rows.push([
    'plan 10,000 vs 10,000 groups, 20 rules each (diff only)',
    seconds(diff.planMs),
    `${diff.changes} changes found; text rendering ${seconds(diff.renderMs)}`,
  ]);

  const latency = await benchApply(1_000, 16, { latencyMs: 50 });
  const latencyIdeal = Math.ceil(1_000 / 16) * 50;
  rows.push([
    'apply 1,000 updates, 50 ms latency, concurrency 16',
    seconds(latency.ms),
    `ideal ceil(1000/16) x 50 ms = ${seconds(latencyIdeal)} (${ratio(latency.ms, latencyIdeal)})`,
  ]);
  rows.push([
    '  requests / max in flight at the sandbox',
    `${latency.requests} / ${latency.maxInFlight}`,
    `1,000 updates / concurrency 16; ${latency.applied} applied`,
  ]);

  const paced = await benchApply(600, 16, { quota: 150, windowMs: 3_000 });
  const quotaIdeal = (600 / 150) * 3_000;
  const reserveIdeal = (600 / (150 * 0.8)) * 3_000;
  rows.push([
    'apply 600 updates, quota 150 per 3,000 ms',
    seconds(paced.ms),
    `ideal (600/150) x 3 s = ${seconds(quotaIdeal)} (${ratio(paced.ms, quotaIdeal)})`,
  ]);
  rows.push([
    '  same, vs the 80% the client uses',
    seconds(paced.ms),
    `ideal (600/120) x 3 s = ${seconds(reserveIdeal)} (${ratio(paced.ms, reserveIdeal)}); 20% left to other apps`,
  ]);
  // The run ends inside its last window, so the last window costs nothing to wait out.
  const reserveReachable = (Math.ceil(600 / 120) - 1) * 3_000;
  rows.push([
    '  same, vs the best reachable at 80%',
    seconds(paced.ms),
    `(ceil(600/120) - 1) x 3 s = ${seconds(reserveReachable)} (${ratio(paced.ms, reserveReachable)}); ` +
      'the last window is not waited out',
  ]);
  rows.push(['  429 answers', String(paced.rateLimited), `goal 0; ${paced.applied} of ${paced.updates} applied`]);

  const sync = await benchSync(1_000, 0.05);
  rows.push([
    'sync 1,000 groups, 5% changed: requests',
    `${sync.requests} (${sync.listRequests} list + ${sync.writeRequests} writes)`,
    `${sync.naiveRequests} pushing every group in full (${ratio(sync.naiveRequests, sync.requests)} ` +
      'more); bcgroups counts its list before and its verifying list after',
  ]);
  rows.push([
    '  bytes sent (request bodies)',
    kib(sync.bytesSent),
    `${kib(sync.naiveBytes)} pushing every group in full (${ratio(sync.naiveBytes, sync.bytesSent)} more)`,
  ]);

  const catalog = await benchCatalogPlan();
  const kinds = ['groups', 'categories', 'products', 'price_lists', 'customers'] as const;
  rows.push([
    'plan 1,000 groups, 2,000 categories, 500 products: reads',
    kinds.map((kind) => `${kind} ${catalog.reads[kind]}`).join(', '),
    `lower bound ${kinds.map((kind) => `${kind} ${catalog.bounds[kind]}`).join(', ')} (${catalog.changes} changes)`,
  ]);
  rows.push([
    '  plan time with catalog and customer reads',
    seconds(catalog.withReadsMs),
    `${seconds(catalog.withoutReadsMs)} with --no-catalog --no-customers`,
  ]);

  rows.push(['total benchmark time', seconds(performance.now() - startedAll), 'budget ~6 min']);
  return rows;
}

/** The growth table: whole processes of the built CLI at 1x, 2x and 4x each input's size. */
async function runGrowth(): Promise<string> {
  if (!hasBuild()) return 'Growth: skipped; run `npm run build` first (it spawns dist/cli/main.js).';
  const started = performance.now();
  const table = renderGrowth(await benchGrowth());
  return (
    'Growth at 1x, 2x and 4x the size (whole processes, one run each, ' +
    `${seconds(performance.now() - started)}):\n${table}`
  );
}

const rows = await runBenchmarks();
const growth = await runGrowth();
process.stdout.write(`${describeMachine()}\n\n${renderTable(rows)}\n\n${growth}\n`);
