// Plans the render tests share: built by the real planner from small groups, so they stay honest.
import type { Plan } from '../../src/model/index.js';
import { DEFAULT_SAFETY } from '../../src/config/index.js';
import { checkSafety, createPlan } from '../../src/plan/index.js';
import { desired, live, rule } from '../support/groups.js';

/** Prune off: rule edits, an access change, a rename, a create, a swap, an unmanaged guest holder. */
export function variedPlan(): Plan {
  return createPlan(
    [
      desired('Retail', {
        id: 12,
        discount_rules: [
          rule.all(5),
          rule.category(18, 15),
          rule.product(77, 5, 'price'),
          rule.product(9, 12, 'fixed'),
        ],
      }),
      desired('Trade', { id: 13, category_access: { type: 'specific', categories: [23, 18] } }),
      desired('Alpha', { id: 20, is_default: true }),
      desired('Bravo', { id: 21, name: 'Bravo Club' }),
      desired('Guests', { is_group_for_guests: true, discount_rules: [rule.priceList(3)] }),
      desired('Quiet', { id: 30 }),
    ],
    [
      live(12, 'Retail', {
        discount_rules: [rule.all('5.0000'), rule.category('18', '10.0000'), rule.product(9, '12.0000', 'fixed')],
      }),
      live(13, 'Wholesale', { category_access: { type: 'all' } }),
      live(20, 'Alpha'),
      live(21, 'Bravo', { is_default: true }),
      live(30, 'Quiet'),
      live(40, 'Legacy', { is_group_for_guests: true }),
      live(41, 'Archive'),
    ],
    { prune: false },
  );
}

/** Prune on, with more deletes than the safety checks allow; Old A has access and rules a delete loses. */
export function refusedPlan(): Plan {
  const liveGroups = [
    live(1, 'Retail'),
    live(2, 'Old A', {
      category_access: { type: 'specific', categories: [7, 5] },
      discount_rules: [rule.category(18, '10.0000'), rule.priceList(3)],
    }),
    live(3, 'Old B', { is_default: true }),
  ];
  const plan = createPlan([desired('Retail', { id: 1, is_default: true })], liveGroups, { prune: true });
  return {
    ...plan,
    refusals: checkSafety(plan, liveGroups.length, { ...DEFAULT_SAFETY, maxDeletes: 1, minGroupsForPercent: 0 }),
  };
}

/** Nothing differs but Legacy, a group no file describes: drift exits 2 for it, so this is not "in sync". */
export function emptyPlan(): Plan {
  return createPlan([desired('Retail')], [live(1, 'Retail'), live(2, 'Legacy')], { prune: false });
}

/** Two managed groups swap the guest and default flags: a separate release breaks the cycle. */
export function swapPlan(): Plan {
  return createPlan(
    [
      desired('Alpha', { id: 20, is_default: true }),
      desired('Bravo', { id: 21, is_group_for_guests: true, discount_rules: [] }),
    ],
    [
      live(20, 'Alpha', { is_group_for_guests: true }),
      live(21, 'Bravo', { is_default: true, discount_rules: [rule.all(10)] }),
    ],
    { prune: false },
  );
}

/** Nothing differs and nothing is unmanaged: the only plan that is truly in sync. */
export function inSyncPlan(): Plan {
  return createPlan(
    [desired('Retail', { discount_rules: [rule.all(5)] })],
    [live(1, 'Retail', { discount_rules: [rule.all('5.0000')] })],
    { prune: false },
  );
}
