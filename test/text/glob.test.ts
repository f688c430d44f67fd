import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findMatchingPattern } from '../../src/text/glob.js';

test('* is any run, ? one character, case counts, and the whole name must match', () => {
  assert.is(findMatchingPattern(['B2B *'], 'B2B Acme Corp (2)'), 'B2B *');
  assert.is(findMatchingPattern(['B2B *'], 'b2b Acme'), undefined);
  assert.is(findMatchingPattern(['B2B *'], 'Old B2B Acme'), undefined);
  assert.is(findMatchingPattern(['Tier ?'], 'Tier 2'), 'Tier ?');
  assert.is(findMatchingPattern(['Tier ?'], 'Tier 10'), undefined);
  assert.is(findMatchingPattern(['?'], '😀'), '?', 'a character is a code point');
  assert.is(findMatchingPattern(['*'], ''), '*');
});

test('every other character stands for itself, regular-expression characters included', () => {
  for (const name of ['a.b', 'x[1]', 'a|b', '(x)', 'a\\b', 'a-b', '$5+', 'a{2}', '^up'])
    assert.is(findMatchingPattern([name], name), name, name);
  assert.is(findMatchingPattern(['a.b'], 'axb'), undefined);
  assert.is(findMatchingPattern(['a|b'], 'a'), undefined);
  assert.is(findMatchingPattern(['x[12]'], 'x1'), undefined);
});

test('the first matching pattern is named', () => {
  assert.is(findMatchingPattern(['Spring*', 'S*'], 'Spring Promo'), 'Spring*');
  assert.is(findMatchingPattern(['Q*', 'S*'], 'Spring Promo'), 'S*');
  assert.is(findMatchingPattern([], 'Spring Promo'), undefined);
});

test.run();
