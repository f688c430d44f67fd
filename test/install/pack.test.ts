// Installable without a registry: the tarball `npm pack` makes, installed into an empty project, runs
// validate, plan and import from there. A file missing from `files`, or a build step that only works
// inside this repository, fails here rather than for the first user.
import { execFile } from 'node:child_process';
import { access, copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startSandbox } from '../../src/sandbox/index.js';
import { findStepsOutOfOrder } from '../docs/commands.js';

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

/** The adopt walk-through's commands, as the README writes them; the test below runs them in this order. */
const ADOPT_COMMANDS = [
  'mkdir -p vendor && cp ../bcgroups/bcgroups-0.1.0.tgz vendor/',
  'npm install --save-dev ./vendor/bcgroups-0.1.0.tgz',
  'npx --no bcgroups init',
  'npx --no bcgroups import',
  'npx --no bcgroups validate',
  'npx --no bcgroups plan',
  'npm ci',
];

test('adopted as the README says: the vendored tarball, init, import, validate, plan; then npm ci in a clean copy', async () => {
  const temp = await mkdtemp(path.join(tmpdir(), 'bcgroups-pack-'));
  const sandbox = await startSandbox({ seed: [{ id: 1, name: 'Retail', is_default: true }] });
  try {
    // Pack what a build of this checkout gives; scripts are skipped so the build runs once, here.
    const build = await runIn(ROOT, 'npm', ['run', 'build'], userEnv({}));
    assert.is(build.code, 0, build.out + build.err);
    const packed = await runIn(
      ROOT,
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', temp],
      userEnv({}),
    );
    assert.is(packed.code, 0, packed.err);
    const tarball = path.join(temp, (JSON.parse(packed.out) as Array<{ filename: string }>)[0]?.filename ?? '');
    assert.is(path.basename(tarball), 'bcgroups-0.1.0.tgz', 'the name the README copies');

    const project = path.join(temp, 'project');
    await mkdir(path.join(project, 'vendor'), { recursive: true });
    await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'my-store', private: true }));
    // mkdir -p vendor && cp ../bcgroups/bcgroups-0.1.0.tgz vendor/
    await copyFile(tarball, path.join(project, 'vendor/bcgroups-0.1.0.tgz'));
    const env = userEnv({
      BIGCOMMERCE_STORE_HASH: sandbox.storeHash,
      BIGCOMMERCE_API_URL: sandbox.apiUrl,
      BIGCOMMERCE_ACCESS_TOKEN: sandbox.token,
    });
    const npx = (...args: string[]) => runIn(project, 'npx', ['--no', 'bcgroups', ...args], env);
    const installed = await runIn(
      project,
      'npm',
      ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', './vendor/bcgroups-0.1.0.tgz'],
      env,
    );
    assert.is(installed.code, 0, installed.out + installed.err);
    const manifest = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    assert.is(manifest.devDependencies.bcgroups, 'file:vendor/bcgroups-0.1.0.tgz', 'a path inside the repository');

    const init = await npx('init');
    assert.is(init.code, 0, init.out + init.err);
    assert.match(init.out, 'npx --no bcgroups import\n  npx --no bcgroups validate\n  npx --no bcgroups plan\n');
    for (const file of ['.bcgroupsrc.yaml', '.github/workflows/bcgroups-plan.yml', 'groups/.gitkeep', '.gitignore'])
      await access(path.join(project, file));
    const imported = await npx('import');
    assert.is(imported.code, 0, imported.out + imported.err);
    // import points each file's modeline at the schema inside node_modules: it must have been packed.
    const modeline = (await readFile(path.join(project, 'groups/retail.yaml'), 'utf8')).split('\n')[0] ?? '';
    const schema = modeline.replace('# yaml-language-server: $schema=', '');
    assert.is(schema, '../node_modules/bcgroups/schemas/customer-group.schema.json');
    await access(path.join(project, 'groups', schema));
    const validated = await npx('validate');
    assert.is(validated.code, 0, validated.out + validated.err);
    const planned = await npx('plan', '--detailed-exitcode');
    assert.is(planned.code, 0, planned.out + planned.err);
    assert.match(planned.out, 'No changes');

    // A clean runner: a fresh clone (no node_modules) and an empty npm cache. The registry's packages are
    // fetched again; bcgroups itself comes from vendor/, inside the clone.
    const clone = path.join(temp, 'clone');
    await cp(project, clone, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
    const cache = path.join(temp, 'empty-cache');
    const ci = await runIn(clone, 'npm', ['ci', '--no-audit', '--no-fund', '--cache', cache], env);
    assert.is(ci.code, 0, ci.out + ci.err);
    const again = await runIn(clone, 'npx', ['--no', 'bcgroups', 'plan', '--detailed-exitcode'], env);
    assert.is(again.code, 0, again.out + again.err);
  } finally {
    await sandbox.close();
    await rm(temp, { recursive: true, force: true });
  }
});

test('the README adopts bcgroups with these commands, in this order', async () => {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const adopt = readme.slice(readme.indexOf('## Adopt it in your repository'));
  assert.equal(findStepsOutOfOrder(adopt, ADOPT_COMMANDS), [], 'each step after the one before it');
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
