// The pure storefront plan: minimal writes, removals by id, one PUT per channel, roles back to inherit only
// when no file claims them, and the order against the group changes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ChannelGroupSettings, DesiredGroup, LiveStorefront, StorefrontKeysOf } from '../../src/model/index.js';
import { DEFAULT_SAFETY } from '../../src/config/defaults.js';
import { createPlan } from '../../src/plan/create-plan.js';
import { checkSafety } from '../../src/plan/safety.js';
import { matchGroups } from '../../src/plan/identity.js';
import { explainLiveGroups } from '../../src/plan/storefront-live.js';
import { planStorefront } from '../../src/plan/storefronts.js';
import { desired, live } from '../support/groups.js';

const CHANNELS: LiveStorefront['channels'] = [1, 2, 3].map((id) => ({
  id,
  name: `Channel ${id}`,
  type: 'storefront',
  platform: 'bigcommerce',
  status: 'active',
}));
const INHERIT: ChannelGroupSettings = { guest_customer_group_id: null, default_customer_group_id: null };

function withKeys(group: DesiredGroup, keys: StorefrontKeysOf<'resolved'>): DesiredGroup {
  return { ...group, ...keys };
}

function plan(desiredGroups: DesiredGroup[], store: Partial<LiveStorefront>, liveGroups = [live(7, 'Trade')]) {
  const storefront: LiveStorefront = { channels: CHANNELS, assignments: [], ...store };
  const groupPlan = createPlan(desiredGroups, liveGroups, { prune: false });
  return planStorefront(matchGroups(desiredGroups, liveGroups), storefront, groupPlan.changes, {}, new Map());
}

test('an unchanged assignment sends nothing; a changed channel list is one move of that row', () => {
  const rows = [
    { id: 40, price_list_id: 1, customer_group_id: 7, channel_id: 2 },
    { id: 41, price_list_id: 3, customer_group_id: 7, channel_id: 3 },
  ];
  const same = withKeys(desired('Trade'), {
    price_lists: [
      { price_list_id: 1, channel_id: 2 },
      { price_list_id: 3, channel_id: 3 },
    ],
  });
  assert.equal(plan([same], { assignments: rows }).changes, []);
  const moved = withKeys(desired('Trade'), {
    price_lists: [
      { price_list_id: 1, channel_id: 2 },
      { price_list_id: 4, channel_id: 3 },
    ],
  });
  const changes = plan([moved], { assignments: rows }).changes;
  assert.equal(
    changes.map((change) => change.action),
    ['assignment_move'],
  );
  assert.is(changes[0]?.action === 'assignment_move' && changes[0].assignment_id, 41);
});

test('a channel left out is removed by its row id; the every-channel list changes by remove then add', () => {
  const rows = [
    { id: 40, price_list_id: 1, customer_group_id: 7, channel_id: 2 },
    { id: 42, price_list_id: 5, customer_group_id: 7, channel_id: null },
  ];
  const group = withKeys(desired('Trade'), { price_lists: [{ price_list_id: 6, channel_id: null }] });
  const changes = plan([group], { assignments: rows }).changes;
  assert.equal(
    changes.map((change) => [change.action, change.key, change.depends_on]),
    [
      ['assignment_remove', 'unassign:7@2', []],
      ['assignment_remove', 'unassign:7@all', []],
      ['assignment_add', 'assign:7@all', ['unassign:7@all']],
    ],
  );
  assert.ok(changes.every((change) => change.action !== 'assignment_remove' || change.assignment_id > 0));
});

test("a new group's assignment waits for its create; a group's for the update that clears its discounts", () => {
  const created = withKeys(desired('Wholesale'), { price_lists: [{ price_list_id: 2, channel_id: 2 }] });
  const cleared = withKeys(desired('Trade'), { price_lists: [{ price_list_id: 3, channel_id: 2 }] });
  const liveTrade = live(7, 'Trade', { discount_rules: [{ type: 'all', method: 'percent', amount: 5 }] });
  const changes = plan([created, cleared], {}, [liveTrade]).changes;
  assert.equal(
    changes.map((change) => [change.key, change.depends_on]),
    [
      ['assign:7@2', ['update:7']],
      ['assign:create:Wholesale@2', ['create:Wholesale']],
    ],
  );
});

