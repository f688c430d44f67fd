// Broken inputs, one per way a repository can be wrong. Each names the file (and line, when the input
// has lines) that the message must point at. Big inputs are generated here, at run time.
import { SECRET_TOKEN } from './helpers.js';

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

function aliasBomb(): string {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const previous = String.fromCharCode(96 + level);
    const current = String.fromCharCode(97 + level);
    levels.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return `name: Bomb\nx-bomb:\n${levels.map((line) => `  ${line}`).join('\n')}\n`;
}

export function buildCorpus(): BadInput[] {
  return [
    groupFile('malformed YAML (unclosed flow)', 'name: A\ndiscount_rules: [\n  {type: all, method: percent\n', 4),
    groupFile('duplicate key', 'name: A\nname: B\n', 2),
    groupFile('empty file', '', 1),
    groupFile('only a comment', '# nothing here\n', 1),
    // Fixed bytes, not random ones: a random 0x0a would move the first bad byte to another line.
    groupFile('binary data', Buffer.concat([Buffer.from('name: '), Buffer.from(Array.from({ length: 64 }, (_, i) => 0x80 + ((i * 37) % 0x7f))), Buffer.from([0xff, 0xfe, 0x00])]), 1),
    groupFile('NUL bytes', 'name: A\nis_default: \u0000\u0000\n', 2),
    groupFile('file over 1 MiB', `name: Big\n# ${'x'.repeat(1024 * 1024 + 16)}\n`, 1),
    groupFile('alias bomb', aliasBomb(), 4),
    groupFile('deep nesting', `name: Deep\nextra: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, 2),
    groupFile('two YAML documents', 'name: A\n---\nname: B\n', 2),
    groupFile('a list, not a mapping', '- name: A\n', 1),
    groupFile('a bare scalar', 'just words\n', 1),
    groupFile('unknown key', 'name: A\ndiscounts: []\n', 2),
    groupFile('missing name', 'is_default: true\n', 1),
    groupFile('name of the wrong type', 'name: [A, B]\n', 1),
    groupFile('blank name', 'name: "   "\n', 1),
    groupFile('flag of the wrong type', 'name: A\nis_default: "yes"\n', 2),
    groupFile('id zero', 'id: 0\nname: A\n', 1),
    groupFile('id not a number', 'id: twelve\nname: A\n', 1),
    groupFile('unknown access type', 'name: A\ncategory_access:\n  type: some\n', 3),
    groupFile('specific without categories', 'name: A\ncategory_access:\n  type: specific\n', 2),
    groupFile('categories with type all', 'name: A\ncategory_access:\n  type: all\n  categories: [1, 2]\n', 4),
    groupFile('category listed twice', 'name: A\ncategory_access:\n  type: specific\n  categories: [3, 4, 3]\n', 4),
    groupFile('rules not a list', 'name: A\ndiscount_rules: {type: all}\n', 2),
    groupFile('unknown rule type', rule('  - type: everything\n    method: percent\n    amount: 5\n'), 3),
    groupFile('unknown method', rule('  - type: all\n    method: half\n    amount: 5\n'), 4),
    groupFile('amount not numeric', rule('  - type: all\n    method: percent\n    amount: ten\n'), 5),
    groupFile('negative amount', rule('  - type: all\n    method: price\n    amount: -5\n'), 5),
    groupFile('percent over 100', rule('  - type: all\n    method: percent\n    amount: "100.5"\n'), 5),
    groupFile('category rule without category_id', rule('  - type: category\n    method: percent\n    amount: 5\n'), 3),
    groupFile('product_id in an all rule', rule('  - type: all\n    method: percent\n    amount: 5\n    product_id: 9\n'), 6),
    groupFile('amount in a price_list rule', rule('  - type: price_list\n    price_list_id: 3\n    amount: 5\n'), 5),
    groupFile('price_list rule not alone', rule('  - type: price_list\n    price_list_id: 3\n  - type: all\n    method: percent\n    amount: 5\n'), 3),
    groupFile('two store-wide rules', rule('  - {type: all, method: percent, amount: 5}\n  - {type: all, method: price, amount: 2}\n'), 4),
    groupFile('category with two rules', rule('  - {type: category, method: percent, amount: 5, category_id: 7}\n  - {type: category, method: price, amount: 1, category_id: 7}\n'), 4),
    groupFile('product with two rules', rule('  - {type: product, method: percent, amount: 5, product_id: 7}\n  - {type: product, method: price, amount: 1, product_id: 7}\n'), 4),
    { name: 'two files, one name', files: { ...GOOD, 'groups/a.yaml': 'name: Twin\n', 'groups/b.yaml': '# same\nname: Twin\n' }, file: 'groups/b.yaml', line: 2 },
    { name: 'two files pin one id', files: { ...GOOD, 'groups/a.yaml': 'id: 4\nname: One\n', 'groups/b.yaml': 'id: 4\nname: Two\n' }, file: 'groups/b.yaml', line: 1 },
    { name: 'two default groups', files: { ...GOOD, 'groups/a.yaml': 'name: One\nis_default: true\n', 'groups/b.yaml': 'name: Two\nis_default: true\n' }, file: 'groups/b.yaml', line: 2 },
    { name: 'two guest groups', files: { ...GOOD, 'groups/a.yaml': 'name: One\nis_group_for_guests: true\n', 'groups/b.yaml': 'name: Two\nis_group_for_guests: true\n' }, file: 'groups/b.yaml', line: 2 },
    configFile('a token in the config file', 'bcgroups.config.json', JSON.stringify({ storeHash: 'abc', accessToken: SECRET_TOKEN }), 1),
    configFile('a token nested in the config', '.bcgroupsrc.yaml', `request:\n  timeoutMs: 1000\n  api_secret: ${SECRET_TOKEN}\n`, 3),
    configFile('malformed JSON config', 'bcgroups.config.json', '{"concurrency": 4,,}', 1),
    configFile('malformed YAML config', '.bcgroupsrc.yaml', 'concurrency: [4\nprune: true\n', 2),
    configFile('malformed JSON config holding a token', 'bcgroups.config.json', `{"accessToken": "${SECRET_TOKEN}",,}`, 1),
    configFile('malformed YAML config holding a token', '.bcgroupsrc.yaml', `apiToken: ${SECRET_TOKEN}\nconcurrency: [4\nprune: true\n`, 3),
    configFile('config value of the wrong type', 'bcgroups.config.json', JSON.stringify({ concurrency: 'many' }), 1),
    configFile('unknown config key', 'bcgroups.config.json', JSON.stringify({ concurency: 4 }), 1),
    configFile('config as a list', '.bcgroupsrc.json', '[1, 2]', 1),
  ];
}
