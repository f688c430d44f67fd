// The loader's fast path must read every file it accepts exactly as the exact path does: same values
// (numbers compared with Object.is, so -0 and NaN count), no problem the exact path would report, and
// through the whole loader the same problems, groups and hash.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseFastYaml } from '../../src/yaml/fast-parse.js';
import { loadDesired } from '../../src/desired/index.js';
import { parseGroupYaml } from '../../src/yaml/parse.js';
import { ValidationError } from '../../src/errors.js';
import { compareBothPaths, describeDisagreements, sameValue } from './differential.js';
import { TRICKY_SCALARS, trickyFiles } from './tricky-yaml.js';

const fast = suite('fast YAML path');

fast('every file the fast path accepts reads the same through the exact path, without problems', () => {
  const files = trickyFiles();
  let accepted = 0;
  for (const text of files) {
    const value = parseFastYaml(text);
    if (value === undefined) continue;
    accepted += 1;
    const exact = parseGroupYaml('g.yaml', text);
    if (!('parsed' in exact)) {
      assert.unreachable(
        `fast path accepted a file the exact path refuses:\n${text.slice(0, 300)}\n${JSON.stringify(exact.problems)}`,
      );
      continue;
    }
    if (!sameValue(value, exact.parsed.value))
      assert.unreachable(
        `values differ for:\n${text}\nfast ${JSON.stringify(value)}\nexact ${JSON.stringify(exact.parsed.value)}`,
      );
  }
  // The corpus must exercise the fast path, not only the fallback.
  assert.ok(accepted > files.length / 3, `only ${accepted} of ${files.length} files took the fast path`);
});

fast('the YAML 1.2 core scalars resolve as the yaml package resolves them', () => {
  for (const scalar of TRICKY_SCALARS) {
    const text = `value: ${scalar}\n`;
    const value = parseFastYaml(text);
    if (value === undefined) continue;
    const exact = parseGroupYaml('g.yaml', text);
    assert.ok(
      'parsed' in exact && sameValue(value.value, (exact.parsed.value as { value: unknown }).value),
      `scalar ${scalar}`,
    );
  }
  assert.equal(parseFastYaml('a: 0b101\nb: +.5\nc: 0o17\nd: 0x1F\ne: 1_000\nf: yes\ng: 2001-12-14\n'), {
    a: '0b101',
    b: 0.5,
    c: 15,
    d: 31,
    e: '1_000',
    f: 'yes',
    g: '2001-12-14',
  });
  assert.ok(Object.is(parseFastYaml('a: -0\n')?.a, -0));
});

fast('files with anchors, tags, duplicate keys or null keys take the exact path', () => {
  for (const text of [
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: 1\na: 2\n',
    '~: 1\n',
    'null: 1\n',
    '__proto__: 1\n',
    '- 1\n',
    '5\n',
    '',
  ]) {
    assert.is(parseFastYaml(text), undefined, text);
  }
});

fast('what the exact path refuses or reads otherwise, the fast path leaves to it', () => {
  const texts = [
    '[name]: VIP\n',
    'name: VIP\n[is_default]: true\n',
    '{name: VIP}: x\n',
    'name: "VIP"# note\n',
    "name: 'VIP'# note\n",
    'name: [a, b]# note\n',
    'name: x\nlabel: "two\nlines"\n',
    'name: x\nlabel: "two\n  lines"\n',
    'name: x\ncategory_access: {type: specific,\ncategories: [1]}\n',
    'name: x\ncategory_access:\n  categories: [1,\n  2]\n',
    'name: x\ndiscount_rules:\n  - - type: all\n',
    'name: x\ndiscount_rules:\n    - {type: all, amount: 5}\n  - {type: all, amount: 1}\n',
    'name: x\ndiscount_rules:\n  - type: all\n   method: percent\n',
    'name: x # a ? in a comment\ndiscount_rules:\n  - - 1\n',
  ];
  const result = compareBothPaths(texts);
  assert.equal(result.wrong, [], describeDisagreements(result.wrong));
});

fast('the loader gives the same problems, groups and hash through either path', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'bcgroups-fast-'));
  try {
    const files = trickyFiles();
    await Promise.all(
      files.map((text, index) => writeFile(path.join(dir, `g${String(index).padStart(4, '0')}.yaml`), text)),
    );
    const outcome = async (exactOnly: boolean) => {
      try {
        const state = await loadDesired(dir, { exactOnly });
        return { groups: JSON.stringify(state.groups), hash: state.hash };
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return { problems: error.problems };
      }
    };
    const viaFast = await outcome(false);
    assert.ok('problems' in viaFast && (viaFast.problems?.length ?? 0) > 100, 'the corpus has files with problems');
    assert.equal(viaFast, await outcome(true));
    // The clean files alone load to groups: compare those (and their hash) too.
    const clean = files.filter((text) => {
      const exact = parseGroupYaml('g.yaml', text);
      return 'parsed' in exact && parseFastYaml(text) !== undefined;
    });
    await rm(dir, { recursive: true, force: true });
    const cleanDir = await mkdtemp(path.join(tmpdir(), 'bcgroups-fast-'));
    try {
      await Promise.all(clean.map((text, index) => writeFile(path.join(cleanDir, `g${index}.yaml`), text)));
      const outcomeOf = async (exactOnly: boolean) =>
        loadDesired(cleanDir, { exactOnly }).then(
          (state) => ({ groups: JSON.stringify(state.groups), hash: state.hash }),
          (error: ValidationError) => ({
            problems: error.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.message}`),
          }),
        );
      assert.equal(await outcomeOf(false), await outcomeOf(true));
    } finally {
      await rm(cleanDir, { recursive: true, force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

fast.run();
