import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Change, SavedPlan } from '../../src/model/index.js';
import { fingerprint } from '../../src/model/normalize.js';
import { findStaleReasons } from '../../src/planfile/index.js';
import { createChange, deleteChange, live, state, updateChange } from '../support/groups.js';

const retail = live(12, 'Retail');
const gold = live(14, 'Gold', { discount_rules: [{ type: 'all', method: 'percent', amount: 5 }] });

function savedPlan(over: { changes?: Change[]; live?: SavedPlan['live'] } = {}): SavedPlan {
  const changes = over.changes ?? [
    updateChange(12, retail, state('Retail', { is_default: true })),
    deleteChange(14, gold),
    createChange(state('VIP')),
  ];
  return {
    format_version: 2,
    store_hash: 'abc123',
    desired_hash: 'x',
    created_at: '2024-01-02T00:00:00Z',
    forced: false,
    live: over.live ?? {
      '12': { date_modified: retail.date_modified, fingerprint: fingerprint(retail) },
      '14': { date_modified: gold.date_modified, fingerprint: fingerprint(gold) },
    },
    plan: {
      summary: { create: 1, update: 1, delete: 1, unchanged: 0, unmanaged: 0 },
      changes,
      unchanged: [],
      unmanaged: [],
      refusals: [],
    },
  };
}

test('a plan against the unchanged store it was made from is fresh', () => {
  assert.equal(findStaleReasons(savedPlan(), [retail, gold]), []);
});

test('a touched group that is gone, re-dated or hand-edited is named', () => {
  const reDated = { ...retail, date_modified: '2024-02-01 10:00:00' };
  let reasons = findStaleReasons(savedPlan(), [reDated]);
  assert.is(reasons.length, 2);
  assert.match(reasons.join('\n'), /'Retail' \(id 12\) was modified since planning/);
  assert.match(reasons.join('\n'), /'Gold' \(id 14\) no longer exists/);

  // Same date, other content: only the fingerprint notices.
  const edited = { ...gold, category_access: { type: 'none' as const } };
  reasons = findStaleReasons(savedPlan(), [retail, edited]);
  assert.equal(reasons, [`group 'Gold' (id 14) changed content since planning`]);
});

test('a group the plan creates that now exists is named, unless the plan frees the name itself', () => {
  const vip = live(20, 'VIP');
  assert.equal(findStaleReasons(savedPlan(), [retail, gold, vip]), [
    `group 'VIP' the plan creates is now taken by group 'VIP' (id 20)`,
  ]);

  // Group 14 is deleted by the plan, so its holding the name 'VIP' was known when planning.
  const goldNamedVip = { ...gold, name: 'VIP' };
  const plan = savedPlan({
    changes: [deleteChange(14, goldNamedVip), createChange(state('VIP'), ['delete:14'])],
    live: { '14': { date_modified: gold.date_modified, fingerprint: fingerprint(goldNamedVip) } },
  });
  assert.equal(findStaleReasons(plan, [goldNamedVip]), []);
});

test('without a recorded live entry the change before-state is the reference', () => {
  const plan = savedPlan({ live: {} });
  assert.equal(findStaleReasons(plan, [retail, gold]), []);
  const edited = { ...retail, is_group_for_guests: true };
  assert.equal(findStaleReasons(plan, [edited, gold]), [`group 'Retail' (id 12) changed content since planning`]);
});

test('a flag the plan gives away, now held by a group the plan never mentions, makes the plan stale', () => {
  const wholesale = live(20, 'Wholesale');
  const handEdited = { ...wholesale, is_default: true };
  const reasons = findStaleReasons(savedPlan(), [retail, gold, handEdited]);
  assert.equal(reasons, ["group 'Wholesale' (id 20) now holds is_default, which the plan gives to 'Retail'"]);
  assert.equal(findStaleReasons(savedPlan(), [retail, gold, wholesale]), [], 'without the flag it is fresh');
});

test('a create or rename target now taken, in any case, by a group the plan never mentions is named', () => {
  const renamed = savedPlan({
    changes: [updateChange(12, retail, state('Shop')), createChange(state('VIP'))],
    live: { '12': { date_modified: retail.date_modified, fingerprint: fingerprint(retail) } },
  });
  const reasons = findStaleReasons(renamed, [retail, live(30, 'vip'), live(31, 'SHOP')]);
  assert.equal(reasons, [
    "the new name 'Shop' of group 12 is now taken by group 'SHOP' (id 31)",
    "group 'VIP' the plan creates is now taken by group 'vip' (id 30)",
  ]);
});

test.run();