test('a role moves in one PUT per channel with the other id at its live value; a dropped channel inherits', () => {
  const settings = new Map([
    [1, { guest_customer_group_id: 9, default_customer_group_id: 7 }],
    [2, { guest_customer_group_id: 5, default_customer_group_id: 7 }],
    [3, INHERIT],
  ]);
  const trade = withKeys(desired('Trade'), { default_on_channels: [3] });
  const changes = plan([trade], { settings }).changes;
  assert.equal(
    changes.map((change) => change.action === 'channel_roles' && [change.channel_id, change.after]),
    [
      [1, { guest_customer_group_id: 9, default_customer_group_id: null }],
      [2, { guest_customer_group_id: 5, default_customer_group_id: null }],
      [3, { guest_customer_group_id: null, default_customer_group_id: 7 }],
    ],
  );
});

test('a channel another file claims goes to that group, not to inherit; unmanaged holders are left alone', () => {
  const settings = new Map([
    [1, { guest_customer_group_id: null, default_customer_group_id: 7 }],
    [2, { guest_customer_group_id: null, default_customer_group_id: 8 }],
  ]);
  const trade = withKeys(desired('Trade'), { default_on_channels: [] });
  const retail = withKeys(desired('Retail'), { default_on_channels: [1] });
  const changes = plan([trade, retail], { settings }, [live(7, 'Trade'), live(6, 'Retail'), live(8, 'Other')]).changes;
  assert.equal(
    changes.map((change) => change.action === 'channel_roles' && [change.channel_id, change.after]),
    [[1, { guest_customer_group_id: null, default_customer_group_id: 6 }]],
  );
});

test('a V2 price_list rule naming the every-channel list, and a flag a channel gives, need no V2 write', () => {
  const trade = withKeys(desired('Trade'), { price_lists: [{ price_list_id: 3, channel_id: null }] });
  const holder = live(7, 'Trade', { is_default: true, discount_rules: [{ type: 'price_list', price_list_id: 3 }] });
  const storefront: LiveStorefront = {
    channels: CHANNELS,
    assignments: [],
    settings: new Map([[2, { guest_customer_group_id: null, default_customer_group_id: 7 }]]),
  };
  const explained = explainLiveGroups(matchGroups([trade], [holder]), storefront).get(7);
  assert.ok(explained);
  assert.equal(createPlan([trade], [explained], { prune: false }).changes, []);
});

test('several live holders of a flag: none that no file names is cleared', () => {
  const liveGroups = [live(1, 'Retail', { is_default: true }), live(2, 'EU Retail', { is_default: true })];
  const changes = createPlan([desired('Trade', { is_default: true })], liveGroups, { prune: false }).changes;
  assert.equal(
    changes.map((change) => change.key),
    ['create:Trade'],
  );
});

test('safety counts a group whose assignments or channel roles change as an updated group', () => {
  const rows = [7, 8, 9].map((group) => ({ id: group, price_list_id: 1, customer_group_id: group, channel_id: 2 }));
  const groups = ['Trade', 'Gold', 'Silver'].map((name) =>
    withKeys(desired(name), { price_lists: [{ price_list_id: 2, channel_id: 2 }] }),
  );
  const liveGroups = [live(7, 'Trade'), live(8, 'Gold'), live(9, 'Silver'), live(10, 'Retail')];
  const storefront = plan(groups, { assignments: rows }, liveGroups);
  const safety = { ...DEFAULT_SAFETY, maxUpdatePercent: 50, minGroupsForPercent: 0 };
  assert.equal(checkSafety({ changes: [] }, 4, safety), []);
  const refusals = checkSafety({ changes: [], storefront }, 4, safety);
  assert.equal(
    refusals.map((refusal) => [refusal.check, refusal.check === 'maxUpdatePercent' && refusal.count]),
    [['maxUpdatePercent', 3]],
  );
});

test.run();
