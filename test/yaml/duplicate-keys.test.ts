// The one-pass duplicate-key check must find exactly the duplicates the `yaml` package's own (quadratic)
// check finds, at the same offsets, in every file of the tricky corpus and a few made for it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as yaml from 'yaml';
import { findDuplicateKeys } from '../../src/yaml/duplicate-keys.js';
import { TRICKY_SCALARS, trickyFiles } from './tricky-yaml.js';

const MADE = [
  'a: 1\na: 2\n',
  '{a: 1, a: 2}\n',
  '"a": 1\na: 2\n',
  "1: x\n'1': y\n1: z\n",
  ': 1\n: 2\n',
  '~: 1\nnull: 2\n',
  '? [a]\n: 1\n? [a]\n: 2\n',
  '.nan: 1\n.nan: 2\n',
  '0: 1\n-0: 2\n',
  'x: &k a\n*k : 1\na: 2\n',
  'a: {b: 1, b: 2, c: [{d: 1, d: 2}]}\na: 3\n',
  '!!str a: 1\na: 2\n',
  '- a: 1\n  a: 2\n- [b: 1, b: 2]\n',
  '? {a: 1, a: 2}\n: 1\n',
  ...TRICKY_SCALARS.map((scalar) => `${scalar}: 1\n${scalar}: 2\n{${scalar}: 1, ${scalar}: 2}: 3\n`),
];

const offsets = (errors: readonly { code: string; pos: [number, number] }[]): number[] =>
  errors.filter((error) => error.code === 'DUPLICATE_KEY').map((error) => error.pos[0]);

test('finds the duplicates yaml finds, at the same offsets', () => {
  for (const text of [...trickyFiles(), ...MADE]) {
    const [checked] = yaml.parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
    const [unchecked] = yaml.parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
    if (!checked || !unchecked || !('errors' in checked) || !('errors' in unchecked)) continue;
    assert.equal(offsets(findDuplicateKeys(yaml, unchecked)), offsets(checked.errors), text);
  }
});

test('a mapping nested thousands deep is walked without overflowing the stack', () => {
  const depth = 20_000;
  const text = `${'['.repeat(depth)}{a: 1, a: 2}${']'.repeat(depth)}\n`;
  const [document] = yaml.parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
  if (!document || !('errors' in document)) return;
  assert.not.throws(() => findDuplicateKeys(yaml, document));
});

test.run();
