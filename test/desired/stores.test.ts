// Group files of a repository with several stores: `stores:` limits, per-store pins, per-store rules.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadDesired, selectDesired } from '../../src/desired/index.js';
import type { Problem } from '../../src/errors.js';
import { problemsOf } from '../support/problems.js';

const files = suite<{ cwd: string }>('group files of several stores', { cwd: '' });
const STORES = ['production', 'staging'];

files.before.each(async (context) => {
  context.cwd = await mkdtemp(path.join(tmpdir(), 'bcgroups-stores-'));
});

files.after.each(async (context) => {
  await rm(context.cwd, { recursive: true, force: true });
});

async function writeGroups(cwd: string, groups: Record<string, string>): Promise<void> {
  await rm(path.join(cwd, 'groups'), { recursive: true, force: true });
  await mkdir(path.join(cwd, 'groups'), { recursive: true });
  for (const [name, text] of Object.entries(groups)) await writeFile(path.join(cwd, 'groups', name), text);
}

function brief(problems: Problem[]): string[] {
  return problems.map(
    (problem) => `${problem.file}:${problem.line}:${problem.col} ${problem.field}: ${problem.message}`,
  );
}

files('a file for some stores is left out of the others, and each store gets its own pin', async ({ cwd }) => {
  await writeGroups(cwd, {
    'vip.yaml': 'name: VIP\nid: {production: 4, staging: 9}\n',
    'trade.yaml': 'name: Trade\nstores: [production]\n',
    'retail.yaml': 'name: Retail\nis_default: true\n',
  });
  const state = await loadDesired('groups', { cwd, storeNames: STORES });
  const staging = selectDesired(state, 'staging');
  assert.equal(
    staging.groups.map((group) => [group.name, group.id]),
    [
      ['Retail', undefined],
      ['VIP', 9],
    ],
  );
  assert.equal(staging.excluded, [{ name: 'Trade', file: 'groups/trade.yaml', stores: ['production'] }]);
  const production = selectDesired(state, 'production');
  assert.equal(
    production.groups.map((group) => [group.name, group.id]),
    [
      ['Retail', undefined],
      ['Trade', undefined],
      ['VIP', 4],
    ],
  );
  assert.is.not(staging.hash, production.hash, 'each store has the hash of its own desired state');
});

files('store names, bare pins and per-store pins are checked against the config, at file:line:col', async ({ cwd }) => {
  await writeGroups(cwd, {
    'a.yaml': 'name: A\nstores: [production, stagin]\n',
    'b.yaml': 'name: B\nid: 4\n',
    'c.yaml': 'name: C\nstores: [staging]\nid:\n  prod: 4\n  production: 5\n',
  });
  const problems = await problemsOf(loadDesired('groups', { cwd, storeNames: STORES }));
  assert.equal(brief(problems), [
    "groups/a.yaml:2:22 stores[1]: store 'stagin' is not a store of the config",
    'groups/b.yaml:2:1 id: a bare id pins a group of one store, but the config names stores (production, staging)',
    "groups/c.yaml:4:3 id.prod: the pin's store 'prod' is not a store of the config",
    "groups/c.yaml:5:3 id.production: pins a group of store 'production', which this file's stores leave out",
  ]);
  assert.match(problems[0]?.hint ?? '', "did you mean 'staging'?");
  assert.match(problems[1]?.hint ?? '', 'write the pin per store (id: {production: 4})');
});

files('a config of one store refuses stores: and per-store pins, and keeps bare pins', async ({ cwd }) => {
  await writeGroups(cwd, { 'a.yaml': 'name: A\nstores: [production]\n', 'b.yaml': 'name: B\nid: {production: 4}\n' });
  const problems = await problemsOf(loadDesired('groups', { cwd }));
  assert.equal(brief(problems), [
    'groups/a.yaml:2:1 stores: stores limits a file to some stores, but the config names no stores',
    'groups/b.yaml:2:1 id: a pin per store needs stores in the config, which names none',
  ]);
  await writeGroups(cwd, { 'c.yaml': 'name: C\nid: 4\n' });
  assert.is((await loadDesired('groups', { cwd })).groups[0]?.id, 4);
});

files('names, pins and single-holder flags are unique per store, not across stores', async ({ cwd }) => {
  await writeGroups(cwd, {
    'retail-prod.yaml': 'name: Retail\nis_default: true\nstores: [production]\nid: {production: 1}\n',
    'retail-stage.yaml': 'name: Retail\nis_default: true\nstores: [staging]\nid: {staging: 1}\n',
  });
  assert.is((await loadDesired('groups', { cwd, storeNames: STORES })).groups.length, 2);
  await writeGroups(cwd, {
    'a.yaml': 'name: A\nis_default: true\n',
    'b.yaml': 'name: B\nis_default: true\nstores: [staging]\n',
  });
  const problems = await problemsOf(loadDesired('groups', { cwd, storeNames: STORES }));
  assert.equal(
    brief(problems).map((line) => line.replace(/ \(.*$/, '')),
    [
      'groups/a.yaml:2:1 is_default: 2 files set is_default: true',
      'groups/b.yaml:2:1 is_default: 2 files set is_default: true',
    ],
  );
});

files('an earlier name may not be another group, its own name, or claimed twice', async ({ cwd }) => {
  await writeGroups(cwd, {
    'a.yaml': 'name: Gold\nrenamed_from: [VIP, gold]\n',
    'b.yaml': 'name: VIP\n',
    'c.yaml': 'name: Silver\nrenamed_from: [Bronze]\n',
    'd.yaml': 'name: Copper\nrenamed_from: [Bronze]\n',
  });
  const problems = await problemsOf(loadDesired('groups', { cwd }));
  assert.equal(brief(problems), [
    "groups/a.yaml:2:16 renamed_from[0]: 'VIP' is the name of groups/b.yaml:1, so it cannot be a name this group had",
    "groups/a.yaml:2:21 renamed_from[1]: 'gold' is this group's own name",
    "groups/d.yaml:2:16 renamed_from[0]: 'Bronze' is also an earlier name in groups/c.yaml:2",
  ]);
});

files('a store named like an Object method gets only the pins a file gives it', async ({ cwd }) => {
  await writeGroups(cwd, { 'vip.yaml': 'name: VIP\nid: {production: 4}\n' });
  const state = await loadDesired('groups', { cwd, storeNames: ['production', 'constructor'] });
  const odd = selectDesired(state, 'constructor');
  assert.equal(
    odd.groups.map((group) => [group.name, group.id]),
    [['VIP', undefined]],
  );
});

files.run();
