// The TypeScript types of a group file and the JSON Schema must describe the same thing. The typed
// objects below fail to compile when the model (src/model/) changes; the assertions fail when the schema changes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  ACCESS_TYPES,
  RULE_METHODS,
  RULE_TYPES,
  type CategoryAccessOf,
  type DiscountRuleOf,
  type GroupFile,
  type RuleType,
} from '../../src/model/index.js';
import { readGroupSchema } from '../../src/desired/schema.js';

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type RuleOf<T extends RuleType> = Extract<DiscountRuleOf<'file'>, { type: T }>;

const GROUP_KEYS = {
  id: true,
  name: true,
  renamed_from: true,
  merged_from: true,
  stores: true,
  is_default: true,
  is_group_for_guests: true,
  category_access: true,
  discount_rules: true,
  price_lists: true,
  default_on_channels: true,
  guest_on_channels: true,
} satisfies Record<keyof GroupFile, true>;

const GROUP_REQUIRED = { name: true } satisfies Record<RequiredKeys<GroupFile>, true>;

const ACCESS_KEYS = { type: true, categories: true } satisfies Record<keyof CategoryAccessOf<'file'>, true>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Each member of a union as the record of its keys. */
type Variant<U> = U extends unknown ? Record<keyof U, true> : never;
type KeysOfEach<U> = U extends unknown ? keyof U : never;
type AllRequired<U> = U extends unknown ? Same<RequiredKeys<U>, keyof U> : never;

/**
 * The keys of each variant of each rule type (a target by id, or by reference); every key of a variant
 * is required in the type (RULE_KEYS_ALL_REQUIRED), and the variants cover the type's keys (RULE_KEYS_COVER).
 */
const RULE_VARIANTS = {
  all: [{ type: true, method: true, amount: true }],
  category: [
    { type: true, method: true, amount: true, category_id: true },
    { type: true, method: true, amount: true, category: true },
  ],
  product: [
    { type: true, method: true, amount: true, product_id: true },
    { type: true, method: true, amount: true, product_sku: true },
  ],
  price_list: [
    { type: true, price_list_id: true },
    { type: true, price_list: true },
  ],
} satisfies { [T in RuleType]: Variant<RuleOf<T>>[] };

const RULE_KEYS_ALL_REQUIRED: { [T in RuleType]: AllRequired<RuleOf<T>> } = {
  all: true,
  category: true,
  product: true,
  price_list: true,
};
const RULE_KEYS_COVER: { [T in RuleType]: Same<KeysOfEach<(typeof RULE_VARIANTS)[T][number]>, KeysOfEach<RuleOf<T>>> } =
  {
    all: true,
    category: true,
    product: true,
    price_list: true,
  };
const RULE_REQUIRED = RULE_KEYS_ALL_REQUIRED && RULE_KEYS_COVER && RULE_VARIANTS;

interface SchemaNode {
  properties?: Record<string, SchemaNode | boolean>;
  required?: string[];
  enum?: string[];
  allOf?: { if: SchemaNode; then: SchemaNode }[];
  oneOf?: SchemaNode[];
  $defs?: Record<string, SchemaNode>;
}

const schema = readGroupSchema() as SchemaNode;
const defs = schema.$defs ?? {};
const sorted = (keys: Iterable<string>) => [...keys].sort();
const propertyOf = (node: SchemaNode | undefined, key: string) => node?.properties?.[key] as SchemaNode | undefined;

test('group keys and required keys agree', () => {
  assert.equal(sorted(Object.keys(schema.properties ?? {})), sorted(Object.keys(GROUP_KEYS)));
  assert.equal(sorted(schema.required ?? []), sorted(Object.keys(GROUP_REQUIRED)));
  assert.equal(sorted(Object.keys(defs.categoryAccess?.properties ?? {})), sorted(Object.keys(ACCESS_KEYS)));
});

test('enums agree with ACCESS_TYPES, RULE_TYPES and RULE_METHODS', () => {
  assert.equal(propertyOf(defs.categoryAccess, 'type')?.enum, [...ACCESS_TYPES]);
  assert.equal(propertyOf(defs.discountRule, 'type')?.enum, [...RULE_TYPES]);
  assert.equal(propertyOf(defs.discountRule, 'method')?.enum, [...RULE_METHODS]);
});

test('each rule variant requires exactly its keys and forbids the others', () => {
  const rule = defs.discountRule;
  const allRuleKeys = Object.keys(rule?.properties ?? {});
  const variants = (type: RuleType): string[][] => RULE_REQUIRED[type].map((variant) => Object.keys(variant));
  assert.equal(sorted(allRuleKeys), sorted(new Set(RULE_TYPES.flatMap((type) => variants(type).flat()))));
  for (const type of RULE_TYPES) {
    const branch = rule?.allOf?.find(
      (entry) => (propertyOf(entry.if, 'type') as { const?: string } | undefined)?.const === type,
    );
    assert.ok(branch, `no if/then branch for rule type ${type}`);
    // The schema says a variant as the keys every rule of the type requires plus one oneOf alternative.
    const common = ['type', ...(branch.then.required ?? [])];
    const alternatives = branch.then.oneOf?.map((entry) => entry.required ?? []) ?? [[]];
    const schemaVariants = alternatives.map((keys) => sorted([...common, ...keys])).sort();
    assert.equal(schemaVariants, variants(type).map(sorted).sort(), `variants of a '${type}' rule`);
    const allowed = new Set(variants(type).flat());
    const forbidden = Object.entries(branch.then.properties ?? {})
      .filter(([, value]) => value === false)
      .map(([key]) => key);
    assert.equal(
      sorted(forbidden),
      sorted(allRuleKeys.filter((key) => !allowed.has(key))),
      `keys forbidden in a '${type}' rule`,
    );
  }
});

test.run();
