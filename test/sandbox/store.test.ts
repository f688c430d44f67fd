import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { HolderMode } from '../../src/sandbox/index.js';
import { GroupStore } from '../../src/sandbox/store.js';

// The store alone, so it can be handed a state the seed check would refuse: two holders of a flag.
function storeWithTwoHolders(flag: 'is_group_for_guests' | 'is_default', mode: HolderMode): GroupStore {
  const store = new GroupStore(() => ({ guestMode: mode, defaultMode: mode, uniqueNames: true }));
  store.seed([
    { name: 'A', [flag]: true, date_modified: '2020-01-01 00:00:00' },
    { name: 'B', [flag]: true, date_modified: '2020-01-01 00:00:00' },
  ]);
  return store;
}

for (const flag of ['is_group_for_guests', 'is_default'] as const) {
  test(`${flag}: in strict mode a rename of one holder leaves the other holder alone`, () => {
    const store = storeWithTwoHolders(flag, 'strict');
    const result = store.update(1, { name: 'A renamed' });
    assert.ok(result && 'group' in result);
    const other = store.get(2);
    assert.is(other?.[flag], true);
    assert.is(other?.date_modified, '2020-01-01 00:00:00', 'an untouched group keeps its date_modified');
  });

  test(`${flag}: in move mode the written holder takes the flag from the other`, () => {
    const store = storeWithTwoHolders(flag, 'move');
    store.update(1, { name: 'A renamed' });
    assert.is(store.get(2)?.[flag], false);
    assert.is(store.get(1)?.[flag], true);
  });
}

test('strict guests with move defaults: only the default flag moves', () => {
  const store = new GroupStore(() => ({ guestMode: 'strict', defaultMode: 'move', uniqueNames: true }));
  store.seed([
    { name: 'A', is_group_for_guests: true, is_default: true },
    { name: 'B', is_group_for_guests: true },
  ]);
  store.update(2, { is_default: true });
  assert.equal([store.get(1)?.is_default, store.get(2)?.is_default], [false, true]);
  assert.equal([store.get(1)?.is_group_for_guests, store.get(2)?.is_group_for_guests], [true, true]);
});

test.run();
