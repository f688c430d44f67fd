// Group files in every style a person writes, each changed by a few random edits: a character put in,
// taken out or doubled, a line indented more or less, two lines joined. Seeded, so a failure repeats.

const BASES = [
  'name: VIP\nis_default: false\ndiscount_rules:\n  - type: all\n    method: percent\n    amount: 10\n',
  'name: "Trade #1"\ncategory_access:\n  type: specific\n  categories: [1, 2, 3]\n',
  "name: 'Wholesale'\ndiscount_rules:\n" +
    '- {type: category, method: price, amount: "2.50", category_id: 7}\n' +
    '- type: product\n  method: fixed\n  amount: 9.99\n  product_id: 12\n',
  '# a comment\nname: Retail # trailing\nid: 42\nstores: [production, staging]\n\nis_group_for_guests: true\n',
  'name: Nested\nid:\n  production: 5\n  staging: 9\ncategory_access: {type: all}\ndiscount_rules: []\n',
  'name: Deep\ndiscount_rules:\n    -   type: all\n        method: percent\n        amount: -0.5\n' +
    '    - type: price_list\n      price_list_id: 3\n',
];

/** Characters that matter to YAML's grammar, and a few that do not. */
const INSERTS = [...'[]{}:,#-?"\' \n!&*|>%@`~.0aZ_\\'];

/** mulberry32: a small, fast, seeded generator; the same seed gives the same files on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text: string, random: () => number): string {
  const pick = (n: number) => Math.floor(random() * n);
  const at = pick(text.length + 1);
  const lines = text.split('\n');
  const line = pick(lines.length);
  switch (pick(6)) {
    case 0:
      return text.slice(0, at) + INSERTS[pick(INSERTS.length)] + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + text.charAt(at) + text.slice(at);
    case 3:
      lines[line] = ' '.repeat(1 + pick(3)) + (lines[line] ?? '');
      return lines.join('\n');
    case 4:
      lines[line] = (lines[line] ?? '').replace(/^ {1,2}/, '');
      return lines.join('\n');
    default:
      lines.splice(line, 2, `${lines[line] ?? ''}${lines[line + 1] ?? ''}`);
      return lines.join('\n');
  }
}

/** `count` files, each a base file after one to three random edits. */
export function* mutatedGroupFiles(count: number, seed = 18): Generator<string> {
  const random = seededRandom(seed);
  for (let index = 0; index < count; index += 1) {
    let text = BASES[index % BASES.length] ?? '';
    const edits = 1 + Math.floor(random() * 3);
    for (let edit = 0; edit < edits; edit += 1) text = mutate(text, random);
    yield text;
  }
}
