// How cost grows with the size of each input, whatever its shape: whole `validate` and `plan` processes at
// 1x, 2x and 4x a size. Linear work takes about 4x the time at 4x the size; quadratic work about 16x.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG_SHAPES, serveShape } from './catalog-shapes.js';
import { writeGroupFiles } from './load.js';
import type { ProcessFigure } from './process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const SCALES = [1, 2, 4] as const;

export interface GrowthRow {
  input: string;
  /** The size at 1x, in its own unit ("2,500 files"). */
  base: string;
  figures: ProcessFigure[];
}

/**
 * One run of `node args` as a child that may talk to a sandbox in this process (so not spawnSync, which
 * would stop the sandbox answering): its wall time and its own peak RSS.
 */
function timeNode(args: string[], env: Record<string, string> = {}): Promise<ProcessFigure> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', path.join(ROOT, 'test/bench/report-rss.cjs'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    // Only the tail matters (the peak is printed last); a run with many problems prints megabytes.
    stderr = (stderr + chunk.toString()).slice(-4096);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => {
      const ms = performance.now() - started;
      const rss = /maxrss (\d+)/.exec(stderr);
      if (!rss) reject(new Error(`node ${args.join(' ')} printed no peak memory: ${stderr}`));
      else resolve({ ms, rssMb: Number(rss[1]) / 1024 });
    });
  });
}

async function inTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bcgroups-bench-growth-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `validate` of 2,500, 5,000 and 10,000 plain files of 20 rules. */
async function growFiles(): Promise<GrowthRow> {
  const figures: ProcessFigure[] = [];
  for (const scale of SCALES)
    figures.push(
      await inTempDir(async (dir) => {
        await writeGroupFiles(dir, 2_500 * scale);
        return timeNode([CLI, 'validate', '--dir', dir]);
      }),
    );
  return { input: 'files (`validate`)', base: '2,500 files', figures };
}

/** `validate` of one file with 10,000, 20,000 and 40,000 unknown keys: the exact parser and one problem each. */
async function growKeys(): Promise<GrowthRow> {
  const figures: ProcessFigure[] = [];
  for (const scale of SCALES)
    figures.push(
      await inTempDir(async (dir) => {
        const keys = Array.from({ length: 10_000 * scale }, (_, index) => `k${index}: 1`);
        await mkdir(path.join(dir, 'groups'));
        await writeFile(path.join(dir, 'groups', 'big.yaml'), `name: Big\n${keys.join('\n')}\n`);
        return timeNode([CLI, 'validate', '--dir', path.join(dir, 'groups')]);
      }),
    );
  return { input: 'keys in one file (`validate`)', base: '10,000 keys', figures };
}

/** `plan` of 100 groups against 25,000, 50,000 and 100,000 categories of each shape. */
async function growCatalogs(): Promise<GrowthRow[]> {
  const rows: GrowthRow[] = [];
  for (const shape of CATALOG_SHAPES) {
    const figures: ProcessFigure[] = [];
    for (const scale of SCALES) {
      const store = await serveShape(shape, 25_000 * scale);
      try {
        figures.push(await timeNode([CLI, 'plan', '--dir', store.dir, '--no-customers'], store.env));
      } finally {
        await store.close();
      }
    }
    rows.push({ input: `catalog, ${shape} (\`plan\`)`, base: '25,000 categories', figures });
  }
  return rows;
}

/** Every growth row, one run per size: a step that grows faster than its input shows as a ratio near 16. */
export async function benchGrowth(): Promise<GrowthRow[]> {
  return [await growFiles(), await growKeys(), ...(await growCatalogs())];
}

export function renderGrowth(rows: readonly GrowthRow[]): string {
  const seconds = (figure: ProcessFigure) => `${(figure.ms / 1000).toFixed(2)} s, ${figure.rssMb.toFixed(0)} MiB`;
  const header = ['input', 'size at 1x', '1x', '2x', '4x', 'time 4x / 1x'];
  const lines = rows.map((row) => {
    const [one, , four] = row.figures;
    const growth = one && four ? `${(four.ms / one.ms).toFixed(1)}x (linear: up to 4x)` : '';
    return [row.input, row.base, ...row.figures.map(seconds), growth];
  });
  const widths = header.map((_, column) => Math.max(...[header, ...lines].map((line) => (line[column] ?? '').length)));
  const render = (line: string[]) => `| ${line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [render(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...lines.map(render)].join(
    '\n',
  );
}
