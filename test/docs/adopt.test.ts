// The walk-through a new user follows: in the order they need it, installable without a registry, with
// `npx --no` everywhere, every scope named, and an example seed that the sandbox really loads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findStoreSeedProblems, loadSeedFile } from '../../src/sandbox/seed.js';
import { extractCodeBlocks, extractSection, findStepsOutOfOrder } from './commands.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const SEED = path.join(ROOT, 'schemas/sandbox-seed.example.yaml');

test('the walk-through comes before the lifecycle and goes in the order a new user needs', () => {
  const adopt = extractSection(readme, 'Adopt it in your repository');
  assert.ok(adopt, 'a section "Adopt it in your repository"');
  assert.ok(readme.indexOf('## Adopt it in your repository') < readme.indexOf('## The lifecycle'));
  const steps = [
    '**Create a repository**',
    '**Install bcgroups**',
    'npx --no bcgroups init',
    '**Set the store and a token.**',
    '**Start with an empty `groups/`**',
    'npx --no bcgroups import',
    'the first pull request',
  ];
  assert.equal(findStepsOutOfOrder(adopt, steps), [], 'each step after the one before it');
  for (const scope of ['store_v2_customers_read_only', 'store_v2_products_read_only', 'store_v2_customers`'])
    assert.ok(adopt.includes(scope), scope);
  // The route a clean runner can follow: a tarball inside the repository, never a path outside it.
  assert.match(adopt, 'npm install --save-dev ./vendor/bcgroups-0.1.0.tgz');
  assert.not.match(adopt, /npm install --save-dev \.\.\//);
  assert.match(adopt, /git\+https:\/\/\S+#COMMIT_SHA/);
  assert.match(adopt, '`prepare`');
});

test('no README command installs bcgroups from a registry or runs it through npx without --no', () => {
  const shell = extractCodeBlocks(readme)
    .filter((block) => block.lang === 'sh')
    .map((block) => block.text)
    .join('\n');
  assert.not.match(shell, /npm (install|i)( --save-dev| -D)? bcgroups\b/);
  assert.not.match(readme, /npx bcgroups/);
  assert.not.match(readme, /npm install (--save-dev )?bcgroups\b/);
  assert.ok((shell.match(/npx --no bcgroups/g) ?? []).length >= 5, 'the commands run the installed copy');
});

test('the example seed exists, is the one the README shows, and is a store the sandbox accepts', async () => {
  const block = extractCodeBlocks(readme).find((candidate) =>
    candidate.text.startsWith('# schemas/sandbox-seed.example.yaml\n'),
  );
  assert.ok(block, 'the README shows schemas/sandbox-seed.example.yaml');
  assert.is(readFileSync(SEED, 'utf8'), block.text);
  // An adopter has the seed where the package puts it: schemas/ is packed.
  assert.ok(readme.includes('--seed node_modules/bcgroups/schemas/sandbox-seed.example.yaml'), 'a command uses it');
  assert.not.match(readme, /--seed schemas\//);
  const seed = await loadSeedFile(SEED);
  assert.equal(findStoreSeedProblems(seed), []);
  assert.is(seed.groups.length, 1);
  assert.ok(
    (seed.catalog?.categories?.length ?? 0) > 0 && (seed.customers?.length ?? 0) > 0,
    'groups, catalog and customers',
  );
});

test('every accessTokenEnv in a README config is a variable the workflows export', () => {
  const configs = extractCodeBlocks(readme).filter((block) => block.lang === 'yaml' && !block.text.includes('jobs:'));
  const named = configs.flatMap((block) => [...block.text.matchAll(/accessTokenEnv:\s*(\S+)/g)].map((m) => m[1]));
  for (const name of named)
    assert.match(name ?? '', /^BIGCOMMERCE_ACCESS_TOKEN(_[A-Z0-9_]+)?$/, `accessTokenEnv: ${name}`);
  assert.not.match(readme, 'STAGING_TOKEN');
});

test.run();
