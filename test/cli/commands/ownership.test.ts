// Groups another writer owns (ignore) and groups the config keeps (protect), through the CLI against the
// sandbox: an ignored B2B-style group survives apply --prune --force, a protected one is refused even so.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject, type Project, RETAIL } from '../../support/cli.js';

// B2B Edition names a company's group after it, with a suffix when two names clash.
const B2B_SEED = [
  { id: 1, name: 'Retail', is_default: true },
  { id: 2, name: 'B2B Acme Corp' },
  { id: 3, name: 'B2B Acme Corp (2)', discount_rules: [{ type: 'all', method: 'percent', amount: 15 }] },
  { id: 4, name: 'Spring Promo' },
];
const IGNORE_B2B = 'ignore: ["B2B *"]\n';

const writes = (project: Project) => project.sandbox.log.filter((entry) => entry.method !== 'GET');
const writesTo = (project: Project, id: number) => writes(project).filter((entry) => entry.path.endsWith(`/${id}`));

async function openWithConfig(config: string, files: Record<string, string>, seed = B2B_SEED): Promise<Project> {
  const project = await openProject(files, { seed });
  await writeFile(path.join(project.cwd, 'bcgroups.config.yaml'), config);
  return project;
}

test('an ignored B2B-style group survives apply --prune --force; the plan says how many were ignored', async () => {
  const project = await openWithConfig(IGNORE_B2B, { 'retail.yaml': RETAIL });
  try {
    const plan = await project.run('plan', '--prune', '--force');
    assert.is(plan.code, 0, plan.err);
    assert.match(
      plan.out,
      "Plan: 0 to create, 0 to update, 1 to delete, 1 unchanged, 0 unmanaged, 2 ignored (the config's ignore).",
    );
    assert.not.match(plan.out, 'B2B Acme');
    const markdown = await project.run('plan', '--prune', '--force', '--format', 'markdown');
    assert.match(markdown.out, '| Create | Update | Delete | Unchanged | Unmanaged | Ignored | Write requests |');
    assert.match(markdown.out, '| 0 | 0 | 1 | 1 | 0 | 2 | 1 |');
    const json = JSON.parse((await project.run('plan', '--prune', '--force', '--format', 'json')).out);
    assert.is(json.summary.ignored, 2);
    assert.equal(json.ownership, { ignore: ['B2B *'], protect: [], config_file: 'bcgroups.config.yaml' });

    const applied = await project.run('apply', '--prune', '--force', '--yes');
    assert.is(applied.code, 0, applied.err);
    assert.equal(
      project.sandbox.groups().map((group) => group.name),
      ['Retail', 'B2B Acme Corp', 'B2B Acme Corp (2)'],
    );
    assert.is(writesTo(project, 2).length + writesTo(project, 3).length, 0, 'no request wrote a B2B group');

    const drift = await project.run('drift');
    assert.is(drift.code, 0, drift.out);
    assert.match(drift.out, '0 unmanaged, 2 ignored.');
  } finally {
    await project.close();
  }
});

test('a plan saved with ignore patterns records them and applies from its file, B2B groups untouched', async () => {
  const project = await openWithConfig(IGNORE_B2B, { 'retail.yaml': RETAIL });
  try {
    assert.is((await project.run('plan', '--prune', '--force', '--out', 'plan.json')).code, 0);
    const saved = JSON.parse(await readFile(path.join(project.cwd, 'plan.json'), 'utf8'));
    assert.equal([saved.plan.summary.ignored, saved.plan.ownership.ignore], [2, ['B2B *']]);
    const applied = await project.run('apply', 'plan.json', '--force');
    assert.is(applied.code, 0, applied.err);
    assert.match(applied.out, '2 ignored');
    assert.equal(
      project.sandbox.groups().map((group) => group.id),
      [1, 2, 3],
    );
    assert.is(writesTo(project, 2).length + writesTo(project, 3).length, 0);
  } finally {
    await project.close();
  }
});

test('import leaves ignored groups out and says how many', async () => {
  const project = await openWithConfig(IGNORE_B2B, {});
  try {
    const imported = await project.run('import');
    assert.is(imported.code, 0, imported.err);
    assert.match(imported.out, "Left out 2 groups that the config's ignore patterns leave to another writer.");
    assert.match(imported.out, 'wrote groups/retail.yaml');
    assert.match(imported.out, 'wrote groups/spring-promo.yaml');
    assert.not.match(imported.out, 'b2b');
    const plan = await project.run('plan', '--detailed-exitcode');
    assert.is(plan.code, 0, plan.out + plan.err);
  } finally {
    await project.close();
  }
});

test('a file whose name or earlier name matches an ignore pattern is an error at its line naming it', async () => {
  const project = await openWithConfig(IGNORE_B2B, {
    'acme.yaml': 'name: B2B Acme Corp\n',
    'gold.yaml': 'name: Gold\nrenamed_from:\n  - Silver\n  - B2B Gold\n',
  });
  try {
    const validate = await project.run('validate');
    assert.is(validate.code, 1);
    assert.match(
      validate.err,
      `${path.join('groups', 'acme.yaml')}:1:7  name  name 'B2B Acme Corp' matches the config's ignore pattern 'B2B *'`,
    );
    assert.match(
      validate.err,
      `${path.join('groups', 'gold.yaml')}:4:5  renamed_from[1]  earlier name 'B2B Gold' matches the config's ignore`,
    );
    const plan = await project.run('plan');
    assert.is(plan.code, 1);
    assert.is(project.sandbox.log.length, 0, 'nothing was read or written');
    const json = JSON.parse((await project.run('validate', '--format', 'json')).out);
    assert.equal([json.ignore, json.protect], [['B2B *'], []]);
    assert.is(json.problems.length, 2);
  } finally {
    await project.close();
  }
});

