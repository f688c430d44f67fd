// Text, markdown and JSON show a pull request's own changes apart from pending ones, own changes first.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Attribution, Plan } from '../../src/model/index.js';
import { attributeAgainstBaseline, createPlan } from '../../src/plan/index.js';
import { renderJson, renderMarkdown, renderText } from '../../src/render/index.js';
import { desired, live, rule } from '../support/groups.js';

/**
 * The store: Trade is the default by a hand edit, VIP has 20% and Retail 5% by hand edits; the base branch says
 * neither.
 */
function attributedPlan(): { plan: Plan; attribution: Attribution } {
  const store = [
    live(1, 'Retail', { discount_rules: [rule.all(5)] }),
    live(2, 'Trade', { is_default: true }),
    live(3, 'VIP', { discount_rules: [rule.all(20)] }),
    live(4, 'Staff'),
  ];
  const baseline = [
    desired('Retail', { id: 1 }),
    desired('Trade', { id: 2 }),
    desired('VIP', { id: 3, discount_rules: [rule.all(10)] }),
    desired('Staff', { id: 4, is_group_for_guests: true }),
  ];
  // The pull request renames VIP (keeping 10%, pending anyway), gives Retail 8% over the store's 5%, adds New,
  // and makes Trade the default as the store has it.
  const head = [
    desired('Retail', { id: 1, discount_rules: [rule.all(8)] }),
    desired('Trade', { id: 2, is_default: true }),
    desired('VIP', { id: 3, name: 'VIP Club', discount_rules: [rule.all(10)] }),
    baseline[3]!,
    desired('New'),
  ];
  const plan = createPlan(head, store, { prune: false });
  const attribution = attributeAgainstBaseline(plan, baseline, store, { prune: false });
  assert.ok(attribution.compared);
  return { plan, attribution: attribution as Attribution };
}

/** Each phrase occurs after the one before it. */
function assertInOrder(text: string, phrases: string[]): void {
  let from = 0;
  for (const phrase of phrases) {
    const at = text.indexOf(phrase, from);
    assert.ok(at >= 0, `'${phrase}' after position ${from} in\n${text}`);
    from = at + phrase.length;
  }
}

test('text: the warning, then this change, then the pending changes, then the dropped ones', () => {
  const { plan, attribution } = attributedPlan();
  const text = renderText(plan, { color: false, attribution });
  const order = [
    'This change makes 3 changes to the store; 1 change was pending before it; it drops 1 pending change.',
    'Merging this would also revert hand edits in the store:',
    '! update Retail (id 1): discount_rules',
    'From this change:',
    '~ update VIP Club (id 3): renamed (pinned id 3); changed in groups/vip.yaml\n      ~ name: ' +
      '"VIP" -> "VIP Club"\n      also sends pending: discount_rules 20% off all products -> 10% off all products',
    'create New',
    'Already pending before it:',
    'update Staff (id 4): pending drift: the store differs from groups/staff.yaml',
    'No longer pending:',
    '~ update Trade (id 2): is_default: the base files would set false; the store keeps true',
    'Plan: 1 to create',
  ];
  assertInOrder(text, order);
  assert.not.match(text, '! update VIP Club', 'the rules VIP sends were pending: no hand edit of this change');
  assert.not.match(text, 'update Staff (id 4): changed in', 'a pending change does not claim its file changed');
});

test('markdown: the comment leads with what the pull request does and warns before the list', () => {
  const { plan, attribution } = attributedPlan();
  const markdown = renderMarkdown(plan, { attribution });
  const lead = markdown.split('\n\n')[1];
  assert.is(
    lead,
    'This change makes 3 changes to the store; 1 change was pending before it; it drops 1 pending change.',
  );
  const order = [
    '> [!WARNING]',
    '> - update Retail (id 1): discount\\_rules',
    '### From this change (3)',
    'update VIP Club (id 3)',
    '- also sends pending: discount\\_rules',
    '### Already pending before it (1)',
    '### No longer pending (1)',
    '- \\~ update Trade (id 2): is\\_default: the base files would set false; the store keeps true',
  ];
  assertInOrder(markdown, order);
});

test('json: an origin per change, the hand edits, the dropped changes, valid against the schema', () => {
  const { plan, attribution } = attributedPlan();
  const document = JSON.parse(renderJson(plan, { attribution })) as {
    changes: { key: string; origin: string; pending_fields?: string[]; overwrites_hand_edits?: string[] }[];
    baseline: unknown;
  };
  assert.equal(
    document.changes.map((change) => [change.key, change.origin, change.pending_fields, change.overwrites_hand_edits]),
    [
      ['update:1', 'change', [], ['discount_rules']],
      ['update:4', 'pending', ['is_group_for_guests'], undefined],
      ['update:3', 'change', ['discount_rules'], undefined],
      ['create:New', 'change', undefined, undefined],
    ].sort((a, b) => plan.changes.findIndex((c) => c.key === a[0]) - plan.changes.findIndex((c) => c.key === b[0])),
  );
  assert.equal(document.baseline, {
    compared: true,
    dropped: [{ action: 'update', key: 'update:2', name: 'Trade', id: 2 }],
  });
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  const validate = ajv.compile(
    JSON.parse(readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8')) as object,
  );
  assert.ok(validate(document), JSON.stringify(validate.errors));
  const off = JSON.parse(
    renderJson(plan, { attribution: { compared: false, reason: 'the baseline has 1 problem' } }),
  ) as { changes: { origin?: string }[] };
  assert.ok(validate(off), JSON.stringify(validate.errors));
  assert.ok(
    off.changes.every((change) => change.origin === undefined),
    'no origin when nothing was compared',
  );
});

test('attribution off: every format says why, and the plan shows as without a baseline', () => {
  const { plan } = attributedPlan();
  const attribution = { compared: false as const, reason: "the baseline's groups have 1 problem" };
  assert.match(
    renderText(plan, { color: false, attribution }),
    "Not split into this change's own and pending changes: the baseline's groups " +
      'have 1 problem.\n\nChanges to the store:',
  );
  assert.match(
    renderMarkdown(plan, { attribution }),
    "> [!NOTE]\n> Not split into this change's own and pending changes",
  );
});

test('a name with control characters keeps its origin once escaped', () => {
  const store = [live(1, 'Bad\u001bName')];
  const plan = createPlan([desired('Bad\u001bName', { id: 1, is_default: true })], store, { prune: false });
  const attribution = attributeAgainstBaseline(plan, [desired('Bad\u001bName', { id: 1, is_default: true })], store, {
    prune: false,
  });
  const text = renderText(plan, { color: false, attribution });
  assert.match(text, 'Already pending before it:');
  assert.not.match(text, '\u001b');
});

test.run();
