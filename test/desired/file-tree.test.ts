// Odd file trees: symlinks within the project are followed, links out of it are refused unread, and what
// cannot be read is a problem naming the path, never skipped (a skipped file is a group that --prune
// deletes) and never read forever.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadDesired } from '../../src/desired/index.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { envFor } from '../reliability/helpers.js';
import { runIn } from '../support/cli.js';
import { problemsOf } from '../support/problems.js';

const tree = suite<{ temp: string; groups: string }>('odd file trees', { temp: '', groups: '' });

tree.before.each(async (context) => {
  context.temp = await mkdtemp(path.join(tmpdir(), 'bcgroups-tree-'));
  context.groups = path.join(context.temp, 'groups');
  await mkdir(context.groups);
  await writeFile(path.join(context.temp, 'package.json'), '{"name":"store"}');
});

tree.after.each(async (context) => {
  await rm(context.temp, { recursive: true, force: true });
});

const messagesOf = async (cwd: string) =>
  (await problemsOf(loadDesired('groups', { cwd }))).map((p) => `${p.file}: ${p.message}`);

tree(
  'group files and folders reached through symlinks are read, named by the linked path',
  async ({ temp, groups }) => {
    await mkdir(path.join(temp, 'shared/partners'), { recursive: true });
    await writeFile(path.join(temp, 'shared/retail.yaml'), 'name: Retail\n');
    await writeFile(path.join(temp, 'shared/partners/trade.yml'), 'name: Trade\n');
    await symlink(path.join(temp, 'shared/retail.yaml'), path.join(groups, 'retail.yaml'));
    await symlink('../shared/partners', path.join(groups, 'partners'));
    const state = await loadDesired('groups', { cwd: temp });
    assert.equal(state.files, ['groups/partners/trade.yml', 'groups/retail.yaml']);
    assert.equal(
      state.groups.map((group) => group.name),
      ['Trade', 'Retail'],
    );
    await writeFile(path.join(temp, 'shared/partners/trade.yml'), 'name: [Trade\n');
    const problems = await problemsOf(loadDesired('groups', { cwd: temp }));
    assert.equal(
      problems.map((p) => p.file),
      ['groups/partners/trade.yml'],
    );
  },
);

tree('with --prune, a group whose file is a symlink is kept, not deleted', async ({ temp, groups }) => {
  const sandbox = await startSandbox({
    seed: [
      { id: 1, name: 'Retail' },
      { id: 2, name: 'Linked' },
    ],
  });
  try {
    await writeFile(path.join(groups, 'retail.yaml'), 'name: Retail\n');
    await writeFile(path.join(temp, 'linked.yaml'), 'name: Linked\n');
    await symlink('../linked.yaml', path.join(groups, 'linked.yaml'));
    const run = await runIn(temp, ['apply', '--prune', '--yes'], envFor(sandbox));
    assert.is(run.code, 0, run.out + run.err);
    assert.equal(
      sandbox
        .groups()
        .map((group) => group.name)
        .sort(),
      ['Linked', 'Retail'],
    );
  } finally {
    await sandbox.close();
  }
});

tree(
  'a loop, a dangling link and a link reaching a folder twice are problems naming the path',
  async ({ temp, groups }) => {
    await mkdir(path.join(groups, 'sub'));
    await writeFile(path.join(groups, 'sub/a.yaml'), 'name: A\n');
    await symlink('..', path.join(groups, 'sub/up'));
    await symlink('nowhere.yaml', path.join(groups, 'gone.yaml'));
    await symlink('sub', path.join(groups, 'twice'));
    await symlink('self', path.join(groups, 'self'));
    assert.equal(await messagesOf(temp), [
      'groups/gone.yaml: file not found, or a symlink that points to nothing',
      'groups/self: symlink loop: the links point at each other without reaching a file',
      'groups/sub/up: symlink loop: this folder leads back to a folder that contains it',
      'groups/twice: the same folder as groups/sub (reached twice through a symlink); it is read once, from there',
    ]);
  },
);

