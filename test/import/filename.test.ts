import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileNameFor } from '../../src/import/filename.js';

const SAFE = /^[a-z0-9]+(-[a-z0-9]+)*\.yaml$/;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)\.yaml$/;

test('ordinary names become lowercase slugs', () => {
  assert.is(fileNameFor('Retail', new Set()), 'retail.yaml');
  assert.is(fileNameFor('VIP  Customers (EU)', new Set()), 'vip-customers-eu.yaml');
  assert.is(fileNameFor('Café Crème', new Set()), 'cafe-creme.yaml');
});

test('hostile names give safe, unique file names', () => {
  const hostile = [
    '../etc/passwd',
    'CON',
    'nul',
    'Com1',
    'a\u0000b\u0007c\nd',
    '😀😀',
    '😀 VIP',
    'x'.repeat(300),
    '',
    '...',
    '.hidden',
    'C:\\Windows\\System32',
    '/abs/path',
    'etc passwd',
  ];
  const taken = new Set<string>();
  hostile.forEach((name, index) => {
    const file = fileNameFor(name, taken, index + 1);
    assert.match(file, SAFE, `unsafe: ${JSON.stringify(name)} -> ${file}`);
    assert.not.match(file, RESERVED);
    assert.ok(file.length <= 60 + '.yaml'.length, `too long: ${file}`);
    assert.not.ok(taken.has(file), `duplicate: ${file}`);
    taken.add(file);
  });
  assert.ok(taken.has('etc-passwd.yaml'));
  assert.ok(taken.has('etc-passwd-2.yaml'));
  assert.ok(taken.has('con-group.yaml'));
  assert.ok(taken.has('group-9.yaml'));
});

test('collisions count up, also case-insensitively and at full length', () => {
  const taken = new Set(['retail.yaml', 'RETAIL-2.yaml']);
  assert.is(fileNameFor('Retail', taken), 'retail-3.yaml');
  const long = 'y'.repeat(100);
  const first = fileNameFor(long, new Set());
  const second = fileNameFor(long, new Set([first]));
  assert.is(first.length, 65);
  assert.is(second, `${'y'.repeat(58)}-2.yaml`);
});

test.run();
