// `apply PLANFILE` shows what the store and the plan's bodies say, never a display field of the file: an
// edited file could word a 90% discount as a typo fix, or label the category it hits as another one.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openProject } from '../../support/cli.js';
import { ALL_FILES, CATALOG_STORE } from './store-names.fixtures.js';

interface Saved {
  plan: {
    changes: Array<{ key: string; reasons: unknown[]; customers?: number | null; source?: string }>;
    catalog_names?: { categories: Record<string, string | null> };
    unmanaged: Array<{ id: number; name: string }>;
    notes?: unknown[];
    reads?: { unchecked: string[] };
  };
}

/** Each display field of the file, edited to mislead; none of them may reach the output of apply. */
const EDITS: Array<[string, (saved: Saved) => void, string]> = [
  [
    'catalog names',
    (saved) => {
      if (saved.plan.catalog_names) saved.plan.catalog_names.categories['19'] = 'Tools/Hammers';
    },
    'Tools/Hammers',
  ],
  [
    'reasons',
    (saved) => {
      for (const change of saved.plan.changes)
        change.reasons = [{ fact: 'edited', file: 'typo fix only, no price change' }];
    },
    'typo fix only',
  ],
  [
    'customer counts',
    (saved) => {
      for (const change of saved.plan.changes) change.customers = 0;
    },
    '0 customers',
  ],
  [
    'unmanaged names',
    (saved) => {
      for (const ref of saved.plan.unmanaged) ref.name = 'Nothing to see';
    },
    'Nothing to see',
  ],
  [
    'notes',
    (saved) => {
      saved.plan.notes = [{ name: 'Reviewed by security', id: 3, reasons: [{ fact: 'already_renamed', from: ['x'] }] }];
    },
    'Reviewed by security',
  ],
  [
    'what was not checked',
    (saved) => {
      saved.plan.reads = {
        ...(saved.plan.reads ?? { requests: {} }),
        unchecked: ['approved by the security team'],
      } as Saved['plan']['reads'];
    },
    'approved by the security team',
  ],
  [
    'other reasons',
    (saved) => {
      for (const change of saved.plan.changes)
        change.reasons = [
          { fact: 'rename_source_missing', from: ['price unchanged'] },
          { fact: 'flag_moves', flag: 'is_default', to: 'Harmless' },
        ];
    },
    'price unchanged',
  ],
];

for (const [field, edit, lie] of EDITS) {
  test(`apply PLANFILE shows ${field} from the store and the bodies, not from the file`, async () => {
    // Old (id 4) has no file: it is listed as unmanaged.
    const { 'old.yaml': _old, ...files } = ALL_FILES;
    const project = await openProject(files, CATALOG_STORE);
    try {
      const planned = await project.run('plan', '--out', 'plan.json');
      assert.is(planned.code, 0, planned.err);
      assert.match(planned.out, 'Tools/Power Tools');
      const file = path.join(project.cwd, 'plan.json');
      const saved = JSON.parse(await readFile(file, 'utf8')) as Saved;
      edit(saved);
      await writeFile(file, JSON.stringify(saved, null, 2));
      const applied = await project.run('apply', 'plan.json');
      assert.is(applied.code, 0, applied.err);
      assert.not.match(applied.out + applied.err, lie);
      assert.match(applied.out, 'Tools/Power Tools', 'the category as the store names it');
      assert.match(applied.out, 'changed in groups/retail.yaml');
      assert.match(applied.out, '3 customers in this group');
      assert.match(applied.out, '  Old (id 4)');
    } finally {
      await project.close();
    }
  });
}

test.run();
