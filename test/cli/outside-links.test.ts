// A pull request may add a symlink to groups/ or a config that throws: through the real CLI process, no
// format prints what such a link points at, and no output stream shows a token, the config's or a store's.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createWorkspace, groupYaml, type Workspace } from '../reliability/helpers.js';

const TSX = import.meta.resolve('tsx');
const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TOKEN = 'tok_SECRET_abcdef1234567890';
const OUTSIDE_KEY = 'ghp_outsideKEY0123456789abcdef';
const OUTSIDE = 'symlink whose target is outside the project; it is not read';

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function runCliProcess(cwd: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const links = suite<{ workspace: Workspace; elsewhere: string }>('links out of the project, through the real CLI');

links.before.each(async (context) => {
  context.workspace = await createWorkspace({
    'groups/retail.yaml': groupYaml('Retail', 5),
    'shared/trade.yaml': groupYaml('Trade', 3),
  });
  context.elsewhere = await mkdtemp(path.join(tmpdir(), 'bcgroups-elsewhere-'));
  await writeFile(path.join(context.elsewhere, 'keys.yaml'), `${OUTSIDE_KEY}: 1\nname: Stolen\n`);
});

links.after.each(async ({ workspace, elsewhere }) => {
  await workspace.remove();
  await rm(elsewhere, { recursive: true, force: true });
});

links(
  'a link to /proc/self/environ or to a file outside is refused in text and json, nothing of either printed',
  async ({ workspace, elsewhere }) => {
    const groups = path.join(workspace.cwd, 'groups');
    await symlink('/proc/self/environ', path.join(groups, 'env.yaml'));
    await symlink(path.join(elsewhere, 'keys.yaml'), path.join(groups, 'keys.yaml'));
    await symlink('../shared/trade.yaml', path.join(groups, 'trade.yaml'));
    for (const format of ['text', 'json']) {
      const run = await runCliProcess(workspace.cwd, ['validate', '--format', format], {
        BIGCOMMERCE_ACCESS_TOKEN: TOKEN,
        GITHUB_TOKEN: 'ghs_ENVIRONvalue42',
        MARKER: 'marker_of_the_environment',
      });
      const all = run.out + run.err;
      assert.is(run.code, 1, all);
      for (const leak of [
        'marker_of_the_environment',
        'ghs_ENVIRONvalue42',
        'SECRET',
        'abcdef123',
        'ghp_outside',
        'Stolen',
        'PATH=',
      ])
        assert.not.ok(all.includes(leak), `${format}: '${leak}' printed:\n${all}`);
      assert.ok(
        all.includes('env.yaml') && all.includes('keys.yaml') && all.includes(OUTSIDE),
        `${format}: both links named:\n${all}`,
      );
      assert.not.ok(all.includes('trade.yaml'), `${format}: the in-project link is read like any file:\n${all}`);
    }
  },
);

links('an in-project link is read and planned like any file', async ({ workspace }) => {
  await symlink('../shared/trade.yaml', path.join(workspace.cwd, 'groups/trade.yaml'));
  const run = await runCliProcess(workspace.cwd, ['validate', '--format', 'json'], {});
  assert.is(run.code, 0, run.out + run.err);
  assert.match(run.out, /"valid": ?true/);
});

links("a store's own token variable, named by a config that throws, is redacted on stderr", async ({ workspace }) => {
  const config =
    `const config = { stores: { staging: { storeHash: 'stag', accessTokenEnv: 'STAGING_KEY' } } };\n` +
    `if (process.env.BOOM) throw new Error('bad config near ' + process.env.STAGING_KEY);\nexport default config;\n`;
  await writeFile(path.join(workspace.cwd, 'bcgroups.config.mjs'), config);
  const run = await runCliProcess(workspace.cwd, ['validate'], {
    BOOM: '1',
    STAGING_KEY: 'stg_Key0123456789abcdefXYZ',
  });
  assert.is(run.code, 1, run.out + run.err);
  assert.match(run.err, /bad config near/);
  assert.not.ok((run.out + run.err).includes('Key0123'), run.err);
});

links('stdout is redacted too: a token quoted back into a json report loses it', async ({ workspace }) => {
  await writeFile(path.join(workspace.cwd, 'groups/echo.yaml'), `name: Echo\n${TOKEN}: 1\n`);
  for (const format of ['text', 'json']) {
    const run = await runCliProcess(workspace.cwd, ['validate', '--format', format], {
      BIGCOMMERCE_ACCESS_TOKEN: TOKEN,
    });
    assert.is(run.code, 1, run.out + run.err);
    assert.match(run.out + run.err, /unknown key '\[redacted\]'/);
    assert.not.ok((run.out + run.err).includes('abcdef12'), `${format}:\n${run.out}${run.err}`);
  }
});

links('a long key is quoted cut short, never whole', async ({ workspace }) => {
  const key = `k${'x'.repeat(900)}`;
  await writeFile(path.join(workspace.cwd, 'groups/long.yaml'), `name: Long\n${key}: 1\n`);
  const run = await runCliProcess(workspace.cwd, ['validate', '--format', 'json'], {});
  assert.is(run.code, 1, run.err);
  assert.match(run.out, /unknown key 'kx{59}…'/);
  assert.ok(run.out.length < 900, `report is ${run.out.length} characters`);
});

links.run();