test('a pin, a name spelt another way or a flag held by an ignored group is refused before any write', async () => {
  const seed = [...B2B_SEED, { id: 5, name: 'B2B Guests', is_group_for_guests: true }];
  const project = await openWithConfig(
    IGNORE_B2B,
    {
      'retail.yaml': RETAIL,
      'pinned.yaml': 'id: 2\nname: Acme\n',
      'lower.yaml': 'name: b2b acme corp (2)\n',
      'guests.yaml': 'name: Guests\nis_group_for_guests: true\n',
    },
    seed,
  );
  try {
    const plan = await project.run('plan', '--prune', '--force');
    assert.is(plan.code, 1, plan.out);
    assert.match(
      plan.err,
      "pins id 2, live group 2 ('B2B Acme Corp'), which the config's ignore pattern 'B2B *' leaves to another writer",
    );
    assert.match(plan.err, "name 'b2b acme corp (2)' is the name of live group 3 ('B2B Acme Corp (2)')");
    assert.match(plan.err, "sets is_group_for_guests, but live group 5 ('B2B Guests')");
    assert.match(plan.err, 'cannot move the flag without writing that group');
    assert.match(plan.err, path.join('groups', 'guests.yaml'));
    assert.is(writes(project).length, 0);
  } finally {
    await project.close();
  }
});

test('a protected group is refused even with --force, naming the pattern and the config file', async () => {
  const config = 'protect:\n  - Spring*\n  - Retail\n';
  const project = await openWithConfig(config, { 'retail.yaml': 'id: 1\nname: Retail Shoppers\nis_default: true\n' });
  try {
    const plan = await project.run('plan', '--prune', '--force');
    assert.is(plan.code, 3, plan.err);
    assert.match(
      plan.out,
      "Refusing to rename 'Retail' (id 1): protected by the pattern 'Retail' in protect of bcgroups.config.yaml.",
    );
    assert.match(
      plan.out,
      "Refusing to delete 'Spring Promo' (id 4): protected by the pattern 'Spring*' in protect of bcgroups.config.yaml",
    );
    assert.match(plan.out, '--force does not override protect: to delete it, first remove or narrow the pattern');
    const json = JSON.parse((await project.run('plan', '--prune', '--force', '--format', 'json')).out);
    assert.equal(
      json.refusals.map((refusal: Record<string, unknown>) => [
        refusal.check,
        refusal.action,
        refusal.id,
        refusal.pattern,
      ]),
      [
        ['protect', 'delete', 4, 'Spring*'],
        ['protect', 'rename', 1, 'Retail'],
      ],
    );
    const applied = await project.run('apply', '--prune', '--force', '--yes');
    assert.is(applied.code, 3, applied.err);
    assert.is(writes(project).length, 0);
    assert.is(project.sandbox.groups().length, 4);
  } finally {
    await project.close();
  }
});

test('a saved plan deleting a protected group is refused at apply, --force included, whatever it says', async () => {
  const project = await openWithConfig('prune: true\n', { 'retail.yaml': RETAIL });
  try {
    assert.is((await project.run('plan', '--force', '--out', 'plan.json')).code, 0);
    // The config protects the group after the plan was saved; then a hand-edited plan whose refusals are gone.
    await writeFile(path.join(project.cwd, 'bcgroups.config.yaml'), 'prune: true\nprotect: ["Spring Promo"]\n');
    const saved = await project.run('apply', 'plan.json', '--force');
    assert.is(saved.code, 3, saved.err);
    assert.match(
      saved.err,
      "plan.json touches groups the config protects or ignores:\n  ! Refusing to delete 'Spring Promo' (id 4)",
    );
    assert.match(saved.err, 'in protect of bcgroups.config.yaml');
    assert.match(saved.err, '--force does not override protect');

    const saving = await project.run('plan', '--force', '--out', 'refused.json');
    assert.is(saving.code, 3);
    assert.match(
      saving.err,
      "but the config's protect or ignore refuses it, so apply will not run it; --force does not",
    );
    const refused = await project.run('apply', 'refused.json', '--force');
    assert.is(refused.code, 3, refused.err);
    assert.match(refused.err, 'refused.json was refused by a safety check when it was planned');
    assert.match(refused.err, 'in a reviewed change. Then plan again.');
    const file = path.join(project.cwd, 'refused.json');
    const edited = JSON.parse(await readFile(file, 'utf8'));
    edited.plan.refusals = [];
    delete edited.plan.ownership;
    await writeFile(file, JSON.stringify(edited));
    const handEdited = await project.run('apply', 'refused.json', '--force');
    assert.is(handEdited.code, 3, handEdited.err);
    assert.match(handEdited.err, "Refusing to delete 'Spring Promo' (id 4)");
    assert.is(writes(project).length, 0);
  } finally {
    await project.close();
  }
});

test('a saved plan that writes a group the config now ignores is refused at apply', async () => {
  const project = await openWithConfig('prune: true\n', { 'retail.yaml': RETAIL });
  try {
    assert.is((await project.run('plan', '--force', '--out', 'plan.json')).code, 0);
    await writeFile(path.join(project.cwd, 'bcgroups.config.yaml'), 'prune: true\nignore: ["Spring *"]\n');
    const applied = await project.run('apply', 'plan.json', '--force');
    assert.is(applied.code, 3, applied.err);
    assert.match(
      applied.err,
      "Refusing to write 'Spring Promo' (id 4): the pattern 'Spring *' in ignore of bcgroups.config.yaml",
    );
    assert.is(writes(project).length, 0);
  } finally {
    await project.close();
  }
});

test.run();
