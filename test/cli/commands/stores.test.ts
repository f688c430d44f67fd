// Several stores from one repository, end to end over HTTP: two sandboxes with different ids.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openTwoStores, type TwoStores } from '../../support/stores.js';

const SEEDS = {
  production: [
    { id: 1, name: 'Retail', is_default: true },
    { id: 2, name: 'Gold' },
    { id: 3, name: 'Platinum' },
    { id: 4, name: 'Diamond' },
  ],
  staging: [
    { id: 101, name: 'Retail', is_default: true },
    { id: 102, name: 'VIP' },
  ],
};

const FILES = {
  'retail.yaml': 'name: Retail\nis_default: true\n',
  'gold.yaml': 'name: Gold\nrenamed_from: [VIP]\n',
  'platinum.yaml': 'name: Platinum\nrenamed_from: [Diamond]\n',
  'trade.yaml': 'name: Trade\nstores: [production]\n',
};

const stores = suite<{ two: TwoStores }>('several stores', { two: undefined as unknown as TwoStores });

stores.before.each(async (context) => {
  context.two = await openTwoStores(SEEDS);
  await context.two.writeGroups(FILES);
});

stores.after.each(async ({ two }) => {
  await two.close();
});

stores(
  'with stores named and none picked, a command names them; an unknown one gets a did-you-mean',
  async ({ two }) => {
    for (const command of ['plan', 'drift', 'import']) {
      const result = await two.run([command]);
      assert.is(result.code, 1, command);
      assert.match(result.err, 'The config names several stores (production, staging): pick one with --store NAME');
    }
    const typo = await two.run(['plan', '--store', 'stagin']);
    assert.is(typo.code, 1);
    assert.match(typo.err, "did you mean 'staging'?");
    assert.is((await two.run(['validate'])).code, 0, 'validate needs no store');
  },
);

stores(
  'renamed_from in all four cases, and a store with both names refused while the other is planned',
  async ({ two }) => {
    const first = await two.run(['plan', '--all-stores']);
    assert.is(first.code, 1, 'production has both Platinum and Diamond');
    assert.match(first.out, '━━ Store production (prod1)');
    assert.match(first.out, "the store has 'Platinum' (id 3) and 'Diamond' (id 4)");
    assert.match(first.out, '━━ Store staging (stage1)');
    assert.match(first.out, '~ update Gold (id 102): renamed from VIP');
    assert.match(first.out, "+ create Platinum: not in live store, nor is 'Diamond' it was renamed from");
    assert.not.match(first.out, 'Trade', 'trade.yaml is for production only');

    await two.writeGroups({ ...FILES, 'platinum.yaml': 'name: Platinum\n' });
    const second = await two.run(['plan', '--all-stores', '--detailed-exitcode']);
    assert.is(second.code, 2);
    assert.match(second.out, "Gold (id 2): already named so: the store has no 'VIP' left to rename");

    for (const store of ['production', 'staging'])
      assert.is((await two.run(['apply', '--store', store, '--yes'])).code, 0, store);
    assert.equal(two.namesIn(two.production), ['Diamond', 'Gold', 'Platinum', 'Retail', 'Trade']);
    assert.equal(two.namesIn(two.staging), ['Gold', 'Platinum', 'Retail']);
    assert.equal(
      two.staging.groups().find((group) => group.name === 'Gold')?.id,
      102,
      'renamed in place, not re-created',
    );
    assert.is((await two.run(['drift', '--store', 'staging'])).code, 0);
    assert.is((await two.run(['drift', '--store', 'production', '--ignore-unmanaged'])).code, 0);
    assert.is((await two.run(['plan', '--all-stores', '--detailed-exitcode'])).code, 0);
  },
);

stores('per-store pins rename each store by its own id; a bare pin is refused with a hint', async ({ two }) => {
  await two.writeGroups({
    'retail.yaml': 'name: Retail\nis_default: true\n',
    'vip.yaml': 'name: Members\nid: {production: 2, staging: 102}\n',
  });
  const plan = await two.run(['plan', '--all-stores']);
  assert.match(plan.out, '~ update Members (id 2): renamed (pinned id 2)');
  assert.match(plan.out, '~ update Members (id 102): renamed (pinned id 102)');
  await two.writeGroups({ 'vip.yaml': 'name: Members\nid: 2\n' });
  const bare = await two.run(['validate']);
  assert.is(bare.code, 1);
  assert.match(bare.err, 'groups/vip.yaml:2:1  id  a bare id pins a group of one store');
  assert.match(bare.err, 'hint: write the pin per store (id: {production: 2})');
});

