import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyConverged } from '../../src/apply/verify.js';
import type { ChangeResult } from '../../src/model/index.js';
import { createChange, deleteChange, live, state, updateChange } from '../support/groups.js';

const applied = (key: string, action: ChangeResult['action'], name: string, id?: number): ChangeResult => ({
  key,
  action,
  name,
  id,
  outcome: 'applied',
});

test('applied changes the store now holds stay applied', () => {
  const gold = state('Gold', { discount_rules: [{ type: 'all', method: 'percent', amount: 5 }] });
  const changes = [
    createChange(gold),
    updateChange(12, state('Retail'), state('Retail', { is_default: true })),
    deleteChange(14, state('Old')),
  ];
  const results = [
    applied('create:Gold', 'create', 'Gold', 30),
    applied('update:12', 'update', 'Retail', 12),
    applied('delete:14', 'delete', 'Old', 14),
  ];
  const liveGroups = [
    live(12, 'Retail', { is_default: true }),
    live(30, 'Gold', { discount_rules: gold.discount_rules }),
  ];
  assert.equal(verifyConverged(changes, results, liveGroups), results);
});

test('a field the API ignored becomes not_converged naming the field', () => {
  const after = state('Retail', { category_access: { type: 'specific', categories: [3, 4] }, is_default: true });
  const changes = [updateChange(12, state('Retail'), after)];
  const liveGroups = [live(12, 'Retail', { is_default: true, category_access: { type: 'specific', categories: [3] } })];
  const [result] = verifyConverged(changes, [applied('update:12', 'update', 'Retail', 12)], liveGroups);
  assert.is(result?.outcome, 'not_converged');
  assert.match(result?.error ?? '', /category_access differs/);
  assert.not.match(result?.error ?? '', /is_default/);
});

test('a group still present after delete, or missing after create, is not converged', () => {
  const changes = [deleteChange(14, state('Old')), createChange(state('New'))];
  const results = [applied('delete:14', 'delete', 'Old', 14), applied('create:New', 'create', 'New')];
  const verified = verifyConverged(changes, results, [live(14, 'Old')]);
  assert.equal(
    verified.map((r) => r.outcome),
    ['not_converged', 'not_converged'],
  );
  assert.match(verified[0]?.error ?? '', /still exists/);
  assert.match(verified[1]?.error ?? '', /'New' not found after create/);
});

test('a create without a known id is found by name', () => {
  const changes = [createChange(state('New', { is_default: true }))];
  const [result] = verifyConverged(
    changes,
    [applied('create:New', 'create', 'New')],
    [live(40, 'New', { is_default: false })],
  );
  assert.is(result?.id, 40);
  assert.is(result?.outcome, 'not_converged');
  assert.match(result?.error ?? '', /is_default/);
});

test('a later change of the same group decides the expected field; failed changes are left alone', () => {
  // The guest flag is released first, then the same group is renamed; only the final state counts.
  const before = state('Retail', { is_group_for_guests: true });
  const released = state('Retail');
  const changes = [
    updateChange(12, before, released, { key: 'update:12/release' }),
    updateChange(12, released, state('Shop'), { depends_on: ['update:12/release'] }),
    createChange(state('Guests', { is_group_for_guests: true }), ['update:12/release']),
  ];
  const failed: ChangeResult = {
    key: 'create:Guests',
    action: 'create',
    name: 'Guests',
    outcome: 'failed',
    status: 500,
    error: 'boom',
  };
  const results = [
    applied('update:12/release', 'update', 'Retail', 12),
    applied('update:12', 'update', 'Shop', 12),
    failed,
  ];
  const verified = verifyConverged(changes, results, [live(12, 'Shop')]);
  assert.equal(verified, results);
  const drifted = verifyConverged(changes, results, [live(12, 'Retail')]);
  assert.equal(
    drifted.map((r) => r.outcome),
    ['applied', 'not_converged', 'failed'],
  );
  assert.match(drifted[1]?.error ?? '', /name differs/);
});

test('the whole group is compared: a field the plan did not write but the store changed is not converged', () => {
  // Only the rules were sent; the store also reset category_access, which the field list never names.
  const before = state('Retail', { category_access: { type: 'none' } });
  const after = state('Retail', {
    category_access: { type: 'none' },
    discount_rules: [{ type: 'all', method: 'percent', amount: 5 }],
  });
  const changes = [updateChange(12, before, after)];
  const reset = live(12, 'Retail', { discount_rules: after.discount_rules });
  const [result] = verifyConverged(changes, [applied('update:12', 'update', 'Retail', 12)], [reset]);
  assert.is(result?.outcome, 'not_converged');
  assert.match(result?.error ?? '', 'the store does not hold what was planned: category_access differs');
  const held = live(12, 'Retail', { category_access: { type: 'none' }, discount_rules: after.discount_rules });
  assert.is(verifyConverged(changes, [applied('update:12', 'update', 'Retail', 12)], [held])[0]?.outcome, 'applied');
});

test("a create answered with another group's id cannot make that group's failed update read as converged", () => {
  const retail = state('Retail', { discount_rules: [{ type: 'all', method: 'percent', amount: 10 }] });
  const changes = [updateChange(5, state('Retail'), retail), createChange(state('Gold'))];
  const results = [applied('update:5', 'update', 'Retail', 5), applied('create:Gold', 'create', 'Gold', 5)];
  // The update did not land; the create did, as group 30, though its answer said 5.
  const verified = verifyConverged(changes, results, [live(5, 'Retail'), live(30, 'Gold')]);
  assert.is(verified[0]?.outcome, 'not_converged');
  assert.match(verified[0]?.error ?? '', /discount_rules differs/);
  assert.is(verified[1]?.outcome, 'applied');
  assert.is(verified[1]?.id, 30);
});

test.run();
