// ignore and protect across the runs that plan more than one thing: every store of the config, and a
// baseline of the base branch planned against the same store.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { openProject, RETAIL } from '../../support/cli.js';
import { openTwoStores } from '../../support/stores.js';

const planSchema = JSON.parse(
  await readFile(new URL('../../../schemas/plan.schema.json', import.meta.url), 'utf8'),
) as object;

test('--all-stores: each store leaves its ignored groups alone and refuses its protected ones', async () => {
  const two = await openTwoStores({
    production: [
      { id: 1, name: 'Retail', is_default: true },
      { id: 2, name: 'B2B Acme Corp' },
      { id: 3, name: 'Gold' },
    ],
    staging: [
      { id: 101, name: 'Retail', is_default: true },
      { id: 102, name: 'B2B Acme Corp' },
      { id: 103, name: 'B2B Bolt Ltd' },
    ],
  });
  try {
    const file = path.join(two.cwd, 'bcgroups.config.json');
    const config = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...config, ignore: ['B2B *'], protect: ['Gold'] }));
    await two.writeGroups({ 'retail.yaml': RETAIL });
    const json = await two.run(['plan', '--all-stores', '--prune', '--force', '--format', 'json']);
    assert.is(json.code, 3, json.err);
    const [production, staging] = JSON.parse(json.out).stores;
    assert.equal(
      [production.plan.summary.ignored, production.plan.refusals.map((refusal: { name: string }) => refusal.name)],
      [1, ['Gold']],
    );
    assert.equal([staging.plan.summary.ignored, staging.plan.changes, staging.plan.refusals], [2, [], []]);
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(planSchema);
    assert.ok(validate(production.plan), JSON.stringify(validate.errors));
    const text = await two.run(['plan', '--all-stores', '--prune', '--force']);
    assert.match(
      text.out,
      "Refusing to delete 'Gold' (id 3): protected by the pattern 'Gold' in protect of bcgroups.config.json.",
    );
    assert.match(text.out, "1 unchanged, 0 unmanaged, 2 ignored (the config's ignore).");
  } finally {
    await two.close();
  }
});

test('--baseline: ignored groups are in neither plan; a baseline file naming one turns attribution off', async () => {
  const seed = [
    { id: 1, name: 'Retail', is_default: true },
    { id: 2, name: 'B2B Acme Corp' },
    { id: 4, name: 'Spring Promo' },
  ];
  const project = await openProject({ 'retail.yaml': RETAIL }, { seed });
  try {
    await writeFile(path.join(project.cwd, 'bcgroups.config.yaml'), 'ignore: ["B2B *"]\n');
    await mkdir(path.join(project.cwd, 'base', 'groups'), { recursive: true });
    // The baseline is planned with its own config: the base branch ignored the same groups.
    await writeFile(path.join(project.cwd, 'base', 'bcgroups.config.yaml'), 'ignore: ["B2B *"]\n');
    await writeFile(path.join(project.cwd, 'base', 'groups', 'retail.yaml'), RETAIL);
    await writeFile(path.join(project.cwd, 'base', 'groups', 'spring.yaml'), 'name: Spring Promo\n');
    const compared = await project.run('plan', '--baseline', 'base', '--prune', '--force', '--format', 'json');
    const plan = JSON.parse(compared.out);
    assert.equal(
      plan.changes.map((change: { key: string; origin: string }) => [change.key, change.origin]),
      [['delete:4', 'change']],
    );
    assert.equal(plan.baseline, { compared: true, dropped: [] });
    assert.is(plan.summary.ignored, 1);

    await writeFile(path.join(project.cwd, 'base', 'groups', 'acme.yaml'), 'name: B2B Acme Corp\n');
    const off = await project.run('plan', '--baseline', 'base', '--prune', '--force', '--format', 'json');
    const reason = JSON.parse(off.out).baseline;
    assert.is(reason.compared, false);
    assert.match(reason.reason, "matches the config's ignore pattern 'B2B *'");
  } finally {
    await project.close();
  }
});

test.run();
