// On GitHub Actions, plan, apply and drift add their markdown to $GITHUB_STEP_SUMMARY by themselves,
// as the README and the workflows promise: run in-process against the sandbox with the repo's groups/.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { DEMO_CATALOG } from '../../src/demo/catalog.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('plan, apply and drift each append a markdown section to the step summary', async () => {
  // groups/ points at categories, products and a price list: plan checks them against this catalog.
  const sandbox = await startSandbox({ catalog: DEMO_CATALOG });
  const dir = await mkdtemp(path.join(tmpdir(), 'bcgroups-summary-'));
  const summaryFile = path.join(dir, 'step-summary.md');
  // GitHub gives each step an existing (often non-empty) file: bcgroups must append, not replace.
  await writeFile(summaryFile, 'earlier step\n');
  const env = {
    BIGCOMMERCE_STORE_HASH: sandbox.storeHash,
    BIGCOMMERCE_API_URL: sandbox.apiUrl,
    BIGCOMMERCE_ACCESS_TOKEN: sandbox.token,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  const run = async (...argv: string[]) => {
    const io = memoryIo({ env, cwd: ROOT });
    const code = await runCli(argv, io);
    return { code, err: io.err(), summary: await readFile(summaryFile, 'utf8') };
  };
  try {
    const validated = await run('validate');
    assert.is(validated.code, 0, validated.err);
    assert.is(validated.summary, 'earlier step\n', 'validate writes no summary');

    const planned = await run('plan', '--detailed-exitcode');
    assert.is(planned.code, 2, planned.err);
    const afterPlan = planned.summary;
    assert.ok(afterPlan.startsWith('earlier step\n'), 'appended after what was there');
    assert.match(afterPlan, /^## bcgroups plan: store \w+ at http:\/\/127\.0\.0\.1:\d+$/m);
    assert.match(afterPlan, /\| Create \| Update \| Delete \|/);

    const applied = await run('apply', '--yes');
    assert.is(applied.code, 0, applied.err);
    assert.ok(applied.summary.startsWith(afterPlan), 'apply keeps the plan section');
    const applySection = applied.summary.slice(afterPlan.length);
    assert.match(applySection, /^## bcgroups apply: \d+ applied, 0 failed/m);

    const drifted = await run('drift', '--ignore-unmanaged');
    assert.is(drifted.code, 0, drifted.err);
    assert.ok(drifted.summary.startsWith(applied.summary), 'drift keeps the earlier sections');
    assert.match(
      drifted.summary.slice(applied.summary.length),
      /^## bcgroups drift: store \w+ at http:\/\/127\.0\.0\.1:\d+$/m,
    );

    assert.not.ok(drifted.summary.includes(sandbox.token), 'the token never reaches the summary');
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
