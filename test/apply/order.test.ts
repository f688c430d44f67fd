import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkDependencies } from '../../src/apply/order.js';
import { BcgroupsError } from '../../src/errors.js';
import { createChange, deleteChange, state, updateChange } from '../support/groups.js';

function problemOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    assert.instance(error, BcgroupsError);
    return (error as Error).message;
  }
  assert.unreachable('expected a BcgroupsError');
  return '';
}

test('a whole graph, in any listed order, passes', () => {
  const release = updateChange(12, state('A', { is_group_for_guests: true }), state('A'), { key: 'update:12/release' });
  const create = createChange(state('B', { is_group_for_guests: true }), ['update:12/release']);
  checkDependencies([create, release]);
  checkDependencies([release, create, deleteChange(14, state('C'))]);
});

test('unknown keys, self references, duplicates and cycles are all named', () => {
  const a = createChange(state('A'), ['create:B']);
  const b = createChange(state('B'), ['create:C']);
  const c = createChange(state('C'), ['create:A']);
  assert.match(
    problemOf(() => checkDependencies([a, b, c])),
    /dependency cycle: create:A -> create:B -> create:C -> create:A/,
  );
  const lost = createChange(state('D'), ['update:99']);
  assert.match(
    problemOf(() => checkDependencies([lost])),
    /'create:D' depends on 'update:99', which is not in the plan/,
  );
  const self = createChange(state('E'), ['create:E']);
  assert.match(
    problemOf(() => checkDependencies([self])),
    /depends on itself/,
  );
  const message = problemOf(() => checkDependencies([createChange(state('F')), createChange(state('F')), lost]));
  assert.match(message, /two changes share the key 'create:F'/);
  assert.match(message, /update:99/);
  assert.match(message, /nothing was sent/);
});

test.run();
