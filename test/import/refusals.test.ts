// import never writes a file its own validate refuses, and never folds two live groups into one file:
// such groups are refused by name and reason, and what it does write validates and plans clean.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createWorkspace } from '../reliability/helpers.js';
import { runIn } from '../support/cli.js';
import { rawGroup, startHostileServer } from '../support/hostile.js';

const NFC = 'Caf\u00e9';
const NFD = 'Cafe\u0301';

const awkwardStore = [
  rawGroup(1, 'VIP'),
  rawGroup(2, 'vip'),
  rawGroup(3, NFC),
  rawGroup(4, NFD),
  rawGroup(5, ' Padded '),
  rawGroup(6, 'n'.repeat(300)),
  rawGroup(7, 'Huge amount', { discount_rules: [{ type: 'all', method: 'price', amount: '2000000000.0000' }] }),
  rawGroup(8, 'Over 100 percent', { discount_rules: [{ type: 'all', method: 'percent', amount: '150.0000' }] }),
  rawGroup(9, 'Retail', { is_default: true }),
  rawGroup(10, 'Trade', { discount_rules: [{ type: 'all', method: 'percent', amount: '5.0000' }] }),
];

async function withAwkwardStore(use: (cwd: string, env: Record<string, string>) => Promise<void>): Promise<void> {
  const server = await startHostileServer(() => ({ status: 200, body: JSON.stringify(awkwardStore) }));
  const workspace = await createWorkspace();
  try {
    await use(workspace.cwd, {
      BIGCOMMERCE_STORE_HASH: 'awkward',
      BIGCOMMERCE_API_URL: server.apiUrl,
      BIGCOMMERCE_ACCESS_TOKEN: 'token',
    });
  } finally {
    await workspace.remove();
    await server.close();
  }
}

test('groups a file cannot hold, or that clash by case or normalization, are refused; the rest validate and plan clean', async () => {
  await withAwkwardStore(async (cwd, env) => {
    const imported = await runIn(cwd, ['import'], env);
    assert.is(imported.code, 1, imported.out + imported.err);
    const refusedLines = imported.err.split('\n').filter((line) => line.startsWith('refused '));
    assert.equal(
      refusedLines.map((line) => line.slice(0, line.indexOf(':'))),
      [
        "refused 'VIP' (id 1)",
        "refused 'vip' (id 2)",
        `refused '${NFC}' (id 3)`,
        `refused '${NFD}' (id 4)`,
        "refused ' Padded ' (id 5)",
        `refused '${'n'.repeat(300)}' (id 6)`,
        "refused 'Huge amount' (id 7)",
        "refused 'Over 100 percent' (id 8)",
      ],
    );
    assert.match(refusedLines[0] ?? '', "its name 'VIP' differs only in case from the name 'vip' of live group 2");
    assert.match(refusedLines[2] ?? '', `its name '${NFC}' differs only in Unicode normalization`);
    // The two names print alike: the code points show how they differ.
    assert.match(refusedLines[2] ?? '', 'U+00E9 here, U+0065 U+0301 there');
    assert.match(refusedLines[3] ?? '', 'U+0065 U+0301 here, U+00E9 there');
    assert.not.match(refusedLines[2] ?? '', 'only in case');
    for (const line of refusedLines.slice(4)) assert.match(line, 'its file would not validate: ');
    assert.match(imported.err, '`apply --prune` would delete them');
    assert.equal((await readdir(path.join(cwd, 'groups'))).sort(), ['retail.yaml', 'trade.yaml']);

    const validated = await runIn(cwd, ['validate'], env);
    assert.is(validated.code, 0, validated.err);
    const planned = await runIn(cwd, ['plan', '--detailed-exitcode'], env);
    assert.is(planned.code, 0, planned.out + planned.err);
    assert.match(planned.out, '0 to create, 0 to update, 0 to delete, 2 unchanged, 8 unmanaged');
  });
});

test('a file naming one of two clashing groups is left as it is, not written with both in turn', async () => {
  await withAwkwardStore(async (cwd, env) => {
    await writeFile(
      path.join(cwd, 'groups/vip.yaml'),
      'name: VIP\ndiscount_rules: [{type: all, method: percent, amount: 9}]\n',
    );
    const imported = await runIn(cwd, ['import', '--overwrite'], env);
    assert.is(imported.code, 1);
    assert.is(
      await readFile(path.join(cwd, 'groups/vip.yaml'), 'utf8'),
      'name: VIP\ndiscount_rules: [{type: all, method: percent, amount: 9}]\n',
    );
  });
});

test('names that match only after Unicode normalization are said to, in validate and in plan', async () => {
  await withAwkwardStore(async (cwd, env) => {
    await writeFile(path.join(cwd, 'groups/a.yaml'), `name: ${NFC}\n`);
    await writeFile(path.join(cwd, 'groups/b.yaml'), `name: ${NFD}\n`);
    const validated = await runIn(cwd, ['validate'], env);
    assert.is(validated.code, 1);
    assert.match(
      validated.err,
      `name '${NFC}' is also used by groups/b.yaml:1 (names are compared as they read: without case, and after Unicode normalization (NFKC: full-width and other look-alike forms count as their plain letters))`,
    );
    await writeFile(path.join(cwd, 'groups/b.yaml'), `name: Trade\n`);
    await writeFile(path.join(cwd, 'groups/a.yaml'), `name: ${NFC}\n`);
    const planned = await runIn(cwd, ['plan'], env);
    assert.is(planned.code, 1);
    assert.match(planned.err, `name '${NFC}' matches 2 live groups: 3 ('${NFC}'), 4 ('${NFD}')`);
    assert.match(
      planned.err,
      `'${NFC}' differs only in Unicode normalization (NFC vs NFD: the same letters as other code points, U+00E9 here, U+0065 U+0301 there) from '${NFD}' of 4`,
    );
  });
});

test.run();