tree('a FIFO or a device named like a group file is refused without being opened', async ({ temp, groups }) => {
  // Opening a FIFO for reading waits for a writer forever: the test would hang, not fail, without the fix.
  execFileSync('mkfifo', [path.join(groups, 'pipe.yaml')]);
  await symlink('/dev/zero', path.join(groups, 'zero.yaml'));
  await symlink('pipe.yaml', path.join(groups, 'to-pipe.yml'));
  await writeFile(path.join(groups, 'ok.yaml'), 'name: Fine\n');
  const special = 'not a regular file (a FIFO, socket or device); it is not read';
  const outside = 'symlink whose target is outside the project; it is not read';
  assert.equal(await messagesOf(temp), [
    `groups/pipe.yaml: ${special}`,
    `groups/to-pipe.yml: ${special}`,
    `groups/zero.yaml: ${outside}`,
  ]);
});

tree(
  'links whose target is outside the project are refused, files and folders alike; links inside it are read',
  async ({ temp, groups }) => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'bcgroups-elsewhere-'));
    try {
      await writeFile(path.join(elsewhere, 'secret.yaml'), 'name: Secret\n');
      await symlink(path.join(elsewhere, 'secret.yaml'), path.join(groups, 'secret.yaml'));
      await symlink(elsewhere, path.join(groups, 'away'));
      await symlink('/etc', path.join(groups, 'etc'));
      await writeFile(path.join(temp, 'inside.yaml'), 'name: Inside\n');
      await symlink('../inside.yaml', path.join(groups, 'inside.yaml'));
      const outside = 'symlink whose target is outside the project; it is not read';
      assert.equal(await messagesOf(temp), [
        `groups/away: ${outside}`,
        `groups/etc: ${outside}`,
        `groups/secret.yaml: ${outside}`,
      ]);
      // A groups folder outside cwd is its own project: links within it still work, links out of it do not.
      const state = await loadDesired(path.join(temp, 'groups'), { cwd: elsewhere, exactOnly: true }).catch(
        (error: { problems?: Array<{ message: string }> }) => error.problems?.map((p) => p.message),
      );
      assert.equal(state, [outside, outside, outside, outside]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  },
);

tree('an unreadable folder is named with what to do', async ({ temp, groups }) => {
  if (process.getuid?.() === 0) {
    console.log('  (skipped: running as root, a folder cannot be made unreadable)');
    return;
  }
  await mkdir(path.join(groups, 'locked'));
  execFileSync('chmod', ['000', path.join(groups, 'locked')]);
  try {
    assert.equal(await messagesOf(temp), ['groups/locked: permission denied reading this folder']);
  } finally {
    execFileSync('chmod', ['700', path.join(groups, 'locked')]);
  }
});

tree(
  '--dir naming a file, a missing folder or a path too long: a message naming the path, no stack',
  async ({ temp, groups }) => {
    await writeFile(path.join(groups, 'one.yaml'), 'name: One\n');
    const cases: Array<[string, RegExp]> = [
      // A folder has no line or column: none is shown, and it is called a folder.
      ['groups/one.yaml', /^groups\/one\.yaml {2}\(folder\) {2}not a directory\n {4}hint: point --dir/],
      ['missing', /^missing {2}\(folder\) {2}folder not found: /],
      [
        `${'x'.repeat(300)}/groups`,
        /^x{300}\/groups {2}\(folder\) {2}path is too long for the file system\n {4}hint: use shorter/,
      ],
    ];
    for (const [dir, expected] of cases) {
      const run = await runIn(temp, ['validate', '--dir', dir], {});
      assert.is(run.code, 1, dir);
      assert.match(run.err, expected);
      assert.not.match(run.err, /Unexpected error|\n\s+at /);
    }
    const annotated = await runIn(temp, ['validate', '--dir', 'missing'], { GITHUB_ACTIONS: 'true' });
    assert.match(
      annotated.out + annotated.err,
      /::error file=missing::folder not found/,
      'no line=1,col=1 on a folder in a pull request either',
    );
  },
);

tree.run();
