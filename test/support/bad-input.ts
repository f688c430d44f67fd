// The one corpus of bad input. Fixture trees under bad-groups/ come with the exact problems the loader
// must report; the CLI runs every tree, plus inputs made at run time (too big or too odd to keep as
// files) and broken config files, and must name the file (and line) each time.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Distinctive, so a leak anywhere is found by a plain substring search. */
export const SECRET_TOKEN = 'tok_SECRET_d41d8cd98f00b204e9800998ecf8427e';

/** One directory per kind of bad groups/ tree. */
export const BAD_GROUPS = fileURLToPath(new URL('./bad-groups/', import.meta.url));

/** [file, line, col, field, message pattern] */
export type Expected = [string, number, number, string, RegExp];

/** The problems the loader reports for each tree under bad-groups/, in order. */
export const FIXTURE_PROBLEMS: Record<string, Expected[]> = {
  'yaml-syntax': [
    ['group.yaml', 4, 1, '', /^YAML: Flow map in block collection must be sufficiently indented and end with a \}/],
    ['group.yaml', 4, 1, '', /^YAML: Flow sequence .* end with a \]/],
  ],
  'duplicate-key': [['group.yaml', 3, 1, 'name', /^duplicate key 'name'$/]],
  'empty-file': [['group.yaml', 1, 1, '', /^file is empty/]],
  'non-utf8': [['group.yaml', 2, 17, '', /^file is not valid UTF-8$/]],
  'alias-bomb': [['group.yaml', 3, 8, '', /^aliases expand too far \(more than 100 nodes\)$/]],
  'multiple-documents': [['group.yaml', 2, 1, '', /^file holds 2 YAML documents; a group file holds exactly one$/]],
  'unknown-key': [['group.yaml', 2, 1, 'discounts', /^unknown key 'discounts'$/]],
  'missing-name': [['group.yaml', 1, 1, 'name', /^missing required key 'name'$/]],
  'not-a-mapping': [['group.yaml', 1, 1, '', /^must be a mapping \(key: value\) \(found a list\)$/]],
  'bad-access-type': [
    ['group.yaml', 3, 9, 'category_access.type', /^must be one of all, specific, none \(found "some"\)$/],
  ],
  'bad-id': [['group.yaml', 1, 5, 'id', /^must be an integer of 1 or more \(found 0\)$/]],
  'wrong-type': [['group.yaml', 2, 13, 'is_default', /^must be true or false \(found "yes"\)$/]],
  'blank-name': [['group.yaml', 1, 7, 'name', /^name must not be blank or start or end with spaces$/]],
  'amount-not-numeric': [
    ['group.yaml', 5, 13, 'discount_rules[0].amount', /^amount must be a number such as 5 or "5.50" \(found "ten"\)$/],
  ],
  'negative-amount': [
    ['group.yaml', 5, 13, 'discount_rules[0].amount', /^amount must not be negative \(found -5\)$/],
    ['group.yaml', 9, 13, 'discount_rules[1].amount', /^amount must not be negative \(found "-2.50"\)$/],
  ],
  'amount-too-large': [
    ['group.yaml', 5, 13, 'discount_rules[0].amount', /^amount is too large \(found 1e\+21\)$/],
    ['group.yaml', 8, 13, 'discount_rules[1].amount', /^amount is too large \(found "12345678901234567890123"\)$/],
  ],
  'percent-over-100': [
    ['group.yaml', 5, 13, 'discount_rules[0].amount', /^a percent discount is at most 100 \(found 150\)$/],
  ],
  'percent-over-100-string': [
    ['group.yaml', 5, 13, 'discount_rules[0].amount', /^a percent discount is at most 100 \(found "100.5"\)$/],
  ],
  'rule-both-targets': [
    [
      'group.yaml',
      7,
      5,
      'discount_rules[0].category',
      /^gives both 'category_id' and 'category'; a rule names its target once$/,
    ],
  ],
  'bad-category-path': [
    ['group.yaml', 4, 20, 'category_access.categories[1]', /^is not a category path \(found "Tools\/\/Drills"\)$/],
    ['group.yaml', 4, 37, 'category_access.categories[2]', /^must be a category id or a category path/],
    ['group.yaml', 9, 15, 'discount_rules[0].category', /^is not a category path \(found "Tools\/"\)$/],
  ],
  'rule-missing-target': [
    [
      'group.yaml',
      3,
      5,
      'discount_rules[0]',
      /^a 'category' rule needs 'category_id' \(an id\) or 'category' \(a path of names/,
    ],
  ],
  'rule-extra-key': [
    ['group.yaml', 6, 5, 'discount_rules[0].product_id', /^'product_id' does not belong in an 'all' rule$/],
  ],
  'rule-unknown-key': [
    ['group.yaml', 3, 5, 'discount_rules[0].amount', /^an 'all' rule needs 'amount'/],
    ['group.yaml', 5, 5, 'discount_rules[0].ammount', /^unknown key 'ammount'$/],
  ],
  'price-list-with-amount': [
    ['group.yaml', 5, 5, 'discount_rules[0].amount', /^'amount' does not belong in a 'price_list' rule$/],
  ],
  'price-list-not-alone': [
    [
      'group.yaml',
      6,
      5,
      'discount_rules[1]',
      /^a price_list rule must be the only rule of its group \(this group has 2\)$/,
    ],
  ],
  'two-all-rules': [
    [
      'group.yaml',
      6,
      5,
      'discount_rules[1]',
      /^a group has at most one store-wide \('all'\) rule; another is at line 3$/,
    ],
  ],
  'duplicate-category-rule': [['group.yaml', 11, 5, 'discount_rules[2]', /^category 18 already has a rule at line 3$/]],
  'duplicate-product-rule': [['group.yaml', 4, 5, 'discount_rules[1]', /^product 112 already has a rule at line 3$/]],
  'categories-not-specific': [
    [
      'group.yaml',
      4,
      3,
      'category_access.categories',
      /^categories only go with type specific; with type all the API silently drops them$/,
    ],
  ],
  'specific-without-categories': [
    ['group.yaml', 2, 1, 'category_access.categories', /^type specific needs 'categories'/],
  ],
  'duplicate-categories': [
    ['group.yaml', 4, 3, 'category_access.categories', /^lists a category twice \(items 0 and 2\)$/],
  ],
  'duplicate-names': [
    [
      'a.yaml',
      1,
      1,
      'name',
      /^name 'VIP' is also used by duplicate-names\/nested\/b\.yml:2 \(names are compared without case\)$/,
    ],
    [
      'nested/b.yml',
      2,
      1,
      'name',
      /^name 'vip' is also used by duplicate-names\/a\.yaml:1 \(names are compared without case\)$/,
    ],
  ],
  'two-guest-groups': ['a.yaml:2:1', 'b.yaml:2:1', 'c.yaml:3:1'].map((where): Expected => {
    const [file = '', line, col] = where.split(':');
    const all = 'two-guest-groups/a\\.yaml:2, two-guest-groups/b\\.yaml:2, two-guest-groups/c\\.yaml:3';
    return [
      file,
      Number(line),
      Number(col),
      'is_group_for_guests',
      new RegExp(`^3 files set is_group_for_guests: true \\(${all}\\); a store has one guest group$`),
    ];
  }),
  'two-default-groups': [
    [
      'a.yaml',
      2,
      1,
      'is_default',
      /^2 files set is_default: true \(two-default-groups\/a\.yaml:2, two-default-groups\/b\.yaml:2\)/,
    ],
    [
      'b.yaml',
      2,
      1,
      'is_default',
      /^2 files set is_default: true \(two-default-groups\/a\.yaml:2, two-default-groups\/b\.yaml:2\)/,
    ],
  ],
  'duplicate-id-pins': [
    ['a.yaml', 1, 1, 'id', /^id 12 is also pinned by duplicate-id-pins\/b\.yaml:1$/],
    ['b.yaml', 1, 1, 'id', /^id 12 is also pinned by duplicate-id-pins\/a\.yaml:1$/],
  ],
  // One rule failing the schema must not hide another rule's problem in the same group.
  'schema-and-rule-problems': [
    ['group.yaml', 5, 13, 'discount_rules[0].amount', /^a percent discount is at most 100 \(found 500\)$/],
    ['group.yaml', 6, 5, 'discount_rules[1]', /store-wide|'all' rule|all rule/],
  ],
  'many-problems': [
    [
      'a.yaml',
      1,
      1,
      'name',
      /^name 'Retail' is also used by many-problems\/b\.yaml:1 \(names are compared without case\)$/,
    ],
    ['a.yaml', 2, 13, 'is_default', /^must be true or false \(found "yes"\)$/],
    [
      'b.yaml',
      1,
      1,
      'name',
      /^name 'Retail' is also used by many-problems\/a\.yaml:1 \(names are compared without case\)$/,
    ],
    [
      'b.yaml',
      3,
      11,
      'discount_rules[0].type',
      /^must be one of all, category, product, price_list \(found "everything"\)$/,
    ],
    ['c.yaml', 2, 1, '', /^YAML: /],
  ],
};

