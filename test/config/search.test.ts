// Which config file is read: data configs run no code, the search stays in the repository, two configs
// in one folder are an error, and --config pointing at something odd is a clear message, read in bounds.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
import { loadConfig } from '../../src/config/index.js';

const search = suite<{ root: string }>('config search', { root: '' });

search.before.each(async (context) => {
  context.root = await mkdtemp(path.join(tmpdir(), 'bcgroups-search-'));
});

search.after.each(async (context) => {
  await rm(context.root, { recursive: true, force: true });
});

const ENV = { BIGCOMMERCE_STORE_HASH: 'abc', BIGCOMMERCE_ACCESS_TOKEN: 'tok-search-1234567890abcdef' };

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ cwd, env: ENV });
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** A script that leaves a mark when it runs, so a test sees whether any code of the config ran. */
async function writeMarkingScript(file: string, mark: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    `require('node:fs').writeFileSync(${JSON.stringify(mark)}, 'ran'); module.exports = { prune: true };\n`,
  );
}

for (const [name, text] of [
  ['.bcgroupsrc.yaml', 'storeHash: abc\n$import: ./docs/notes.cjs\n'],
  ['bcgroups.config.json', '{\n  "storeHash": "abc",\n  "$import": "./docs/notes.cjs"\n}\n'],
  ['package.json', '{\n  "name": "store",\n  "bcgroups": {\n    "$import": "./docs/notes.cjs"\n  }\n}\n'],
] as const) {
  search(`${name}: a data config runs no code, and $import is an unknown key at its line`, async ({ root }) => {
    const mark = path.join(root, 'ran.txt');
    await writeMarkingScript(path.join(root, 'docs/notes.cjs'), mark);
    await writeFile(path.join(root, name), text);
    for (const command of ['validate', 'plan']) {
      const result = await run(root, command);
      assert.is(result.code, 1, result.err);
      assert.match(
        result.err,
        new RegExp(`^${name.replace('.', '\\.')}:[234]:\\d+ +\\$import +unknown key '\\$import'`),
      );
      assert.not.ok(existsSync(mark), `${command} ran the imported file`);
    }
  });
}

search('a JS config is code by name and still runs', async ({ root }) => {
  const mark = path.join(root, 'ran.txt');
  await writeMarkingScript(path.join(root, 'bcgroups.config.cjs'), mark);
  const loaded = await loadConfig({ cwd: root, env: {} });
  assert.is(loaded.prune, true);
  assert.ok(existsSync(mark));
});

search('the search stops at the repository root: a config above it is never read', async ({ root }) => {
  await writeFile(path.join(root, '.bcgroupsrc.yaml'), 'apiUrl: http://attacker.test\n');
  const repo = path.join(root, 'repo');
  await mkdir(path.join(repo, 'ci/deep'), { recursive: true });
  execFileSync('git', ['init', '-q', repo]);
  const fromSub = await loadConfig({ cwd: path.join(repo, 'ci/deep'), env: {} });
  assert.is(fromSub.configFile, undefined);
  assert.is(fromSub.apiUrl, 'https://api.bigcommerce.com');
  await writeFile(path.join(repo, 'bcgroups.config.yaml'), 'storeHash: inrepo\n');
  const found = await loadConfig({ cwd: path.join(repo, 'ci/deep'), env: {} });
  assert.is(found.configFile, path.join(repo, 'bcgroups.config.yaml'), 'the repository root is searched');
});

search('outside a repository only the current folder is searched', async ({ root }) => {
  await writeFile(path.join(root, '.bcgroupsrc.yaml'), 'apiUrl: http://attacker.test\n');
  const cwd = path.join(root, 'project');
  await mkdir(cwd);
  const loaded = await loadConfig({ cwd, env: {} });
  assert.is(loaded.configFile, undefined);
  assert.is(loaded.apiUrl, 'https://api.bigcommerce.com');
});

search('two config files in one folder are an error naming both', async ({ root }) => {
  await writeFile(path.join(root, '.bcgroupsrc.yaml'), 'storeHash: first\n');
  await writeFile(path.join(root, 'bcgroups.config.yaml'), 'storeHash: second\n');
  const result = await run(root, 'validate');
  assert.is(result.code, 1);
  assert.match(result.err, 'Two config files in one folder: .bcgroupsrc.yaml and bcgroups.config.yaml');
  assert.match(result.err, '--config FILE');
  const chosen = await run(root, 'validate', '--config', 'bcgroups.config.yaml');
  assert.not.match(chosen.err, 'Two config files', '--config picks one');
});

search('a package.json without a "bcgroups" key and a blank file are no second config', async ({ root }) => {
  await writeFile(path.join(root, 'package.json'), '{"name": "store"}');
  await writeFile(path.join(root, '.bcgroupsrc'), '\n');
  await writeFile(path.join(root, 'bcgroups.config.yaml'), 'storeHash: only\n');
  const loaded = await loadConfig({ cwd: root, env: {} });
  assert.is(loaded.storeHash, 'only');
});

search('--config on a device, folder, FIFO, missing or huge file: a clear message, no stack', async ({ root }) => {
  await mkdir(path.join(root, 'folder'));
  execFileSync('mkfifo', [path.join(root, 'pipe')]);
  await writeFile(path.join(root, 'huge.yaml'), `# ${'x'.repeat(2 * 1024 * 1024)}\nstoreHash: abc\n`);
  const cases: [string, string][] = [
    ['/dev/zero', 'Config file /dev/zero is not a regular file (a FIFO, device or socket)'],
    ['folder', 'Config file folder is a folder'],
    ['pipe', 'Config file pipe is not a regular file'],
    ['missing.yaml', 'Config file not found: missing.yaml'],
    ['huge.yaml', 'Config file huge.yaml is larger than 1048576 bytes (1 MiB)'],
  ];
  for (const [file, expected] of cases) {
    const result = await run(root, 'validate', '--config', file);
    assert.is(result.code, 1, `${file}: ${result.err}`);
    assert.match(result.err, expected);
    for (const bad of ['Unexpected error', '    at ', 'Invalid string length'])
      assert.not.match(result.err, bad, `${file}: ${result.err}`);
  }
});

search.run();
