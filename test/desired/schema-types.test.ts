// The TypeScript types of a group file and the JSON Schema must describe the same thing. The typed
// objects below fail to compile when model.ts changes; the assertions fail when the schema changes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ACCESS_TYPES, RULE_METHODS, RULE_TYPES, type CategoryAccessFile, type DiscountRuleFile, type GroupFile, type RuleType } from '../../src/model.js';
import { readGroupSchema } from '../../src/desired/schema.js';

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type RuleOf<T extends RuleType> = Extract<DiscountRuleFile, { type: T }>;

const GROUP_KEYS = {
  id: true,
  name: true,
  is_default: true,
  is_group_for_guests: true,
  category_access: true,
  discount_rules: true,
} satisfies Record<keyof GroupFile, true>;

const GROUP_REQUIRED = { name: true } satisfies Record<RequiredKeys<GroupFile>, true>;

const ACCESS_KEYS = { type: true, categories: true } satisfies Record<keyof CategoryAccessFile, true>;

/** Every key of each rule variant; all of them are required in the type (checked by RULE_REQUIRED). */
const RULE_KEYS = {
  all: { type: true, method: true, amount: true },
  category: { type: true, method: true, amount: true, category_id: true },
  product: { type: true, method: true, amount: true, product_id: true },
  price_list: { type: true, price_list_id: true },
} satisfies { [T in RuleType]: Record<keyof RuleOf<T>, true> };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const RULE_KEYS_ALL_REQUIRED: { [T in RuleType]: Same<RequiredKeys<RuleOf<T>>, keyof RuleOf<T>> } = {
  all: true,
  category: true,
  product: true,
  price_list: true,
};
const RULE_REQUIRED = RULE_KEYS_ALL_REQUIRED && RULE_KEYS;

interface SchemaNode {
  properties?: Record<string, SchemaNode | boolean>;
  required?: string[];
  enum?: string[];
  allOf?: { if: SchemaNode; then: SchemaNode }[];
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
  assert.equal(sorted(allRuleKeys), sorted(new Set(Object.values(RULE_KEYS).flatMap((keys) => Object.keys(keys)))));
  for (const type of RULE_TYPES) {
    const branch = rule?.allOf?.find((entry) => (propertyOf(entry.if, 'type') as { const?: string } | undefined)?.const === type);
    assert.ok(branch, `no if/then branch for rule type ${type}`);
    const expected = Object.keys(RULE_REQUIRED[type]);
    assert.equal(sorted(['type', ...(branch.then.required ?? [])]), sorted(expected), `required keys of a '${type}' rule`);
    const forbidden = Object.entries(branch.then.properties ?? {}).filter(([, value]) => value === false).map(([key]) => key);
    assert.equal(sorted(forbidden), sorted(allRuleKeys.filter((key) => !expected.includes(key))), `keys forbidden in a '${type}' rule`);
  }
});

test.run();
