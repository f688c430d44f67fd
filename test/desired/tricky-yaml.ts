// A corpus of tricky YAML for the loader's two paths: core-schema scalars in every place a group file
// has one, and the structures (flow, quoting, folding, comments, indentation) a hand-written file can take.

/** Scalars whose type differs between YAML 1.1, js-yaml's core schema and YAML 1.2's core schema. */
export const TRICKY_SCALARS = [
  '0', '-0', '+0', '007', '08', '0o17', '0o8', '0x1F', '0xff', '0X1F', '0b101', '1_000', '1,000', '100000000000000000000',
  '12', '-12', '+12', '1.5', '1.50', '1.', '.5', '+.5', '-.5', '5.', '1e3', '1E3', '1e+3', '1.5e-3', '.5e3', '1e', 'e3',
  '.inf', '-.inf', '+.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', 'NaN', 'nan', 'inf', 'Infinity',
  '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '12:30:00', '1:20', '190:20:30', '0777', '"5"', "'5'", '"5.0000"', "'it''s'",
  '""', "''", '"a\\"b"', '"tab\\there"', '"\\u00e9"', 'é', 'Grüße', '😀 smile', 'a b  c', 'a#b', 'a #b', 'a: b', "'a: b'", '"a: b"',
  '-', '- a', ':', '"#"', '[]', '{}', '[1, 2]', '{a: 1}', '=', '<<', '&a', '*a', '!x', '%', '@x', '`x', '|', '>', '?', '? x',
];

const RULES = [
  '  - type: all\n    method: percent\n    amount: 5',
  '  - {type: category, method: price, amount: "2.50", category_id: 7}',
  '  - type: product\n    method: fixed\n    amount: 9.99\n    product_id: 12',
];

/** A group file with one slot filled; the rest is a plain valid group so only the slot is in question. */
function groupWith(index: number, slot: 'name' | 'suffix' | 'flag' | 'id' | 'amount' | 'flow-amount' | 'category' | 'access', scalar: string): string {
  const name = slot === 'name' ? scalar : slot === 'suffix' ? `Group ${index} ${scalar}` : `Group ${index}`;
  const lines = [`name: ${name}`];
  if (slot === 'flag') lines.push(`is_default: ${scalar}`);
  if (slot === 'id') lines.push(`id: ${scalar}`);
  if (slot === 'access') lines.push(`category_access: {type: ${scalar}}`);
  if (slot === 'category') lines.push('category_access:', '  type: specific', `  categories: [${scalar}, 3]`);
  lines.push('discount_rules:');
  if (slot === 'amount') lines.push(`  - type: all\n    method: percent\n    amount: ${scalar}`);
  else if (slot === 'flow-amount') lines.push(`  - {type: product, method: fixed, amount: ${scalar}, product_id: ${index}}`);
  else lines.push(...RULES);
  return `${lines.join('\n')}\n`;
}

