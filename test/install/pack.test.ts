// Installable without a registry: the tarball `npm pack` makes, installed into an empty project, runs
// validate, plan and import from there. A file missing from `files`, or a build step that only works
// inside this repository, fails here rather than for the first user.
import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startSandbox } from '../../src/sandbox/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
// Bounds so a stuck install fails the suite instead of hanging it; not a speed assertion.
const MINUTES = 60_000;

/** The environment of a user's shell: npm's own per-script variables of this run left out. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(lifecycle|package)_/.test(key)));
  return { ...env, ...extra };
}

async function runIn(
  cwd: string,
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env, timeout: 5 * MINUTES, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      out: failed.stdout ?? '',
      err: `${failed.stderr ?? ''}${String(error)}`,
    };
  }
}

test('the packed tarball installs into an empty project and validates, plans and imports there', async () => {
  const temp = await mkdtemp(path.join(tmpdir(), 'bcgroups-pack-'));
  const sandbox = await startSandbox({ seed: [{ id: 1, name: 'Retail', is_default: true }] });
  try {
    // Pack what a build of this checkout gives; scripts are skipped so the build runs once, here.
    const build = await runIn(
      ROOT,
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      process.env,
    );
    assert.is(build.code, 0, build.out + build.err);
    const packed = await runIn(
      ROOT,
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', temp],
      userEnv({}),
    );
    assert.is(packed.code, 0, packed.err);
    const tarball = path.join(temp, (JSON.parse(packed.out) as Array<{ filename: string }>)[0]?.filename ?? '');

    const project = path.join(temp, 'project');
    await mkdir(path.join(project, 'groups'), { recursive: true });
    await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'my-store', private: true }));
    await writeFile(path.join(project, 'groups/retail.yaml'), 'name: Retail\nis_default: true\n');
    await writeFile(
      path.join(project, 'groups/vip.yaml'),
      'name: VIP\ndiscount_rules:\n  - {type: all, method: percent, amount: 10}\n',
    );
    const env = userEnv({
      BIGCOMMERCE_STORE_HASH: sandbox.storeHash,
      BIGCOMMERCE_API_URL: sandbox.apiUrl,
      BIGCOMMERCE_ACCESS_TOKEN: sandbox.token,
    });
    const installed = await runIn(
      project,
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball],
      env,
    );
    assert.is(installed.code, 0, installed.out + installed.err);

    const validated = await runIn(project, 'npx', ['--no', 'bcgroups', 'validate'], env);
    assert.is(validated.code, 0, validated.out + validated.err);
    const planned = await runIn(project, 'npx', ['--no', 'bcgroups', 'plan', '--detailed-exitcode'], env);
    assert.is(planned.code, 2, planned.out + planned.err);
    assert.match(planned.out, 'Plan: 1 to create, 0 to update, 0 to delete, 1 unchanged, 0 unmanaged.');

    // import points each file's modeline at the schema inside node_modules: it must have been packed.
    const imported = await runIn(project, 'npx', ['--no', 'bcgroups', 'import', '--dir', 'imported'], env);
    assert.is(imported.code, 0, imported.out + imported.err);
    const modeline = (await readFile(path.join(project, 'imported/retail.yaml'), 'utf8')).split('\n')[0] ?? '';
    const schema = modeline.replace('# yaml-language-server: $schema=', '');
    assert.is(schema, '../node_modules/bcgroups/schemas/customer-group.schema.json');
    await access(path.join(project, 'imported', schema));
  } finally {
    await sandbox.close();
    await rm(temp, { recursive: true, force: true });
  }
});

test('a git install can build: prepare runs the build with tools from devDependencies only', async () => {
  const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    devDependencies: Record<string, string>;
    files: string[];
    bin: Record<string, string>;
  };
  assert.is(manifest.scripts.prepare, 'npm run build');
  // tsc, then the validators as standalone code, written by a module that tsc has just built from src/.
  assert.match(
    manifest.scripts.build ?? '',
    /^tsc -p tsconfig\.build\.json && node dist\/schema\/write-validators\.js$/,
  );
  await access(path.join(ROOT, 'src', 'schema', 'write-validators.ts'));
  assert.ok(
    manifest.devDependencies.typescript,
    'tsc comes from devDependencies, which npm installs for a git dependency before prepare',
  );
  for (const file of ['tsconfig.build.json', 'tsconfig.json']) await access(path.join(ROOT, file));
  assert.ok(
    Object.values(manifest.bin).every((bin) => manifest.files.some((entry) => bin.startsWith(`${entry}/`))),
    'every bin is inside a packed folder',
  );
});

test.run();
