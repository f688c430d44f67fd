// The CLI as a new user tries it: colour switches, did-you-mean, --version, help COMMAND, global flags
// before the command, --no-prune, validate --format json and GitHub annotations.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../../src/cli/main.js';
import { renderCommandHelp } from '../../src/cli/help.js';
import { commands } from '../../src/cli/commands/index.js';
import { planCommand } from '../../src/cli/commands/plan.js';
import { memoryIo } from '../../src/cli/io.js';
import { formatAnnotation } from '../../src/render/problem.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { VERSION } from '../../src/version.js';
import { createWorkspace, envFor, groupYaml, type Workspace } from '../reliability/helpers.js';

const ESC = '\u001b[';

interface Context {
  sandbox: Sandbox;
  workspace: Workspace;
  env: Record<string, string>;
}

async function run(cwd: string, argv: string[], options: { env?: Record<string, string>; tty?: boolean } = {}) {
  const io = memoryIo({ cwd, env: options.env ?? {}, tty: options.tty ?? false });
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const cli = suite<Context>('CLI conventions');

cli.before.each(async (context) => {
  context.sandbox = await startSandbox({
    seed: [{ name: 'Kept', discount_rules: [] }, { name: 'Hand made' }, { name: 'Other' }, { name: 'Third' }],
  });
  context.workspace = await createWorkspace({ 'groups/kept.yaml': groupYaml('Kept', 5) });
  context.env = envFor(context.sandbox);
});

cli.after.each(async ({ sandbox, workspace }) => {
  await sandbox.close();
  await workspace.remove();
});

cli(
  'colour: FORCE_COLOR=0 and --no-color turn it off on a terminal, FORCE_COLOR=1 turns it on in a pipe',
  async ({ workspace, env }) => {
    const { cwd } = workspace;
    assert.ok((await run(cwd, ['plan'], { env, tty: true })).out.includes(ESC), 'a terminal has colour');
    assert.not.ok(
      (await run(cwd, ['plan'], { env: { ...env, FORCE_COLOR: '0' }, tty: true })).out.includes(ESC),
      'FORCE_COLOR=0',
    );
    assert.not.ok(
      (await run(cwd, ['plan'], { env: { ...env, NO_COLOR: '1' }, tty: true })).out.includes(ESC),
      'NO_COLOR',
    );
    assert.not.ok(
      (await run(cwd, ['plan', '--no-color'], { env, tty: true })).out.includes(ESC),
      '--no-color after the command',
    );
    assert.not.ok(
      (await run(cwd, ['--no-color', 'plan'], { env: { ...env, FORCE_COLOR: '1' }, tty: true })).out.includes(ESC),
      '--no-color wins',
    );
    assert.not.ok((await run(cwd, ['plan'], { env })).out.includes(ESC), 'a pipe has none');
    assert.ok(
      (await run(cwd, ['plan'], { env: { ...env, FORCE_COLOR: '1' } })).out.includes(ESC),
      'FORCE_COLOR=1 in a pipe',
    );
  },
);

cli('did you mean: an unknown command or flag gets the closest name', async ({ workspace }) => {
  const command = await run(workspace.cwd, ['plna']);
  assert.is(command.code, 1);
  assert.ok(command.err.includes("Unknown command 'plna'. Did you mean 'plan'?"), command.err);
  const flag = await run(workspace.cwd, ['plan', '--prnue']);
  assert.is(flag.code, 1);
  assert.ok(flag.err.includes("Unknown flag '--prnue' for 'bcgroups plan'. Did you mean '--prune'?"), flag.err);
  const leading = await run(workspace.cwd, ['--confg', 'x.json', 'plan']);
  assert.ok(leading.err.includes("Did you mean '--config'?"), leading.err);
  const topic = await run(workspace.cwd, ['help', 'aply']);
  assert.ok(topic.err.includes("Did you mean 'apply'?"), topic.err);
});

cli(
  '--version, -V and -v print the version; help COMMAND prints its flags; --help lists both',
  async ({ workspace }) => {
    for (const flag of ['--version', '-V', '-v']) {
      const version = await run(workspace.cwd, [flag]);
      assert.equal([version.code, version.out], [0, `bcgroups ${VERSION}\n`], flag);
    }
    const help = await run(workspace.cwd, ['help', 'plan']);
    assert.equal([help.code, help.out], [0, renderCommandHelp(planCommand)]);
    // Every command that talks to a store names the variable its token comes from; the offline ones do not.
    for (const command of commands) {
      const text = renderCommandHelp(command);
      const talks = !command.offline && command.name !== 'sandbox';
      assert.is(text.includes('Token: read from BIGCOMMERCE_ACCESS_TOKEN'), talks, command.name);
    }
    const main = await run(workspace.cwd, ['--help']);
    for (const text of ['-V, --version', "'bcgroups help <command>'", '--no-color', 'help '])
      assert.ok(main.out.includes(text), text);
  },
);

cli('--config before the command is the same as after it', async ({ workspace }) => {
  const { cwd } = workspace;
  await writeFile(path.join(cwd, 'other.json'), JSON.stringify({ groupsDir: 'elsewhere' }));
  await mkdir(path.join(cwd, 'elsewhere'));
  await writeFile(path.join(cwd, 'elsewhere/a.yaml'), groupYaml('A', 1));
  const before = await run(cwd, ['--config', 'other.json', 'validate']);
  assert.equal([before.code, before.out], [0, 'OK: 1 group in 1 file under elsewhere/ is valid.\n'], before.err);
  const equals = await run(cwd, ['--config=other.json', 'validate']);
  assert.is(equals.out, before.out);
  const after = await run(cwd, ['validate', '--config', 'other.json']);
  assert.is(after.out, before.out);
});

cli('--no-prune overrides prune: true from the config, and a replan keeps it', async ({ workspace, env }) => {
  const { cwd } = workspace;
  await writeFile(path.join(cwd, '.bcgroupsrc.json'), JSON.stringify({ prune: true }));
  const pruned = await run(cwd, ['plan', '--format', 'json', '--force'], { env });
  const deletes = (text: string) =>
    (JSON.parse(text) as { changes: { action: string }[] }).changes.filter((change) => change.action === 'delete')
      .length;
  assert.is(deletes(pruned.out), 3, pruned.err);
  const kept = await run(cwd, ['plan', '--format', 'json', '--no-prune'], { env });
  assert.is(deletes(kept.out), 0, kept.err);
  const last = await run(cwd, ['plan', '--format', 'json', '--no-prune', '--prune', '--force'], { env });
  assert.is(deletes(last.out), 3, 'the last of --prune and --no-prune wins');
});

cli('validate --format json: a versioned document of every problem', async ({ workspace }) => {
  const { cwd } = workspace;
  const good = await run(cwd, ['validate', '--format', 'json']);
  assert.is(good.code, 0);
  assert.equal(JSON.parse(good.out), {
    format_version: 1,
    valid: true,
    dir: 'groups',
    groups: 1,
    files: 1,
    ignore: [],
    protect: [],
    problems: [],
  });
  await writeFile(path.join(cwd, 'groups/bad.yaml'), 'name: Bad\nnmae: typo\n');
  const bad = await run(cwd, ['validate', '--format', 'json']);
  assert.is(bad.code, 1);
  assert.is(bad.err, '');
  const document = JSON.parse(bad.out) as {
    format_version: number;
    valid: boolean;
    problems: Record<string, unknown>[];
  };
  assert.is(document.valid, false);
  assert.equal(Object.keys(document.problems[0] ?? {}), ['file', 'line', 'col', 'field', 'message', 'hint']);
  assert.equal(
    document.problems.map((problem) => [problem.file, problem.line, problem.col]),
    [[path.join('groups', 'bad.yaml'), 2, 1]],
  );
});

cli(
  'with GITHUB_ACTIONS=true, validate and plan problems are workflow annotations on stderr',
  async ({ workspace, env }) => {
    const { cwd } = workspace;
    await writeFile(path.join(cwd, 'groups/bad,one.yaml'), 'name: Bad\nnmae: typo\n');
    const validate = await run(cwd, ['validate'], { env: { GITHUB_ACTIONS: 'true' } });
    assert.is(validate.code, 1);
    assert.ok(
      validate.err.startsWith(
        "::error file=groups/bad%2Cone.yaml,line=2,col=1,title=nmae::unknown key 'nmae'%0Ahint: did you mean 'name'?",
      ),
      validate.err,
    );
    assert.not.ok((await run(cwd, ['validate'])).err.includes('::error'), 'not outside GitHub Actions');
    const json = await run(cwd, ['validate', '--format', 'json'], { env: { GITHUB_ACTIONS: 'true' } });
    assert.ok(json.err.startsWith('::error file=groups/bad%2Cone.yaml'), json.err);
    await writeFile(path.join(cwd, 'groups/bad,one.yaml'), groupYaml('Other', 1, 'id: 999\n'));
    const plan = await run(cwd, ['plan'], { env: { ...env, GITHUB_ACTIONS: 'true' } });
    assert.ok(/^::error file=groups\/bad%2Cone\.yaml,line=\d+,col=\d+/.test(plan.err), plan.err);
  },
);

cli(
  'messages name the real groups folder; an empty one plans every live group as unmanaged and says so',
  async ({ workspace, env }) => {
    const { cwd } = workspace;
    await mkdir(path.join(cwd, 'stores/eu'), { recursive: true });
    const plan = await run(cwd, ['plan', '--dir', 'stores/eu'], { env });
    assert.is(plan.code, 0, plan.err);
    assert.ok(
      plan.err.includes('Note: no group files in stores/eu/: every live group is unmanaged (4 groups)'),
      plan.err,
    );
    assert.ok(plan.out.includes('No changes: the store matches stores/eu/.'), plan.out);
    assert.ok(plan.out.includes('Unmanaged (in the store, not in stores/eu/;'), plan.out);
    const drift = await run(cwd, ['drift', '--dir', 'stores/eu/'], { env });
    assert.ok(drift.err.includes('Note: no group files in stores/eu/: every live group is unmanaged'), drift.err);
    for (const text of [plan.out, plan.err, drift.out, drift.err])
      assert.not.ok(/(^|[^/\w])groups\//.test(text), `a hard-coded groups/ in:\n${text}`);
    await writeFile(path.join(cwd, '.bcgroupsrc.json'), JSON.stringify({ groupsDir: 'stores/eu', prune: true }));
    const pruned = await run(cwd, ['plan'], { env });
    assert.ok(
      pruned.err.includes('Note: no group files in stores/eu/: with prune on, all 4 live groups would be deleted'),
      pruned.err,
    );
    assert.is(pruned.code, 3, 'the delete threshold refuses it');
  },
);

cli('annotation escaping: % CR LF in the message, and : , too in properties', () => {
  const problem = { file: 'x', line: 3, col: 4, field: 'a:b,c', message: '100% off\r\nnext' };
  assert.is(
    formatAnnotation(problem, 'dir:1/a,b%.yaml'),
    '::error file=dir%3A1/a%2Cb%25.yaml,line=3,col=4,title=a%3Ab%2Cc::100%25 off%0D%0Anext',
  );
});

cli.run();
