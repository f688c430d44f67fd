// Markdown under a size limit: cut between whole changes, every block closed, the next store's section
// outside any block, and a note that says what was left out and where the whole plan is.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memoryIo } from '../../src/cli/io.js';
import { appendStepSummary, STEP_SUMMARY_BYTES } from '../../src/cli/step-summary.js';
import type { Plan } from '../../src/model/index.js';
import { createPlan } from '../../src/plan/index.js';
import { renderMarkdown } from '../../src/render/index.js';
import { renderStoresMarkdown } from '../../src/render/stores.js';
import { desired, live, rule } from '../support/groups.js';
import { makeTempDir } from '../support/temp.js';

/** A group whose diff alone is longer than `rules` lines: one product rule a line. */
function bigGroup(name: string, rules: number) {
  return desired(name, { discount_rules: Array.from({ length: rules }, (_, index) => rule.product(index + 1, 5)) });
}

function planOf(groups: ReturnType<typeof desired>[]): Plan {
  return createPlan(groups, [live(1, 'Retail', { is_default: true })], { prune: false });
}

/** Each store's section, and whether every fence and <details> opened in it is closed within it. */
function checkBlocks(markdown: string): void {
  let inFence = false;
  let open = 0;
  for (const line of markdown.split('\n')) {
    if (/^```/.test(line)) inFence = !inFence;
    if (inFence) continue;
    if (line.startsWith('## ')) assert.is(open, 0, `a heading inside an open <details>: ${line}`);
    if (line.startsWith('<details>')) open += 1;
    if (line.startsWith('</details>')) open -= 1;
    if (line.startsWith('## ')) continue;
  }
  assert.not.ok(inFence, 'every code block is closed');
  assert.is(open, 0, 'every <details> is closed');
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

test('a change longer than the limit is left out whole; the next store`s heading stays outside every block', () => {
  const production = planOf([bigGroup('Big', 3000), desired('Small')]);
  const staging = planOf([desired('Staging Only')]);
  const sections = [
    { store: 'production', storeHash: 'prod1', outcome: { plan: production, readLine: '' } },
    { store: 'staging', storeHash: 'stage1', outcome: { plan: staging, readLine: '' } },
  ];
  const whole = renderStoresMarkdown(sections);
  assert.ok(bytes(whole) > 60000, 'the big change alone is over the limit');
  const cut = renderStoresMarkdown(sections, { maxBytes: 30000, fullAt: 'the run summary' });
  assert.ok(bytes(cut) <= 30000, `at most the limit: ${bytes(cut)}`);
  checkBlocks(cut);
  assert.match(cut, /\n## bcgroups plan: store staging\n/);
  assert.match(cut, '+ create Staging Only');
  assert.match(
    cut,
    '> **Shortened to fit the size limit.** 0 of 2 changes are shown; the other 2 are left out, the first being create Big. Read it whole in the run summary.',
  );
  assert.match(cut, '| Create | Update | Delete |', 'the counts are always kept');
});

test('a long plan keeps the changes that fit, in order, and names the first one left out', () => {
  const groups = Array.from({ length: 400 }, (_, index) => bigGroup(`Group ${String(index).padStart(3, '0')}`, 20));
  const markdown = renderMarkdown(planOf(groups), { mode: 'plan', maxBytes: 50000, fullAt: 'the saved plan' });
  assert.ok(bytes(markdown) <= 50000);
  checkBlocks(markdown);
  const shown = markdown.match(/<details>/g)?.length ?? 0;
  assert.ok(shown > 10 && shown < 400, `some changes shown: ${shown}`);
  assert.match(
    markdown,
    `${shown} of 400 changes are shown; the other ${400 - shown} are left out, the first being create Group ${String(shown).padStart(3, '0')}.`,
  );
  assert.is(
    renderMarkdown(planOf(groups.slice(0, 3)), { maxBytes: 50000 }),
    renderMarkdown(planOf(groups.slice(0, 3))),
  );
});

test('the step summary stays under GitHub`s 1 MiB per step, counting what the step wrote before', async () => {
  const dir = makeTempDir('summary');
  const file = path.join(dir, 'summary.md');
  try {
    await writeFile(file, `${'x'.repeat(300_000)}\n`);
    const plan = planOf(Array.from({ length: 1200 }, (_, index) => bigGroup(`Group ${index}`, 12)));
    assert.ok(bytes(renderMarkdown(plan)) > STEP_SUMMARY_BYTES, 'the whole plan is over the limit');
    const io = memoryIo({ cwd: dir, env: { GITHUB_STEP_SUMMARY: file } });
    await appendStepSummary(io, (maxBytes) => renderMarkdown(plan, { maxBytes, fullAt: 'the saved plan' }));
    const written = await readFile(file, 'utf8');
    assert.ok(bytes(written) <= STEP_SUMMARY_BYTES, `under the limit: ${bytes(written)}`);
    assert.match(written, /Shortened to fit the size limit\.\*\* \d+ of 1200 changes are shown/);
    checkBlocks(written.slice(300_001));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