/** Whole files whose structure is the question: flow and block, quoting, folding, comments, indentation. */
const STRUCTURES = [
  '{name: Flow Group, discount_rules: [{type: all, method: percent, amount: 5}]}\n',
  '{name: Flow, discount_rules: [], }\n',
  'name: Trailing\ndiscount_rules: [{type: all, method: percent, amount: 5}, ]\n',
  '"name": "Quoted keys"\n\'is_default\': true\n',
  'name: Multi\n  line plain\n',
  'name: Multi\n\n  line plain with a blank\n',
  'name: "Multi\n  line double"\n',
  'name: "Multi\n\n  line double, blank"\n',
  "name: 'Multi\n  line single'\n",
  "name: 'single '' quote'\n",
  'name: "double \' quote"\n',
  'name:   Spaced out   \n',
  'name: Comment # here\n# whole line\n  # indented comment\n',
  'name: Hash#inside\n',
  '# first\nname: After comment\n',
  'name: Colon:inside\n',
  'name: "Colon: inside"\n',
  'name: a:b:c\n',
  'name: Seq\ndiscount_rules:\n- type: all\n  method: percent\n  amount: 5\n',
  'name: Deep\ndiscount_rules:\n    -   type: all\n        method: percent\n        amount: 5\n',
  'name: Nested\ncategory_access:\n  type: specific\n  categories:\n    - 1\n    - 2\n',
  'name: Nested flow\ncategory_access: {type: specific, categories: [1, 2, 2, 1]}\n',
  'name: Empty value\nis_default:\n',
  'name: Empty list\ndiscount_rules: []\n',
  'name: Null list\ndiscount_rules: ~\n',
  'name: Empty item\ndiscount_rules:\n  -\n',
  'name: Seq of seq\ndiscount_rules:\n  - - 1\n',
  'name: Single pair\ndiscount_rules: [type: all]\n',
  'name: Set like\ncategory_access: {type, categories}\n',
  'name: Bad indent\n  is_default: true\n',
  'name: Unclosed [\n',
  'name: [unclosed\n',
  'name: {unclosed\n',
  'name: "unclosed\n',
  'name: ok\n  - item\n',
  'name: Dup\nname: Dup again\n',
  'name: Dup quoted\n"name": Again\n',
  'name: Dup nested\ncategory_access: {type: all, type: none}\n',
  'name: x\nextra_key: 1\n',
  'name: Guest\nis_group_for_guests: true\n',
  'name: Guest 2\nis_group_for_guests: true\n',
  'name: Default A\nis_default: true\n',
  'name: Default B\nis_default: true\n',
  'name: Same Name\n',
  'name: same name\n',
  'id: 5\nname: Pinned A\n',
  'id: 5\nname: Pinned B\n',
  'name: Percent\ndiscount_rules: [{type: all, method: percent, amount: 150}]\n',
  'name: Two all\ndiscount_rules: [{type: all, method: percent, amount: 1}, {type: all, method: fixed, amount: 2}]\n',
  'name: Price list\ndiscount_rules: [{type: price_list, price_list_id: 3}, {type: all, method: percent, amount: 1}]\n',
  'name: Access\ncategory_access: {type: all, categories: [1]}\n',
  'name: Long key\n' + 'k'.repeat(1100) + ': 1\n',
  'name: ' + 'Long value '.repeat(200) + '\n',
  'name: No newline at end',
  '\n\n\nname: Leading blank lines\n',
  'name: Trailing blank lines\n\n\n\n',
  '---\nname: Document start\n',
  'name: Document end\n...\n',
  'name: Two docs\n---\nname: Second\n',
  '# only a comment\n',
  '',
  '   \n',
  '- name: A list\n',
  'just a scalar\n',
  'name: Tab\tinside\n',
  'name: CRLF\r\nis_default: false\r\n',
  '\uFEFFname: BOM\n',
  'name: Unicode ✓ Grüße 😀\n',
  'name: "Escaped \\u2713"\n',
  'name: Anchor\ncategory_access: &a {type: all}\n',
  'name: Block\ndescription: |\n  text\n',
  'name: Key with space \nis_default : true\n',
  'name: Key spaced\nis_default   :   false\n',
  'name: No space after colon\nis_default:true\n',
  'name: Question\n? is_default\n: true\n',
  'name: Flow newline\ndiscount_rules: [\n  {type: all,\n   method: percent, amount: 5}\n]\n',
  'name: Flow map newline\ncategory_access: {\n  type: none\n}\n',
  'name: Flow comment\ndiscount_rules: [ # a comment\n  {type: all, method: percent, amount: 5}\n]\n',
  'name: Null key\n: value\n',
  'name: Quoted null key\n"null": 1\n',
  'name: Number key\n1: one\n',
  'name: Bool key\ntrue: yes\n',
  'name: Proto\n__proto__: {is_default: true}\n',
  'name: Constructor\nconstructor: 1\n',
];

/** Every corpus file: each scalar in each slot, then the structures. */
export function trickyFiles(): string[] {
  const slots = ['name', 'suffix', 'flag', 'id', 'amount', 'flow-amount', 'category', 'access'] as const;
  const files: string[] = [];
  TRICKY_SCALARS.forEach((scalar, s) => slots.forEach((slot, n) => files.push(groupWith(s * slots.length + n, slot, scalar))));
  return [...files, ...STRUCTURES];
}
