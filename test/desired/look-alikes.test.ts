// Look-alike names: fillers, joiners, blank symbols, variation selectors and spaces other than U+0020 make
// ten names all read "VIP". Files may not hold them, names clash as a person reads them (NFKC and case), and
// live names holding them are escaped in text, markdown and JSON (plan, drift and the saved plan).
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadDesired } from '../../src/desired/index.js';
import { ValidationError } from '../../src/errors.js';
import { nameKey } from '../../src/model/normalize.js';
import { openProject } from '../support/cli.js';
import { makeTempDir } from '../support/temp.js';
import { replaceGroupFiles } from '../support/cli.js';

async function problemsIn(files: Record<string, string>): Promise<string[]> {
  const cwd = makeTempDir('look-alikes');
  await replaceGroupFiles(cwd, files);
  const problems = await loadDesired('groups', { cwd }).then(
    () => [],
    (error: unknown) => {
      if (error instanceof ValidationError) return error.problems;
      throw error;
    },
  );
  return problems.map((problem) => `${problem.file}:${problem.line} ${problem.field} ${problem.message}`);
}

const LOOK_ALIKES: [string, string][] = [
  ['\u3164', 'U+3164 (an invisible, default-ignorable character)'],
  ['\u034f', 'U+034F (an invisible, default-ignorable character)'],
  ['\u2800', 'U+2800 (a blank symbol)'],
  ['\ufe0f', 'U+FE0F (a variation selector)'],
  ['\u00a0', 'U+00A0 (a space other than the plain space U+0020)'],
  ['\u3000', 'U+3000 (a space other than the plain space U+0020)'],
  ['\u115f', 'U+115F (an invisible, default-ignorable character)'],
  ['\u00ad', 'U+00AD (an invisible format character)'],
];

test('a name or earlier name holding a filler, joiner, blank symbol, variation selector or odd space is refused', async () => {
  for (const [char, described] of LOOK_ALIKES) {
    const problems = await problemsIn({ 'a.yaml': `name: "V${char}IP"\nrenamed_from: ["Old${char}x"]\n` });
    assert.equal(
      problems,
      [
        `groups/a.yaml:1 name name holds ${described} at character 2`,
        `groups/a.yaml:2 renamed_from[0] an earlier name holds ${described} at character 4`,
      ],
      described,
    );
  }
});

test('references by name (category path, SKU, price list) holding one are refused too', async () => {
  const problems = await problemsIn({
    'a.yaml': [
      'name: A',
      'category_access:',
      '  type: specific',
      '  categories: ["Tools\u3164"]',
      'discount_rules:',
      '  - {type: product, method: percent, amount: 5, product_sku: "SKU\u00a01"}',
      '  - {type: category, method: percent, amount: 5, category: "Tools/Saws\u2800"}',
      '',
    ].join('\n'),
    'b.yaml': 'name: B\ndiscount_rules:\n  - {type: price_list, price_list: "Gold\ufe0f"}\n',
  });
  assert.is(problems.length, 4, problems.join('\n'));
  assert.match(problems.join('\n'), 'category path holds U+3164');
  assert.match(problems.join('\n'), 'product_sku holds U+00A0');
  assert.match(problems.join('\n'), 'category path holds U+2800');
  assert.match(problems.join('\n'), 'price_list holds U+FE0F');
});

test('names clash as a person reads them: full-width letters, ligatures and case folding are one name', async () => {
  assert.is(nameKey('ＶＩＰ'), nameKey('vip'));
  assert.is(nameKey('Straße'), nameKey('STRASSE'));
  assert.is(nameKey('ﬁne'), nameKey('Fine'));
  const problems = await problemsIn({ 'a.yaml': 'name: VIP\n', 'b.yaml': 'name: ＶＩＰ\n' });
  assert.is(problems.length, 2, problems.join('\n'));
  assert.match(problems[0] ?? '', 'is also used by groups/b.yaml');
  assert.match(problems[0] ?? '', 'NFKC');
});

test('a file is never matched to, nor created beside, a live group whose name only reads the same', async () => {
  const project = await openProject({ 'vip.yaml': 'name: VIP\n' }, { seed: [{ id: 4, name: 'ＶＩＰ' }] });
  try {
    const run = await project.run('plan', '--no-customers');
    assert.is(run.code, 1, run.out);
    assert.match(run.err, "name 'VIP' differs only in Unicode compatibility forms");
    assert.match(run.err, 'Pin id: 4');
  } finally {
    await project.close();
  }
});

const HIDDEN_RAW = /\u3164|\u034f|\u2800|\ufe0f|\u00a0|\u3000|\u202e/u;

test('live names holding look-alike characters are escaped in plan text, markdown, JSON, drift JSON and the saved plan', async () => {
  const seed = [
    { id: 1, name: 'Retail' },
    { id: 2, name: 'Retail\u3164', is_default: true },
    { id: 3, name: 'V\u00a0IP' },
    { id: 4, name: 'V\u2800IP' },
    { id: 5, name: 'VIP\ufe0f' },
    { id: 6, name: 'VI\u034fP' },
    { id: 7, name: 'Bidi\u202e' },
  ];
  const project = await openProject({ 'retail.yaml': 'name: Retail\nis_default: true\n' }, { seed });
  try {
    await mkdir(path.join(project.cwd, 'plans'));
    for (const argv of [
      ['plan', '--prune', '--force'],
      ['plan', '--prune', '--force', '--format', 'markdown'],
      ['plan', '--prune', '--force', '--format', 'json'],
      ['drift', '--format', 'json'],
      ['drift'],
      ['plan', '--prune', '--force', '--out', 'plans/p.json'],
    ]) {
      const run = await project.run(...argv, '--no-customers');
      assert.ok(run.code === 0 || run.code === 2, `${argv.join(' ')}: ${run.err}`);
      assert.not.match(run.out + run.err, HIDDEN_RAW, `a raw look-alike reached ${argv.join(' ')}`);
      if (argv.includes('json')) {
        assert.match(run.out, 'Retail\\u3164');
        assert.match(run.out, 'V\\u00a0IP');
        assert.match(run.out, 'Bidi\\u202e');
        JSON.parse(run.out);
      }
    }
    const saved = await readFile(path.join(project.cwd, 'plans/p.json'), 'utf8');
    assert.not.match(saved, HIDDEN_RAW);
    assert.match(saved, 'V\\u2800IP');
    // The escapes are JSON's own: the saved plan reads back to the store's names exactly.
    assert.ok(JSON.stringify(JSON.parse(saved)).includes('VIP\ufe0f'));
    const text = await project.run('plan', '--no-customers');
    assert.match(text.out, 'Retail\\u3164');
  } finally {
    await project.close();
  }
});

test.run();
