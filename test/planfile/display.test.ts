// What apply shows of a saved plan: reasons only where the change bears them out, names from the store.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Change, ChangeReason, Plan } from '../../src/model/index.js';
import { deriveDisplay, NO_FILE_NOW } from '../../src/planfile/display.js';
import { createChange, live, state, updateChange } from '../support/groups.js';

const READS = { requests: { groups: 1, categories: 0, products: 0, price_lists: 0, customers: 0 }, unchecked: [] };

function planOf(changes: Change[]): Plan {
  return {
    changes,
    unchanged: [],
    unmanaged: [{ id: 9, name: 'Looks harmless' }],
    summary: { create: 0, update: 0, delete: 0, unchanged: 0, unmanaged: 1 },
    refusals: [],
  };
}

function withReasons(change: Change, reasons: ChangeReason[]): Change {
  return { ...change, reasons };
}

test('a flag move is kept only when the named group gets the flag; a free-text field never survives', () => {
  const retail = createChange(state('Retail', { is_default: true }));
  const release = updateChange(1, state('Old', { is_default: true }), state('Old'), { key: 'update:1' });
  const plan = planOf([
    withReasons(retail, [{ fact: 'not_live' }]),
    withReasons(release, [{ fact: 'flag_moves', flag: 'is_default', to: 'Retail' }]),
  ]);
  const shown = deriveDisplay(plan, {
    liveGroups: [live(1, 'Old', { is_default: true }), live(9, 'Archive')],
    catalog: {},
    reads: READS,
    fileOf: (name) => (name === 'Old' ? 'groups/old.yaml' : undefined),
  });
  assert.equal(shown.changes[1]?.reasons, [{ fact: 'flag_moves', flag: 'is_default', to: 'Retail' }]);
  assert.equal(shown.unmanaged, [{ id: 9, name: 'Archive' }], 'named as the store names it');
  const lied = deriveDisplay(
    planOf([
      withReasons(retail, [{ fact: 'rename_source_missing', from: ['no price change'] }]),
      {
        ...withReasons(release, [{ fact: 'flag_moves', flag: 'is_default', to: 'Harmless' }]),
        reason: 'typo',
      } as unknown as Change,
    ]),
    { liveGroups: [live(1, 'Old', { is_default: true })], catalog: {}, reads: READS, fileOf: () => undefined },
  );
  assert.equal(lied.changes[0]?.reasons, [{ fact: 'not_live' }]);
  assert.equal(lied.changes[1]?.reasons, [{ fact: 'edited', file: NO_FILE_NOW }]);
  assert.not.ok('reason' in (lied.changes[1] ?? {}), 'fields the file added are dropped');
  assert.equal(lied.unmanaged, [{ id: 9, name: '(group 9, not in the store now)' }]);
});

test.run();
