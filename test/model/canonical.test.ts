// The one-pass canonical JSON and its equality must agree with the sorted-copy JSON.stringify they
// replace, on every value a plan, a hash or a fingerprint can meet (and stranger ones).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalJson, equalJson } from '../../src/model/canonical.js';
import { hashDesiredGroups } from '../../src/desired/build.js';
import { GROUP_FIELDS } from '../../src/model/index.js';
import { differingFields } from '../../src/model/normalize.js';
import { desired } from '../support/groups.js';
import { seededRandom } from '../support/sandbox.js';
import { createHash } from 'node:crypto';

const canonical = suite('canonical JSON');

/** The definition: stringify with every object replaced by a copy whose keys are sorted. */
function referenceJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

const LEAVES: unknown[] = [
  0,
  -0,
  1,
  -1.5,
  1e21,
  1e-7,
  NaN,
  Infinity,
  -Infinity,
  null,
  undefined,
  true,
  false,
  '',
  'a',
  'é',
  '😀',
  '"\\\n',
  '\u2028',
  () => 1,
  new Date(0),
];
const KEYS = ['a', 'b', 'B', 'é', '10', '9', '', '__x', 'amount', 'type', 'z'];

function randomValue(random: () => number, depth: number): unknown {
  const pick = random();
  if (depth > 3 || pick < 0.4) return LEAVES[Math.floor(random() * LEAVES.length)];
  if (pick < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  const object: Record<string, unknown> = {};
  for (let n = Math.floor(random() * 5); n > 0; n -= 1)
    object[KEYS[Math.floor(random() * KEYS.length)] ?? 'k'] = randomValue(random, depth + 1);
  return object;
}

/** A near copy: same keys in another order, and now and then one leaf changed. */
function variantOf(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => variantOf(item, random));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value).reverse();
    return Object.fromEntries(entries.map(([key, item]) => [key, variantOf(item, random)]));
  }
  return random() < 0.1 ? LEAVES[Math.floor(random() * LEAVES.length)] : value;
}

canonical('writes the same text as the sorted-copy stringify', () => {
  const random = seededRandom(7);
  for (let n = 0; n < 5000; n += 1) {
    const value = randomValue(random, 0);
    assert.is(canonicalJson(value), referenceJson(value), JSON.stringify(value));
  }
});

canonical('own __proto__ and integer-like keys, which the native key list cannot order', () => {
  for (const text of ['{"__proto__":{"b":1},"a":{}}', '{"b":{"10":1,"9":2,"a":3},"a":[{"2":0}]}']) {
    const value: unknown = JSON.parse(text);
    assert.is(canonicalJson(value), referenceJson(value), text);
  }
});

canonical('equalJson is equality of the canonical texts', () => {
  const random = seededRandom(11);
  let equal = 0;
  for (let n = 0; n < 5000; n += 1) {
    const a = randomValue(random, 0);
    const b = random() < 0.7 ? variantOf(a, random) : randomValue(random, 0);
    const expected = referenceJson(a) === referenceJson(b);
    if (expected) equal += 1;
    assert.is(equalJson(a, b), expected, `${referenceJson(a)} vs ${referenceJson(b)}`);
  }
  assert.ok(equal > 1000 && equal < 4500, `both outcomes are exercised (${equal} equal)`);
});

canonical('field comparison and the desired hash are unchanged', () => {
  const random = seededRandom(3);
  const groups = Array.from({ length: 300 }, (_, i) =>
    desired(`G${Math.floor(random() * 1000)}`, {
      ...(random() < 0.3 ? { id: i + 1 } : {}),
      is_default: random() < 0.5,
      category_access:
        random() < 0.5 ? { type: 'specific', categories: [3, 1, Math.floor(random() * 5)] } : { type: 'all' },
      discount_rules: [{ type: 'all', method: 'percent', amount: Math.floor(random() * 3) }],
    }),
  );
  // The hash as it was defined: one canonical JSON of the whole sorted list, rules and categories sorted by their text.
  const sortByText = <T>(items: readonly T[]): T[] =>
    [...items].sort((a, b) => (referenceJson(a) < referenceJson(b) ? -1 : referenceJson(a) > referenceJson(b) ? 1 : 0));
  const comparable = groups
    .map((group) => ({
      id: group.id ?? null,
      name: group.name,
      is_default: group.is_default,
      is_group_for_guests: group.is_group_for_guests,
      category_access:
        group.category_access.type === 'specific'
          ? { type: 'specific', categories: sortByText(group.category_access.categories) }
          : group.category_access,
      discount_rules: sortByText(group.discount_rules),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  assert.is(hashDesiredGroups(groups), createHash('sha256').update(referenceJson(comparable)).digest('hex'));
  for (let n = 1; n < groups.length; n += 1) {
    const [a, b] = [groups[n - 1], groups[n]];
    if (!a || !b) continue;
    const expected = GROUP_FIELDS.filter((field) => referenceJson(a[field]) !== referenceJson(b[field]));
    assert.equal(differingFields(a, b, GROUP_FIELDS), expected);
  }
});

canonical.run();
