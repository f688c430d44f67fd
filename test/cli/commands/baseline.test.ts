// plan --baseline against the sandbox: a pull request's own changes apart from drift the store already had.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject, RETAIL, VIP, type Project } from '../../support/cli.js';

const WHOLESALE = 'name: Wholesale\n';

async function writeBaseline(project: Project, files: Record<string, string>): Promise<void> {
  const dir = path.join(project.cwd, 'base', 'groups');
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
}

interface JsonPlan {
  changes: { key: string; origin?: string }[];
  baseline?: { compared: boolean; reason?: string };
}

test('plan --baseline tells the pull request`s own change from drift the store already had', async () => {
  // Someone set VIP to 20% in the control panel; both branches still say 10%. The PR adds Wholesale.
  const seed = [
    { id: 1, name: 'Retail', is_default: true },
    { id: 2, name: 'VIP', discount_rules: [{ type: 'all', method: 'percent', amount: '20.0000' }] },
  ];
  const project = await openProject({ 'retail.yaml': RETAIL, 'vip.yaml': VIP, 'wholesale.yaml': WHOLESALE }, { seed });
  try {
    await writeBaseline(project, { 'retail.yaml': RETAIL, 'vip.yaml': VIP });
    const json = await project.run('plan', '--baseline', 'base', '--format', 'json', '--detailed-exitcode');
    assert.is(json.code, 2, json.err);
    const document = JSON.parse(json.out) as JsonPlan;
    assert.equal(Object.fromEntries(document.changes.map((change) => [change.key, change.origin])), {
      'update:2': 'pending',
      'create:Wholesale': 'change',
    });
    assert.equal(document.baseline, { compared: true, dropped: [] });
    const markdown = await project.run('plan', '--baseline', 'base', '--format', 'markdown');
    assert.match(
      markdown.out,
      /This change makes 1 change to the store; 1 change was pending before it\.[\s\S]*### From this change \(1\)[\s\S]*create Wholesale[\s\S]*### Already pending before it \(1\)[\s\S]*update VIP/,
    );
    assert.is(project.sandbox.log.filter((entry) => entry.method !== 'GET').length, 0, 'plan only reads');
  } finally {
    await project.close();
  }
});

test('plan --baseline attributes per field: a rename of a hand-edited group warns of no hand edit it does not make', async () => {
  // By hand, Trade became the default and Wholesale got 12%; both branches say false and 10%. The PR renames Trade.
  const wholesale = 'name: Wholesale\ndiscount_rules:\n  - type: all\n    method: percent\n    amount: 10\n';
  const seed = [
    { id: 1, name: 'Retail' },
    { id: 2, name: 'Trade', is_default: true },
    { id: 3, name: 'Wholesale', discount_rules: [{ type: 'all', method: 'percent', amount: '12.0000' }] },
  ];
  const head = {
    'retail.yaml': 'name: Retail\n',
    'trade.yaml': 'name: Trade Partners\nrenamed_from: [Trade]\n',
    'wholesale.yaml': wholesale,
  };
  const project = await openProject(head, { seed });
  try {
    await writeBaseline(project, {
      'retail.yaml': 'name: Retail\n',
      'trade.yaml': 'name: Trade\n',
      'wholesale.yaml': wholesale,
    });
    const text = await project.run('plan', '--baseline', 'base');
    assert.is(text.code, 0, text.err);
    assert.not.match(text.out, 'Merging this would also revert hand edits', 'the PR writes only the name');
    assert.match(
      text.out,
      /From this change:\n\n {2}~ update Trade Partners \(id 2\)[^\n]*\n[^\n]*\n {6}~ name: "Trade" -> "Trade Partners"\n {6}also sends pending: is_default true -> false/,
    );
    assert.match(
      text.out,
      /Already pending before it:[\s\S]*update Wholesale \(id 3\): pending drift: the store differs from groups\/wholesale\.yaml/,
    );
    assert.not.match(text.out, 'changed in groups/wholesale.yaml', 'the file is the same in base and head');
    const json = await project.run('plan', '--baseline', 'base', '--format', 'json');
    const document = JSON.parse(json.out) as {
      changes: {
        key: string;
        origin: string;
        pending_fields?: string[];
        overwrites_hand_edits?: string[];
        reason: string;
      }[];
    };
    assert.equal(
      document.changes.map((change) => [
        change.key,
        change.origin,
        change.pending_fields,
        change.overwrites_hand_edits,
      ]),
      [
        ['update:2', 'change', ['is_default'], undefined],
        ['update:3', 'pending', ['discount_rules'], undefined],
      ],
    );
    assert.match(document.changes[1]!.reason, /^pending drift/);
    // The PR now keeps the store's 12%: the pending revert is dropped, with both values shown.
    await project.writeGroups({ ...head, 'wholesale.yaml': wholesale.replace('10', '12') });
    const kept = await project.run('plan', '--baseline', 'base');
    assert.match(kept.out, 'No longer pending:');
    assert.match(
      kept.out,
      '~ update Wholesale (id 3): discount_rules: the base files would set 10% off all products; the store keeps 12% off all products',
    );
    assert.is(project.sandbox.log.filter((entry) => entry.method !== 'GET').length, 0, 'plan only reads');
  } finally {
    await project.close();
  }
});

