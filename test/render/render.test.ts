import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Plan, UpdateChange } from '../../src/model/index.js';
import { renderJson, renderMarkdown, renderText } from '../../src/render/index.js';
import { emptyPlan, inSyncPlan, refusedPlan, swapPlan, variedPlan } from './fixtures.js';

const expected = (name: string) => readFileSync(new URL(`./expected/${name}`, import.meta.url), 'utf8');
const stripAnsi = (text: string) => text.replace(/\u001b\[\d+m/g, '');

const textCases: [string, () => Plan, 'plan' | 'drift', string][] = [
  ['a varied plan', variedPlan, 'plan', 'varied.txt'],
  ['a varied plan as drift', variedPlan, 'drift', 'varied-drift.txt'],
  ['a refused plan', refusedPlan, 'plan', 'refused.txt'],
  ['a flag swap', swapPlan, 'plan', 'swap.txt'],
];

for (const [title, build, mode, file] of textCases) {
  test(`text: ${title} matches ${file}`, () => {
    assert.fixture(renderText(build(), { color: false, mode }), expected(file));
  });
  test(`text: ${title} in colour is the same text with ANSI codes`, () => {
    const coloured = renderText(build(), { color: true, mode });
    assert.ok(coloured.includes('\u001b['), 'has colour codes');
    assert.fixture(stripAnsi(coloured), expected(file));
  });
}

test('text: signs are coloured by action', () => {
  const coloured = renderText(variedPlan(), { color: true });
  assert.ok(coloured.includes('\u001b[32m+\u001b[39m \u001b[1mcreate Guests'), 'green + for a create');
  assert.ok(coloured.includes('\u001b[33m~\u001b[39m'), 'yellow ~ for an update');
  assert.ok(stripAnsi(renderText(refusedPlan(), { color: true })).includes('  ! Refusing to delete 2 groups'));
  assert.ok(renderText(refusedPlan(), { color: true }).includes('\u001b[31m  ! Refusing'), 'refusals in red');
});

test('text: no colour codes without color', () => {
  for (const build of [variedPlan, refusedPlan, swapPlan, emptyPlan])
    assert.not.ok(renderText(build(), { color: false }).includes('\u001b['));
});

test('text: an empty plan says so, in both modes', () => {
  assert.fixture(
    renderText(emptyPlan(), { color: false }),
    'No changes: the store matches groups/.\n\nUnmanaged (in the store, not in groups/; ' +
      'left alone but for a moving guest or default flag):\n  Legacy (id 2)\n\nPlan: ' +
      '0 to create, 0 to update, 0 to delete, 1 unchanged, 1 unmanaged.\n',
  );
  assert.fixture(
    renderText(inSyncPlan(), { color: false, mode: 'drift' }),
    'In sync: no differences.\n\nDrift: 0 groups differ, 1 in sync, 0 unmanaged.\n',
  );
});

test('text: drift with only unmanaged groups never claims to be in sync (drift exits 2 for them)', () => {
  const text = renderText(emptyPlan(), { color: false, mode: 'drift' });
  assert.fixture(
    text,
    'No field differences: every group file matches the store. But 1 live group is described by no file: ' +
      'import it (bcgroups import), delete it (apply --prune), or accept it (drift --ignore-unmanaged).\n\n' +
      'Unmanaged (in the store, described by no file):\n  Legacy (id 2)\n\nDrift: 0 groups differ, 1 in sync, ' +
      '1 unmanaged.\n',
  );
  assert.not.match(text, /in sync:/i);
});

test('text: a swap counts as one differing group in drift, though it takes two requests', () => {
  assert.match(
    renderText(swapPlan(), { color: false, mode: 'drift' }),
    'Drift: 2 groups differ, 0 in sync, 0 unmanaged.',
  );
  assert.match(
    renderText(swapPlan(), { color: false }),
    'Apply will send 3 write requests, plus 2 reads of the group list',
  );
});

test('text: a delete shows what the group had, and a one-change plan says "request"', () => {
  const plan = refusedPlan();
  const oldB = plan.changes.filter((change) => change.key === 'delete:3');
  assert.fixture(
    renderText({ ...plan, refusals: [], changes: oldB }, { color: false }).split('\n\n')[1] ?? '',
    '  - delete Old B (id 3): described by no file (prune is on); default flag moves to ' +
      'Retail\n      - name: "Old B"\n      - is_default: true',
  );
  assert.match(renderText({ ...plan, changes: oldB }, { color: false }), 'Apply will send 1 write request, plus');
});

test('text: rules in words, as reviewers read them', () => {
  const text = renderText(variedPlan(), { color: false });
  assert.match(text, 'in words: 10% off category 18 -> 15%; added $5.00 off product 77');
  assert.match(
    renderText(variedPlan(), { color: false, mode: 'drift' }),
    'Retail: discount_rules differ (store has 10% off category 18, ' +
      'the file says 15%; store lacks $5.00 off product 77)',
  );
});

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validatePlan = ajv.compile(
  JSON.parse(readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8')) as object,
);

for (const [title, build] of [
  ['varied', variedPlan],
  ['refused', refusedPlan],
  ['swap', swapPlan],
  ['empty', emptyPlan],
] as const) {
  test(`json: the ${title} plan validates against schemas/plan.schema.json`, () => {
    for (const mode of ['plan', 'drift'] as const) {
      const document: unknown = JSON.parse(renderJson(build(), { mode }));
      assert.ok(validatePlan(document), JSON.stringify(validatePlan.errors, null, 2));
    }
  });
}

test('json: format_version 1, the summary and the exact request bodies', () => {
  const plan = variedPlan();
  const document = JSON.parse(renderJson(plan)) as {
    format_version: number;
    summary: unknown;
    changes: { key: string; body: unknown; action: string }[];
  };
  assert.is(document.format_version, 1);
  assert.equal(document.summary, { create: 1, update: 5, delete: 0, unchanged: 1, unmanaged: 2 });
  const retail = document.changes.find((c) => c.key === 'update:12');
  assert.equal(retail?.body, {
    discount_rules: [
      { type: 'all', method: 'percent', amount: '5.0000' },
      { type: 'category', method: 'percent', amount: '15.0000', category_id: 18 },
      { type: 'product', method: 'fixed', amount: '12.0000', product_id: 9 },
      { type: 'product', method: 'price', amount: '5.0000', product_id: 77 },
    ],
  });
  assert.equal(
    document.changes.map((c) => c.key),
    plan.changes.map((c) => c.key),
  );
  assert.equal(Object.keys(document.changes[0] ?? {}), [
    'action',
    'key',
    'name',
    'id',
    'body',
    'before',
    'after',
    'fields',
    'depends_on',
    'reason',
    'managed',
  ]);
});

test('json: every change has an id, null for a create, and the schema insists on it', () => {
  const document = JSON.parse(renderJson(variedPlan())) as { changes: Array<{ action: string; id?: number | null }> };
  assert.ok(
    document.changes.some((c) => c.action === 'create'),
    'the fixture has a create',
  );
  for (const change of document.changes) {
    assert.ok('id' in change, `${change.action} has an id`);
    assert.is(change.id === null, change.action === 'create');
  }
  const withoutId = structuredClone(document);
  delete withoutId.changes.find((c) => c.action === 'create')!.id;
  assert.not.ok(validatePlan(withoutId), 'a create without an id');
  const numbered = structuredClone(document);
  numbered.changes.find((c) => c.action === 'create')!.id = 5;
  assert.not.ok(validatePlan(numbered), 'a create with a number for an id');
});

test('json: the schema rejects what the plan must never hold', () => {
  const document = JSON.parse(renderJson(variedPlan())) as { changes: UpdateChange[] };
  const withId = structuredClone(document);
  (withId.changes[0]!.body as Record<string, unknown>).id = 40;
  assert.not.ok(validatePlan(withId), 'an id in a body');
  const wrongAmount = structuredClone(document);
  wrongAmount.changes.find((c) => c.key === 'update:12')!.body.discount_rules![0]!.type = 'everything' as 'all';
  assert.not.ok(validatePlan(wrongAmount), 'an unknown rule type');
});

for (const [title, build, mode, file] of [
  ['varied', variedPlan, 'plan', 'varied.md'],
  ['refused', refusedPlan, 'plan', 'refused.md'],
  ['varied drift', variedPlan, 'drift', 'varied-drift.md'],
] as const) {
  test(`markdown: the ${title} plan matches ${file}`, () => {
    assert.fixture(renderMarkdown(build(), { mode }), expected(file));
  });
}

test('markdown: table, one section per change with a diff block, unmanaged, refusals first', () => {
  const markdown = renderMarkdown(variedPlan(), { title: 'Plan for production' });
  assert.match(
    markdown,
    new RegExp(
      '^## Plan for production\\n\\n\\| Create \\| Update \\| Delete \\| Unchanged \\| Unmanaged \\| Write ' +
        'requests \\|\\n\\|---:\\|---:\\|---:\\|---:\\|---:\\|---:\\|\\n\\| 1 \\| 5 \\| 0 \\| 1 \\| 2 \\| 6 \\|\\n',
    ),
  );
  assert.is(markdown.match(/<details>/g)?.length, variedPlan().changes.length);
  assert.is(markdown.match(/```diff\n/g)?.length, variedPlan().changes.length);
  assert.match(
    markdown,
    '**Unmanaged** (in the store, not in groups/; left alone but for a moving guest or ' +
      'default flag):\n\n- Archive (id 41)\n- Legacy (id 40)',
  );
  const refused = renderMarkdown(refusedPlan());
  assert.ok(refused.indexOf('> [!CAUTION]') < refused.indexOf('| Create |'), 'refusals come before the table');
  assert.is(refused.match(/```diff\n- name: /g)?.length, 2, 'each delete shows the group it removes');
});

test('markdown: drift mode and group names that look like markup', () => {
  const drift = renderMarkdown(emptyPlan(), { mode: 'drift' });
  assert.match(
    drift,
    '## bcgroups drift\n\n| Missing from store | Differ | In sync | Unmanaged ' +
      '|\n|---:|---:|---:|---:|\n| 0 | 0 | 1 | 1 |\n',
  );
  assert.match(
    drift,
    'No field differences: every group file matches the store. But 1 live group is described by no file: ' +
      'import it (bcgroups import), delete it (apply --prune), or accept it (drift --ignore-unmanaged).\n\n' +
      '**Unmanaged**',
  );
  assert.not.match(drift, /requests|In sync:/);
  assert.match(renderMarkdown(inSyncPlan(), { mode: 'drift' }), '| 0 | 0 | 1 | 0 |\n\nIn sync: no differences.\n');
  assert.match(renderMarkdown(swapPlan(), { mode: 'drift' }), '| 0 | 2 | 0 | 0 |', 'groups, not requests');
  const plan = variedPlan();
  const tricky: Plan = {
    ...plan,
    changes: plan.changes.map((c) =>
      c.key === 'update:21'
        ? { ...c, name: '<b>x</b> ``` |', after: { ...(c as UpdateChange).after, name: '<b>x</b> ``` |' } }
        : c,
    ),
  };
  const markdown = renderMarkdown(tricky);
  assert.match(markdown, '<summary>~ update &lt;b&gt;x&lt;/b&gt; ``` | (id 21)', 'html is escaped in the summary');
  assert.not.ok(markdown.includes('<summary>~ update <b>'), 'no raw html from a name');
  assert.match(markdown, '````diff\n', 'a longer fence around a name with backticks');
});

test('markdown: names from the store mention no one, link no issue and open no block', () => {
  const names = ['@octo-org/admins', 'Tier #12', '~~gone~~ $x$', '- nested', '1. first', '# heading', '+ plus'];
  const plan: Plan = { ...emptyPlan(), unmanaged: names.map((name, index) => ({ id: 100 + index, name })) };
  const lines = renderMarkdown(plan)
    .split('\n')
    .filter((line) => / \(id 10\d\)$/.test(line));
  assert.equal(lines, [
    '- @<!-- -->octo-org/admins (id 100)',
    '- Tier #<!-- -->12 (id 101)',
    '- \\~\\~gone\\~\\~ \\$x\\$ (id 102)',
    '- \\- nested (id 103)',
    '- 1\\. first (id 104)',
    '- \\# heading (id 105)',
    '- \\+ plus (id 106)',
  ]);
  const deleted = refusedPlan();
  const mention: Plan = { ...deleted, changes: deleted.changes.map((change) => ({ ...change, name: '@team <i>' })) };
  assert.match(
    renderMarkdown(mention),
    '<summary>- delete @<!-- -->team &lt;i&gt; (id 2)',
    'no mention in a summary either',
  );
});

test('text and markdown show control characters in names escaped, never raw', () => {
  const plan: Plan = { ...emptyPlan(), unmanaged: [{ id: 9, name: 'Red\u001b[31m\nBold' }] };
  const text = renderText(plan, { color: false, mode: 'drift' });
  assert.match(text, '  Red\\u001b[31m\\u000aBold (id 9)');
  assert.not.ok(text.includes('\u001b'), 'no raw escape in text');
  const markdown = renderMarkdown(plan, { mode: 'drift' });
  assert.match(markdown, '- Red\\\\u001b\\[31m\\\\u000aBold (id 9)');
  assert.not.ok(markdown.includes('\u001b'), 'no raw escape in markdown');
});

test.run();
