// Nothing that may be a secret is quoted back: a link in groups/ to `.env` or `.netrc` is refused unread,
// and text that looks like a token, a KEY=value or a PEM block is never quoted in errors or annotations.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runIn } from '../support/cli.js';
import { makeTempDir } from '../support/temp.js';

const ENV = 'API_TOKEN=abcd1234efgh5678ijkl\nSECRET=hunter2\n';
const NETRC = 'machine api.bigcommerce.com login me password s3cr3tpass\n';
const SECRETS = ['abcd1234', 'hunter2', 's3cr3tpass', 'machine api', 'MIIEvQIB', 'ghp_', 'Zm9vYmFy'];

async function makeProject(groups: Record<string, string>): Promise<string> {
  const cwd = makeTempDir('secrets');
  await mkdir(path.join(cwd, '.git'));
  await mkdir(path.join(cwd, 'groups'));
  await writeFile(path.join(cwd, '.env'), ENV);
  await writeFile(path.join(cwd, '.netrc'), NETRC);
  for (const [name, text] of Object.entries(groups)) await writeFile(path.join(cwd, 'groups', name), text);
  return cwd;
}

function assertNoSecret(text: string): void {
  for (const secret of SECRETS) assert.not.match(text, secret);
}

test('a link in groups/ to .env or .netrc inside the project is refused unread, in errors and annotations', async () => {
  const cwd = await makeProject({ 'vip.yaml': 'name: VIP\n' });
  await symlink('../.env', path.join(cwd, 'groups', 'env.yaml'));
  await symlink('../.netrc', path.join(cwd, 'groups', 'netrc.yml'));
  const run = await runIn(cwd, ['validate'], { GITHUB_ACTIONS: 'true' });
  assert.is(run.code, 1);
  assert.match(run.err, 'groups/env.yaml');
  assert.match(run.err, 'not a group file by name');
  assert.match(run.out + run.err, '::error file=groups/netrc.yml');
  assertNoSecret(run.out + run.err);
});

test('text that looks like a secret is not quoted, whatever file holds it', async () => {
  const cwd = await makeProject({
    'key.yaml':
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n',
    'token.yaml': 'ghp_abcdefABCDEF0123456789abcdefABCDEF01\n',
    'pair.yaml':
      'name: VIP\ncategory_access:\n  type: specific\n  categories: ["Tools", 2.5, "x"]\nstores: ["API_KEY=hunter2"]\n',
    'base.yaml': 'name: B\nstores: ["Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFy/+=="]\n',
  });
  const run = await runIn(cwd, ['validate'], { GITHUB_ACTIONS: 'true' });
  assert.is(run.code, 1);
  assert.match(run.err, 'not shown: it looks like a secret');
  assertNoSecret(run.out + run.err);
  // An ordinary value is still quoted, so people see what is wrong.
  assert.match(run.err, '2.5');
});

test('a saved plan that is not JSON is refused without quoting it', async () => {
  const cwd = await makeProject({ 'vip.yaml': 'name: VIP\n' });
  const run = await runIn(cwd, ['apply', '.env'], {});
  assert.is(run.code, 1);
  assert.match(run.err, '.env is not a saved plan: not valid JSON');
  assert.not.match(run.err, 'API_TOKEN');
  assertNoSecret(run.err);
});

test.run();