stores('a file kept for production is unmanaged in staging, and deleted there only with --prune', async ({ two }) => {
  await two.writeGroups({
    'retail.yaml': 'name: Retail\nis_default: true\n',
    'vip.yaml': 'name: VIP\nstores: [production]\n',
  });
  const kept = await two.run(['plan', '--store', 'staging']);
  assert.match(kept.out, 'VIP (id 102)');
  assert.match(kept.out, 'No changes');
  const pruned = await two.run(['plan', '--store', 'staging', '--prune']);
  assert.match(pruned.out, '- delete VIP (id 102): groups/vip.yaml is only for production (prune is on)');
});

stores(
  '--all-stores: JSON is one plan per store in a versioned wrapper; exit codes take the most severe',
  async ({ two }) => {
    await two.writeGroups({ 'retail.yaml': 'name: Retail\nis_default: true\n' });
    const json = await two.run(['plan', '--all-stores', '--format', 'json']);
    assert.is(json.code, 0);
    const document = JSON.parse(json.out) as {
      format_version: number;
      config_file: string;
      stores: { store: string; store_hash: string; plan: { summary: { unmanaged: number } } }[];
    };
    assert.is(document.format_version, 1);
    assert.match(document.config_file, /^bcgroups\.config\.|^\.bcgroupsrc/);
    const text = await two.run(['plan', '--all-stores']);
    assert.ok(text.out.startsWith(`Plans of 2 stores named in ${document.config_file}: production, staging.\n\n`));
    assert.equal(
      document.stores.map((entry) => [entry.store, entry.store_hash, entry.plan.summary.unmanaged]),
      [
        ['production', 'prod1', 3],
        ['staging', 'stage1', 1],
      ],
    );
    const refused = await two.run(['plan', '--all-stores', '--prune', '--detailed-exitcode']);
    assert.is(refused.code, 3, 'deleting 3 of 4 production groups is refused; staging only has changes');
    const markdown = await two.run(['plan', '--all-stores', '--format', 'markdown']);
    assert.match(markdown.out, '## bcgroups plan: store production');
    assert.match(markdown.out, '## bcgroups plan: store staging');
    const withoutToken = await two.run(['plan', '--all-stores'], {
      BIGCOMMERCE_ACCESS_TOKEN_STAGING: two.staging.token,
    });
    assert.is(withoutToken.code, 1);
    assert.match(withoutToken.out, 'Could not plan this store: set BIGCOMMERCE_ACCESS_TOKEN_PRODUCTION');
    assert.match(withoutToken.out, '━━ Store staging (stage1)\n\nNo changes');
  },
);

stores('planning staging never reads the production token variable', async ({ two }) => {
  const read = new Set<string>();
  const env = new Proxy({ BIGCOMMERCE_ACCESS_TOKEN_STAGING: two.staging.token } as Record<string, string | undefined>, {
    get(target, key) {
      if (typeof key === 'string') read.add(key);
      return target[key as string];
    },
  });
  const result = await two.run(['plan', '--store', 'staging'], env);
  assert.is(result.code, 0, result.err);
  assert.ok(read.has('BIGCOMMERCE_ACCESS_TOKEN_STAGING'));
  assert.not.ok(read.has('BIGCOMMERCE_ACCESS_TOKEN_PRODUCTION'), 'production token variable never read');
  assert.not.ok(read.has('BIGCOMMERCE_ACCESS_TOKEN'), 'nor the single-store variable');
});

stores('a saved plan names its store; applying it to another store is a usage error naming both', async ({ two }) => {
  const saved = await two.run(['plan', '--store', 'staging', '--out', 'staging.json']);
  assert.is(saved.code, 0, saved.err);
  const file = JSON.parse(await readFile(path.join(two.cwd, 'staging.json'), 'utf8')) as {
    store: string;
    store_hash: string;
  };
  assert.equal([file.store, file.store_hash], ['staging', 'stage1']);
  const wrong = await two.run(['apply', 'staging.json', '--store', 'production']);
  assert.is(wrong.code, 1);
  assert.match(
    wrong.err,
    "staging.json was planned for store 'staging' (stage1), but --store picks store 'production'",
  );
  assert.equal(two.namesIn(two.production), ['Diamond', 'Gold', 'Platinum', 'Retail'], 'nothing written to production');
  const right = await two.run(['apply', 'staging.json']);
  assert.is(right.code, 0, right.err);
  assert.equal(two.namesIn(two.staging), ['Gold', 'Platinum', 'Retail']);
});

stores('--out with --all-stores needs {store}, and then writes one saved plan per store', async ({ two }) => {
  const refused = await two.run(['plan', '--all-stores', '--out', 'plan.json']);
  assert.is(refused.code, 1);
  assert.match(refused.err, 'put {store} in the file name');
  await two.writeGroups({ 'retail.yaml': 'name: Retail\nis_default: true\n' });
  assert.is((await two.run(['plan', '--all-stores', '--out', 'plan-{store}.json'])).code, 0);
  for (const store of ['production', 'staging']) {
    const file = JSON.parse(await readFile(path.join(two.cwd, `plan-${store}.json`), 'utf8')) as { store: string };
    assert.is(file.store, store);
  }
});

