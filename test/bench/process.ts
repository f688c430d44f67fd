// Whole-process figures: spawned `node dist/cli/main.js` runs against a sandbox in its own process, each the
// median of several runs and set beside its floor measured in the same run (`node -e 0`, reading the
// files raw). Needs `npm run build` first; peak memory is the child's own max RSS, printed at its exit.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedGroupOf, writeGroupFiles } from './load.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');

export interface ProcessFigure {
  ms: number;
  rssMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export interface NodeRun {
  ms: number;
  cpuMs: number;
  rssMb: number;
}

/** One run of `node args`: its wall time, and its CPU time and peak RSS as it reported them at exit. */
export function runNode(args: string[], env: NodeJS.ProcessEnv = {}): NodeRun {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--require', path.join(ROOT, 'test/bench/report-rss.cjs'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const usage = /maxrss (\d+) cpu ([\d.]+)/.exec(child.stderr ?? '');
  if (!usage) throw new Error(`node ${args.join(' ')} printed no peak memory: ${child.stderr}`);
  return { ms, rssMb: Number(usage[1]) / 1024, cpuMs: Number(usage[2]) };
}

/** The median wall time and peak RSS of `runs` runs of `node args`. */
function timeNode(args: string[], runs: number, env: NodeJS.ProcessEnv = {}): ProcessFigure {
  const figures = Array.from({ length: runs }, () => runNode(args, env));
  return { ms: median(figures.map((figure) => figure.ms)), rssMb: median(figures.map((figure) => figure.rssMb)) };
}

export function hasBuild(): boolean {
  return spawnSync(process.execPath, [CLI, '--version']).status === 0;
}

/** `validate` of `count` files whole-process, beside reading the same files raw. */
export async function benchValidateProcess(
  count: number,
  runs: number,
): Promise<ProcessFigure & { rawMs: number; count: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bcgroups-bench-validate-'));
  try {
    await writeGroupFiles(dir, count);
    const figure = timeNode([CLI, 'validate', '--dir', dir], runs);
    const raw = timeNode(
      [
        '--input-type=module',
        '-e',
        `import {readdirSync, readFileSync} from 'node:fs'; const d=${JSON.stringify(dir)}; ` +
          `for (const s of readdirSync(d)) for (const f of readdirSync(d + '/' + s)) ` +
          `readFileSync(d + '/' + s + '/' + f, 'utf8');`,
      ],
      runs,
    );
    return { ...figure, rawMs: raw.ms, count };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The sandbox as its own process, seeded from a JSON file; resolves its origin once it listens. */
export async function startSandboxProcess(
  seed: unknown,
  latencyMs: number,
): Promise<{ origin: string; stop: () => void }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bcgroups-bench-seed-'));
  const seedFile = path.join(dir, 'seed.json');
  await writeFile(seedFile, JSON.stringify(seed));
  const child = spawn(
    process.execPath,
    [CLI, 'sandbox', '--seed', seedFile, '--latency', String(latencyMs), '--quota', '1000000'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const origin = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      if (found?.[1]) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return {
    origin,
    stop: () => {
      child.kill();
      void rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `plan` of `count` files against their `count` live twins, about 3% changed (sandbox in its own process, catalog
 * reads off).
 */
export async function benchPlanProcess(count: number, latencyMs: number, runs: number): Promise<ProcessFigure> {
  const seed = Array.from({ length: count }, (_, index) => seedGroupOf(index));
  const sandbox = await startSandboxProcess(seed, latencyMs);
  const dir = await mkdtemp(path.join(tmpdir(), 'bcgroups-bench-plan-'));
  try {
    await writeGroupFiles(dir, count);
    const env = {
      BIGCOMMERCE_API_URL: sandbox.origin,
      BIGCOMMERCE_STORE_HASH: 'sandbox',
      BIGCOMMERCE_ACCESS_TOKEN: 'sandbox-token',
    };
    return timeNode([CLI, 'plan', '--dir', dir, '--no-catalog', '--no-customers'], runs, env);
  } finally {
    sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Node itself: the floor of any whole-process figure. */
export function benchNodeStart(runs: number): ProcessFigure {
  return timeNode(['-e', '0'], runs);
}
