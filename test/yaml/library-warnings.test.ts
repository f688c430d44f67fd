// The `yaml` package prints its warnings through process.emitWarning, which Node writes to stderr as
// "Warning: ...". The project words every problem itself, so no reader of YAML may let one through.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadDesired } from '../../src/desired/index.js';
import { parseYaml } from '../../src/yaml/parse.js';
import { renderGroupFile } from '../../src/import/render.js';
import { findExistingFiles } from '../../src/import/pins.js';
import { loadSeedFile } from '../../src/sandbox/seed.js';
import { live } from '../support/groups.js';

const TSX = import.meta.resolve('tsx');
const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** A list and a mapping as keys make yaml warn when it builds the value; an unknown tag, when it parses. */
const COLLECTION_KEYS = 'name: VIP\n[is_default]: true\n? {a: 1}\n: 2\n';
const UNKNOWN_TAG = 'name: Tagged\nid: !custom 3\n';

const warnings = suite<{ dir: string }>('no warning of the yaml package reaches the user');

warnings.before.each(async (context) => {
  context.dir = await mkdtemp(path.join(tmpdir(), 'bcgroups-warnings-'));
});
warnings.after.each(async (context) => {
  await rm(context.dir, { recursive: true, force: true });
});

/** Every process warning emitted while `run` runs, and until the next turn of the event loop. */
async function warningsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (warning: Error) => seen.push(warning.message);
  process.on('warning', listener);
  try {
    await run().catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listener);
  }
  return seen;
}

warnings('reading group files, configs, seeds and existing files, and writing names', async ({ dir }) => {
  await writeFile(path.join(dir, 'vip.yaml'), COLLECTION_KEYS);
  await writeFile(path.join(dir, 'tagged.yaml'), UNKNOWN_TAG);
  await writeFile(path.join(dir, 'seed.yaml'), `groups: []\n${COLLECTION_KEYS}${UNKNOWN_TAG.slice(13)}`);
  const seen = await warningsDuring(async () => {
    await loadDesired(dir, { exactOnly: true }).catch(() => undefined);
    await loadDesired(dir).catch(() => undefined);
    parseYaml('.bcgroupsrc.yaml', COLLECTION_KEYS);
    await loadSeedFile(path.join(dir, 'seed.yaml')).catch(() => undefined);
    await findExistingFiles(dir);
    renderGroupFile(live(1, '!custom VIP'));
  });
  assert.equal(seen, []);
});

warnings('validate of a file with a list as a key prints no Warning to stderr', async ({ dir }) => {
  await writeFile(path.join(dir, 'vip.yaml'), COLLECTION_KEYS);
  const stderr = await new Promise<string>((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, 'validate', '--dir', dir], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('close', () => resolve(err));
  });
  assert.not.match(stderr, /Warning/);
  // The problem itself is still reported, in the project's own words.
  assert.match(stderr, /vip\.yaml:2:1 .*unknown key '\[ is_default \]'/);
});

warnings.run();
