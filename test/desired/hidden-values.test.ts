// Values a file can spell but a group cannot hold: names with invisible or control characters, ids beyond
// exact integers, and values JSON cannot spell (.inf, !!binary), each named for what it is.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadDesired } from '../../src/desired/index.js';
import { ValidationError } from '../../src/errors.js';

async function problemsIn(text: string): Promise<string[]> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'bcgroups-hidden-'));
  try {
    await mkdir(path.join(cwd, 'groups'));
    await writeFile(path.join(cwd, 'groups/g.yaml'), text);
    const problems = await loadDesired('groups', { cwd }).then(
      () => [],
      (error: unknown) => {
        if (error instanceof ValidationError) return error.problems;
        throw error;
      },
    );
    return problems.map((problem) => `${problem.line}:${problem.col} ${problem.field} ${problem.message}`);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

test('a name with a control, format or separator character is refused, naming the code point and where', async () => {
  const cases: [string, string][] = [
    ['name: "a\\0b"\n', '1:7 name name holds U+0000 (a C0 control character) at character 2'],
    ['name: a\u0000b\n', '1:7 name name holds U+0000 (a C0 control character) at character 2'],
    ['name: "Tab\\tbed"\n', '1:7 name name holds U+0009 (a C0 control character) at character 4'],
    ['name: "a\\x85b"\n', '1:7 name name holds U+0085 (a C1 control character) at character 2'],
    ['id: 4\nname: "Retail\u202eliateR"\n', '2:7 name name holds U+202E (a bidi control) at character 7'],
    ['name: "VIP\u2066x\u2069"\n', '1:7 name name holds U+2066 (a bidi control) at character 4'],
    ['name: Gold\u200b\n', '1:7 name name holds U+200B (a zero-width character) at character 5'],
    ['name: "\u00e9\u00e9\ufeffx"\n', '1:7 name name holds U+FEFF (a zero-width character) at character 3'],
    ['name: "a\\u2028b"\n', '1:7 name name holds U+2028 (a line or paragraph separator) at character 2'],
    ['name: "a\\ud800b"\n', '1:7 name name holds U+D800 (half of a surrogate pair) at character 2'],
    ['name: "\u{1F600}\u00ad"\n', '1:7 name name holds U+00AD (an invisible format character) at character 2'],
  ];
  for (const [text, expected] of cases) assert.equal(await problemsIn(text), [expected], JSON.stringify(text));
  assert.equal(
    await problemsIn('name: "Caf\u00e9 \u00fcber \u{1F600}"\n'),
    [],
    'letters, accents and emoji stay welcome',
  );
});

test('a reference (category path, SKU, price list name) with a hidden character is refused like a name', async () => {
  const cases: [string, string][] = [
    [
      'name: A\ncategory_access: {type: specific, categories: ["Evil\u202eliv"]}\n',
      '2:48 category_access.categories[0] category path holds U+202E (a bidi control) at character 5',
    ],
    [
      'name: A\ndiscount_rules: [{type: category, method: percent, amount: 5, category: "Tools\\0Power Tools"}]\n',
      '2:73 discount_rules[0].category category path holds U+0000 (a C0 control character) at character 6',
    ],
    [
      'name: A\ndiscount_rules: [{type: product, method: percent, amount: 5, product_sku: "HAM\u200b16"}]\n',
      '2:75 discount_rules[0].product_sku product_sku holds U+200B (a zero-width character) at character 4',
    ],
    [
      'name: A\ndiscount_rules: [{type: price_list, price_list: "Trade\u2028"}]\n',
      '2:49 discount_rules[0].price_list price_list holds U+2028 (a line or paragraph separator) at character 6',
    ],
    [
      'name: A\ndiscount_rules: [{type: price_list, price_list: "T\\ud800"}]\n',
      '2:49 discount_rules[0].price_list price_list holds U+D800 (half of a surrogate pair) at character 2',
    ],
  ];
  for (const [text, expected] of cases) assert.equal(await problemsIn(text), [expected], JSON.stringify(text));
  assert.equal(
    await problemsIn('name: A\ncategory_access: {type: specific, categories: ["Caf\u00e9/\u{1F600} Toys", 4]}\n'),
    [],
    'letters and emoji stay welcome',
  );
});

test('an id beyond 2^53 is refused wherever an id goes, not rounded', async () => {
  const big = '99999999999999999999999';
  assert.equal(await problemsIn(`name: A\nid: ${big}\n`), [
    '2:5 id is too large for an id (found 1e+23): ids are whole numbers up to 9007199254740991, ' +
      'beyond which they are rounded',
  ]);
  const rules = [
    `  - { type: category, method: percent, amount: 5, category_id: ${big} }`,
    `  - { type: product, method: percent, amount: 5, product_id: ${big} }`,
  ].join('\n');
  const problems = await problemsIn(
    `name: A\ncategory_access: { type: specific, categories: [${big}] }\ndiscount_rules:\n${rules}\n`,
  );
  assert.equal(
    problems.map((line) => line.split(' ')[1]),
    ['category_access.categories[0]', 'discount_rules[0].category_id', 'discount_rules[1].product_id'],
  );
  assert.ok(
    problems.every((line) => line.includes('is too large for an id')),
    problems.join('\n'),
  );
  assert.equal(await problemsIn('name: A\ndiscount_rules: [{ type: price_list, price_list_id: 9007199254740992 }]\n'), [
    '2:53 discount_rules[0].price_list_id is too large for an id (found 9007199254740992): ' +
      'ids are whole numbers up to 9007199254740991, beyond which they are rounded',
  ]);
  assert.equal(await problemsIn('name: A\nid: 9007199254740991\n'), [], 'the largest exact id is fine');
});

test('values JSON cannot spell are described as what they are, not as null or a mapping', async () => {
  assert.equal(await problemsIn('name: A\ndiscount_rules: [{ type: all, method: price, amount: .inf }]\n'), [
    '2:54 discount_rules[0].amount must be a number or a numeric string (found Infinity)',
  ]);
  assert.equal(await problemsIn('name: A\ndiscount_rules: [{ type: all, method: price, amount: -.inf }]\n'), [
    '2:54 discount_rules[0].amount must be a number or a numeric string (found -Infinity)',
  ]);
  assert.equal(await problemsIn('name: A\ndiscount_rules: [{ type: all, method: price, amount: .nan }]\n'), [
    '2:54 discount_rules[0].amount must be a number or a numeric string (found NaN)',
  ]);
  assert.equal(await problemsIn('name: !!binary QUJD\n'), [
    '1:16 name must be a string (found binary data (!!binary, 3 bytes))',
  ]);
  assert.equal(await problemsIn('name: !!timestamp 2024-01-02\n'), [
    '1:19 name must be a string (found a date (!!timestamp))',
  ]);
});

test('an amount too small for YAML to hold is 0, the same rounding to 4 decimals as 0.00001', async () => {
  assert.equal(await problemsIn('name: A\ndiscount_rules: [{ type: all, method: price, amount: 1e-400 }]\n'), []);
});

test.run();
