// The README's CI recipes show the three calling workflows whole, exactly as the example files are, and
// say what the workflows do about secrets and concurrency in the words the workflows use.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { extractCodeBlocks, extractSection } from './commands.js';
import { jobNamed, readWorkflows, workflowNamed } from './workflow-files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
// From the heading to the next '## ': the section's yaml blocks hold '# ' comment lines that only look like
// headings, so the section is cut at the next level-2 heading outside a code block.
function readCiSection(): string {
  const start = readme.indexOf('\n## CI recipes\n');
  assert.ok(start >= 0, 'a CI recipes section');
  const lines = readme.slice(start + 1).split('\n');
  let fenced = false;
  const end = lines.findIndex((line, index) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    return index > 0 && !fenced && line.startsWith('## ');
  });
  return lines.slice(0, end < 0 ? undefined : end).join('\n');
}

const ci = readCiSection();

test('the CI recipes show each calling workflow whole, equal to its example file', () => {
  assert.ok(ci, 'a CI recipes section');
  const blocks = extractCodeBlocks(ci).filter((block) => block.lang === 'yaml');
  const examples = readWorkflows().filter((entry) => entry.path.includes(`${path.sep}examples${path.sep}`));
  assert.equal(
    examples.map((entry) => entry.file),
    ['bcgroups-apply.yml', 'bcgroups-drift.yml', 'bcgroups-plan.yml'],
  );
  for (const { file, text } of examples) {
    assert.ok(text.startsWith(`# .github/workflows/${file} in your repository`), `${file}: says where it goes`);
    const shown = blocks.find((block) => block.text.startsWith(`# .github/workflows/${file} `));
    assert.ok(shown, `the README shows ${file}`);
    assert.is(shown.text, text, `the README's ${file} is the example file, byte for byte`);
  }
  assert.not.match(
    extractCodeBlocks(readme)
      .map((block) => block.text)
      .join('\n'),
    /secrets:\s*inherit/,
  );
});

test('the several-stores secrets snippet folds into a JSON object of the stores it names', () => {
  const snippet = extractCodeBlocks(ci).find((block) => block.text.includes('BIGCOMMERCE_READ_TOKENS:'));
  assert.ok(snippet, 'a snippet passing BIGCOMMERCE_READ_TOKENS');
  const call = parse(snippet.text.replace(/^ {4}/gm, '')) as {
    with: { stores: string };
    secrets: { BIGCOMMERCE_READ_TOKENS: string };
  };
  // As GitHub would expand it, with each repository secret's value in place.
  const expanded = call.secrets.BIGCOMMERCE_READ_TOKENS.replace(
    /\$\{\{ secrets\.BIGCOMMERCE_READ_TOKEN_([A-Z0-9_]+) \}\}/g,
    (_, suffix: string) => `token-${suffix}`,
  );
  const tokens = JSON.parse(expanded) as Record<string, string>;
  const stores = JSON.parse(call.with.stores) as string[];
  assert.equal(Object.keys(tokens), stores);
  assert.equal(
    Object.values(tokens),
    stores.map((store) => `token-${store.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`),
  );
  const declared = workflowNamed('bcgroups-reusable-plan.yml').on.workflow_call?.secrets ?? {};
  assert.ok(declared.BIGCOMMERCE_READ_TOKENS && declared.BIGCOMMERCE_READ_TOKEN, 'the secrets it names exist');
});

test('the README names the concurrency groups the workflows use, and what a re-run does', () => {
  const caller = workflowNamed('bcgroups-apply.yml').concurrency?.group ?? '';
  const writer = jobNamed(workflowNamed('bcgroups-reusable-apply.yml'), 'apply').concurrency?.group ?? '';
  assert.ok(caller && ci.includes(`\`${caller}\``), `the README names ${caller}`);
  const perStore = writer.replace('${{ matrix.label }}', '<store>');
  assert.ok(ci.includes(`\`${perStore}\``), `the README names ${perStore}`);
  const section = extractSection(readme, 'One apply at a time');
  for (const phrase of ['cancel-in-progress: false', 'by hand', 'exit 5', 'exit 4', 'converges'])
    assert.ok(section.includes(phrase), phrase);
  assert.ok(ci.includes('<!-- bcgroups-drift store=<name> -->'), 'the drift marker');
  const script = String(
    jobNamed(workflowNamed('bcgroups-reusable-drift.yml'), 'drift').steps?.find((step) =>
      step.uses?.startsWith('actions/github-script'),
    )?.with?.script,
  );
  assert.match(script, '<!-- bcgroups-drift store=${process.env.STORE_KEY} -->');
});

test.run();
