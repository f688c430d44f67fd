// A name cannot pretend to be another: bidi overrides and isolates, zero-width and other invisible
// format characters (Cf) and the line separators reach terminals and PR comments escaped, never raw.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { escapeControl, escapeControlKeepLines } from '../../src/render/escape.js';
import { createWorkspace } from '../reliability/helpers.js';
import { runIn } from '../support/cli.js';
import { answerGroupsOnly, rawGroup, startHostileServer } from '../support/hostile.js';

const INVISIBLE = /[\p{Cf}\u2028\u2029]/u;
const SPOOFS = [
  'Retail\u202e',
  'Re\u200btail',
  '\u2066VIP\u2069',
  'Whole\u00adsale',
  'Tag\u{e0041}ged',
  'Line\u2028sep',
  '\ufeffBOM',
];

test('format characters are escaped by code point; ordinary letters, emoji and line breaks are kept', () => {
  assert.is(escapeControl('Retail\u202e'), 'Retail\\u202e');
  assert.is(escapeControl('Tag\u{e0041}ged'), 'Tag\\u{e0041}ged');
  assert.is(escapeControl('Grüppe 😀'), 'Grüppe 😀');
  assert.is(escapeControlKeepLines('a\u200f\nb'), 'a\\u200f\nb');
});

test('plan (text and markdown) and drift show spoofing names escaped', async () => {
  const groups = JSON.stringify(SPOOFS.map((name, index) => rawGroup(index + 1, name)));
  const server = await startHostileServer(answerGroupsOnly({ status: 200, body: groups }));
  const workspace = await createWorkspace();
  try {
    const env = {
      BIGCOMMERCE_STORE_HASH: 'spoof',
      BIGCOMMERCE_API_URL: server.apiUrl,
      BIGCOMMERCE_ACCESS_TOKEN: 'token',
    };
    await mkdir(path.join(workspace.cwd, 'none'));
    for (const argv of [
      ['plan', '--dir', 'none', '--prune', '--force'],
      ['plan', '--dir', 'none', '--prune', '--force', '--format', 'markdown'],
      ['drift', '--dir', 'none'],
    ].map((argv) => [...argv, '--no-customers'])) {
      const run = await runIn(workspace.cwd, argv, env);
      assert.not.match(run.out + run.err, INVISIBLE, `a raw format character reached the output of ${argv.join(' ')}`);
      for (const escaped of ['Retail\\u202e', 'Re\\u200btail', '\\u2066VIP\\u2069', 'Tag\\u{e0041}ged'])
        assert.ok(run.out.includes(escaped), `${argv.join(' ')}: ${escaped} in\n${run.out}`);
    }
  } finally {
    await workspace.remove();
    await server.close();
  }
});

test.run();