stores('a store that fails leaves no saved plan behind, and its problems show with file and line', async ({ two }) => {
  await two.writeGroups({ 'retail.yaml': 'name: Retail\nis_default: true\n' });
  assert.is((await two.run(['plan', '--all-stores', '--out', 'plan-{store}.json'])).code, 0);
  assert.is((await two.run(['plan', '--store', 'staging', '--out', 'one.json'])).code, 0);
  // Staging's share now names a category its catalog does not have: staging cannot be planned.
  await two.writeGroups({
    'retail.yaml': 'name: Retail\nis_default: true\n',
    'tools.yaml':
      'name: Tools Club\nstores: [staging]\ndiscount_rules:\n  - { type: category, category: Tools, method: percent, amount: 5 }\n',
  });
  const failed = await two.run(['plan', '--all-stores', '--out', 'plan-{store}.json']);
  assert.is(failed.code, 1, failed.err);
  assert.match(failed.out, /Could not plan this store: 1 problem in the desired state:\ngroups\/tools\.yaml:4:\d+ /);
  assert.match(failed.out, 'The old saved plan plan-staging.json was removed, so it cannot be applied.');
  assert.match(failed.err, 'Removed the old saved plan plan-staging.json');
  assert.ok(existsSync(path.join(two.cwd, 'plan-production.json')), 'the store that planned keeps its new plan');
  assert.not.ok(existsSync(path.join(two.cwd, 'plan-staging.json')), 'the failed store keeps no plan');
  const markdown = await two.run(['plan', '--all-stores', '--format', 'markdown']);
  assert.match(markdown.out, /> groups\/tools\.yaml:4:\d+ /);
  const one = await two.run(['plan', '--store', 'staging', '--out', 'one.json']);
  assert.is(one.code, 1);
  assert.match(one.err, 'Removed the old saved plan one.json');
  assert.not.ok(existsSync(path.join(two.cwd, 'one.json')));
  // Files that do not validate fail every store before any request: no store keeps an older plan.
  await two.writeGroups({ 'retail.yaml': 'name: Retail\nis_default: maybe\n' });
  const invalid = await two.run(['plan', '--all-stores', '--out', 'plan-{store}.json']);
  assert.is(invalid.code, 1);
  assert.match(invalid.err, 'Removed the old saved plan plan-production.json');
  assert.not.ok(existsSync(path.join(two.cwd, 'plan-production.json')));
});

stores('import --store writes per-store pins, keeping the pins of the other store', async ({ two }) => {
  await two.writeGroups({});
  assert.is((await two.run(['import', '--store', 'production'])).code, 0);
  assert.match(await readFile(path.join(two.cwd, 'groups/retail.yaml'), 'utf8'), 'id:\n  production: 1\n');
  const second = await two.run(['import', '--store', 'staging']);
  assert.is(second.code, 0, second.err);
  assert.match(
    await readFile(path.join(two.cwd, 'groups/retail.yaml'), 'utf8'),
    'id:\n  production: 1\n  staging: 101\n',
  );
  assert.is((await two.run(['validate'])).code, 0);
  // Files import wrote for production's other groups apply to every store: staging would create them.
  const plan = await two.run(['plan', '--store', 'staging']);
  assert.is(plan.code, 0, plan.err);
  assert.not.match(plan.out, '~ update', 'the groups both stores have match their files');
});

stores('--baseline reads the base branch for the same store: its stores limits and its pins', async ({ two }) => {
  await two.writeGroups({
    'retail.yaml': 'name: Retail\nis_default: true\n',
    'vip.yaml': 'name: Members\nid: {staging: 102}\n',
  });
  await mkdir(path.join(two.cwd, 'base', 'groups'), { recursive: true });
  // The base branch's checkout has its own config, naming the same stores.
  const config = await readFile(path.join(two.cwd, 'bcgroups.config.json'), 'utf8');
  await writeFile(path.join(two.cwd, 'base', 'bcgroups.config.json'), config);
  await writeFile(path.join(two.cwd, 'base', 'groups', 'retail.yaml'), 'name: Retail\nis_default: true\n');
  await writeFile(
    path.join(two.cwd, 'base', 'groups', 'vip.yaml'),
    'name: VIP\nid: {staging: 102}\nstores: [staging]\n',
  );
  const result = await two.run(['plan', '--store', 'staging', '--baseline', 'base', '--format', 'json']);
  assert.is(result.code, 0, result.err);
  assert.not.match(result.err, 'Warning', 'the baseline was compared');
  const plan = JSON.parse(result.out) as { changes: { key: string; origin?: string }[] };
  assert.equal(
    plan.changes.map((change) => [change.key, change.origin]),
    [['update:102', 'change']],
  );
});

stores.run();