export interface BadInput {
  name: string;
  /** Paths relative to the repository; group files go under groups/. */
  files: Record<string, string | Uint8Array>;
  /** The file the message must name, and the line when there is one to name. */
  file: string;
  line?: number;
}

const GOOD = { 'groups/ok.yaml': 'name: Fine\n' };

function groupFile(name: string, text: string | Uint8Array, line: number): BadInput {
  return { name, files: { ...GOOD, 'groups/g.yaml': text }, file: 'groups/g.yaml', line };
}

function configFile(name: string, file: string, text: string, line?: number): BadInput {
  return { name, files: { ...GOOD, [file]: text }, file, ...(line === undefined ? {} : { line }) };
}

const rule = (lines: string) => `name: A\ndiscount_rules:\n${lines}`;

/** Every bad input: each fixture tree as groups/, then the inputs a fixture cannot hold. */
export function buildCorpus(): BadInput[] {
  return [...fixtureInputs(), ...generatedInputs()];
}

function fixtureInputs(): BadInput[] {
  return Object.entries(FIXTURE_PROBLEMS).map(([name, [first]]) => {
    const files = Object.fromEntries(
      listFiles(path.join(BAD_GROUPS, name)).map((file) => [
        `groups/${file}`,
        readFileSync(path.join(BAD_GROUPS, name, file)),
      ]),
    );
    return { name, files, file: `groups/${first?.[0]}`, line: first?.[1] };
  });
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** Big or odd bytes made at run time, group files the fixtures do not cover, and broken config files. */
function generatedInputs(): BadInput[] {
  return [
    groupFile('only a comment', '# nothing here\n', 1),
    // Fixed bytes, not random ones: a random 0x0a would move the first bad byte to another line.
    groupFile(
      'binary data',
      Buffer.concat([
        Buffer.from('name: '),
        Buffer.from(Array.from({ length: 64 }, (_, i) => 0x80 + ((i * 37) % 0x7f))),
        Buffer.from([0xff, 0xfe, 0x00]),
      ]),
      1,
    ),
    groupFile('NUL bytes', 'name: A\nis_default: \u0000\u0000\n', 2),
    groupFile('file over 1 MiB', `name: Big\n# ${'x'.repeat(1024 * 1024 + 16)}\n`, 1),
    groupFile('deep nesting', `name: Deep\nextra: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, 2),
    groupFile('a bare scalar', 'just words\n', 1),
    groupFile('name of the wrong type', 'name: [A, B]\n', 1),
    groupFile('id not a number', 'id: twelve\nname: A\n', 1),
    groupFile('rules not a list', 'name: A\ndiscount_rules: {type: all}\n', 2),
    groupFile('unknown rule type', rule('  - type: everything\n    method: percent\n    amount: 5\n'), 3),
    groupFile('unknown method', rule('  - type: all\n    method: half\n    amount: 5\n'), 4),
    groupFile('a name with a bidi override', 'id: 3\nname: "Retail\u202eliateR"\n', 2),
    groupFile('a name with an escaped NUL', 'name: "A\\0B"\n', 1),
    groupFile('an id beyond 2^53', 'name: A\nid: 99999999999999999999999\n', 2),
    groupFile('an infinite amount', rule('  - type: all\n    method: price\n    amount: .inf\n'), 5),
    configFile(
      'a token in the config file',
      'bcgroups.config.json',
      JSON.stringify({ storeHash: 'abc', accessToken: SECRET_TOKEN }),
      1,
    ),
    configFile(
      'a token nested in the config',
      '.bcgroupsrc.yaml',
      `request:\n  timeoutMs: 1000\n  api_secret: ${SECRET_TOKEN}\n`,
      3,
    ),
    configFile('malformed JSON config', 'bcgroups.config.json', '{"concurrency": 4,,}', 1),
    configFile('malformed YAML config', '.bcgroupsrc.yaml', 'concurrency: [4\nprune: true\n', 2),
    configFile(
      'malformed JSON config holding a token',
      'bcgroups.config.json',
      `{"accessToken": "${SECRET_TOKEN}",,}`,
      1,
    ),
    configFile(
      'malformed YAML config holding a token',
      '.bcgroupsrc.yaml',
      `apiToken: ${SECRET_TOKEN}\nconcurrency: [4\nprune: true\n`,
      3,
    ),
    configFile('config value of the wrong type', 'bcgroups.config.json', JSON.stringify({ concurrency: 'many' }), 1),
    configFile('unknown config key', 'bcgroups.config.json', JSON.stringify({ concurency: 4 }), 1),
    configFile('config as a list', '.bcgroupsrc.json', '[1, 2]', 1),
  ];
}
