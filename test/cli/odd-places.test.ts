// Odd places to point bcgroups at: a file as --dir, a device or a huge file as a plan, a working folder
// deleted under the shell. Each is a message naming what is wrong, never a stack trace or a 512 MB read.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { processIo } from '../../src/cli/io.js';
import { UsageError } from '../../src/errors.js';
import { openProject, VIP } from '../support/cli.js';

function assertCalm(err: string): void {
  for (const text of ['Unexpected error', 'ENOTDIR', '    at ', 'Invalid string length']) assert.not.match(err, text);
}

test('import --dir naming a file, or a path below one, is refused in words before the store is read', async () => {
  const project = await openProject({ 'vip.yaml': VIP }, { seed: [{ id: 1, name: 'VIP' }] });
  try {
    await writeFile(path.join(project.cwd, 'notes.txt'), 'not a folder\n');
    const file = await project.run('import', '--dir', 'notes.txt');
    assert.is(file.code, 1);
    assert.match(file.err, 'Cannot import into notes.txt: it is a file, not a folder');
    assertCalm(file.err);
    const below = await project.run('import', '--dir', 'notes.txt/groups');
    assert.is(below.code, 1);
    assert.match(below.err, 'part of the path is a file, not a folder');
    assertCalm(below.err);
    assert.is(project.sandbox.log.length, 0);
  } finally {
    await project.close();
  }
});

test('apply with a device or a file over the size limit as the plan reads at most the limit, then says so', async () => {
  const project = await openProject({ 'vip.yaml': VIP });
  try {
    const device = await project.run('apply', '/dev/zero');
    assert.is(device.code, 1);
    assert.match(device.err, '/dev/zero is not a regular file');
    assertCalm(device.err);
    await writeFile(path.join(project.cwd, 'big.json'), `"${'x'.repeat(2 * 1024 * 1024)}"`);
    const big = await project.run('apply', 'big.json');
    assert.is(big.code, 1);
    assert.match(big.err, 'big.json is larger than 1048576 bytes (1 MiB)');
    assertCalm(big.err);
    assert.is(project.sandbox.log.length, 0);
  } finally {
    await project.close();
  }
});

test('a working folder deleted under the shell is a usage error in words, not a uv_cwd stack', () => {
  const cwd = process.cwd;
  process.cwd = () => {
    throw Object.assign(new Error('ENOENT: no such file or directory, uv_cwd'), { code: 'ENOENT' });
  };
  try {
    assert.throws(
      () => processIo(),
      (error: unknown) => error instanceof UsageError && /current folder no longer exists/.test(error.message),
    );
  } finally {
    process.cwd = cwd;
  }
});

test.run();