test('a pull request that turns prune on owns the deletes it causes: the baseline is planned with its own config', async () => {
  // The store has two groups no file describes; the PR only adds `prune: true` (and a higher delete limit).
  const seed = [
    { id: 1, name: 'Retail', is_default: true },
    { id: 2, name: 'Old' },
    { id: 3, name: 'Older' },
  ];
  const project = await openProject({ 'retail.yaml': RETAIL }, { seed });
  try {
    await writeFile(path.join(project.cwd, '.bcgroupsrc.yaml'), 'prune: true\nsafety:\n  maxDeletes: 5\n');
    await writeBaseline(project, { 'retail.yaml': RETAIL });
    await writeFile(path.join(project.cwd, 'base', '.bcgroupsrc.yaml'), 'safety:\n  maxDeletes: 5\n');
    const json = await project.run('plan', '--baseline', 'base', '--format', 'json');
    assert.is(json.code, 0, json.err);
    const document = JSON.parse(json.out) as JsonPlan;
    assert.equal(
      document.changes.map((change) => [change.key, change.origin]),
      [
        ['delete:2', 'change'],
        ['delete:3', 'change'],
      ],
    );
    const markdown = await project.run('plan', '--baseline', 'base', '--format', 'markdown');
    assert.match(markdown.out, 'This change makes 2 changes to the store.');
    assert.not.match(markdown.out, 'pending');
    // A broken baseline config turns the split off with its reason, as broken baseline files do.
    await writeFile(path.join(project.cwd, 'base', '.bcgroupsrc.yaml'), 'prune: sometimes\n');
    const broken = await project.run('plan', '--baseline', 'base');
    assert.is(broken.code, 0, broken.err);
    assert.match(
      broken.out,
      "Not split into this change's own and pending changes: the baseline's config cannot be used",
    );
    assert.match(broken.out, 'base/.bcgroupsrc.yaml:1:');
  } finally {
    await project.close();
  }
});

test('a missing baseline folder is a usage error before any request; a baseline without groups/ has no groups', async () => {
  const project = await openProject({ 'retail.yaml': RETAIL }, { seed: [] });
  try {
    const missing = await project.run('plan', '--baseline', 'nowhere');
    assert.is(missing.code, 1);
    assert.match(missing.err, '--baseline nowhere: folder not found');
    assert.is(project.sandbox.log.length, 0);
    await mkdir(path.join(project.cwd, 'base'));
    const empty = await project.run('plan', '--baseline', 'base', '--format', 'json');
    assert.is(empty.code, 0, empty.err);
    assert.match(empty.err, 'The baseline has no base/groups');
    assert.equal(
      (JSON.parse(empty.out) as JsonPlan).changes.map((change) => change.origin),
      ['change'],
    );
  } finally {
    await project.close();
  }
});

test('invalid baseline files turn attribution off with a warning; the compared groups/ still decides', async () => {
  const project = await openProject({ 'retail.yaml': RETAIL }, { seed: [] });
  try {
    await writeBaseline(project, { 'retail.yaml': 'name: Retail\nis_default: maybe\n' });
    const text = await project.run('plan', '--baseline', 'base', '--detailed-exitcode');
    assert.is(text.code, 2, text.err);
    assert.match(text.out, "Not split into this change's own and pending changes: the baseline's groups are invalid");
    assert.match(text.out, 'base/groups/retail.yaml:2:');
    assert.match(text.out, '+ create Retail');
    const json = await project.run('plan', '--baseline', 'base', '--format', 'json');
    assert.match(json.err, 'Warning: Not split');
    const document = JSON.parse(json.out) as JsonPlan;
    assert.is(document.baseline?.compared, false);
    assert.equal(
      document.changes.map((change) => change.origin),
      [undefined],
    );
    await project.writeGroups({ 'retail.yaml': 'name: [\n' });
    const broken = await project.run('plan', '--baseline', 'base');
    assert.is(broken.code, 1, 'the compared groups/ must be valid');
  } finally {
    await project.close();
  }
});

test.run();
