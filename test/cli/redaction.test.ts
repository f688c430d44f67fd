// Whatever raised a message (a config file that throws, a folder named after the token), what the CLI
// prints on stderr never holds the value of a token variable, whole or in parts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { redactSecrets } from '../../src/text/redact.js';
import { createWorkspace, SECRET_TOKEN } from '../reliability/helpers.js';
import { runIn } from '../support/cli.js';

/** The token, and any 8 characters of it in a row. */
function assertNoPart(text: string, token: string, where: string): void {
  for (let start = 0; start + 8 <= token.length; start++)
    assert.not.ok(
      text.includes(token.slice(start, start + 8)),
      `${where} shows '${token.slice(start, start + 8)}': ${text}`,
    );
}

async function runWith(files: Record<string, string>, argv: string[], env: Record<string, string>) {
  const workspace = await createWorkspace(files);
  try {
    return await runIn(workspace.cwd, argv, env);
  } finally {
    await workspace.remove();
  }
}

test('a JS config that throws with the token in its message shows neither the token nor a cut of it', async () => {
  for (const [file, text] of [
    ['bcgroups.config.mjs', `throw new Error('boom ${SECRET_TOKEN}');\n`],
    ['bcgroups.config.mjs', `throw new Error('boom ${SECRET_TOKEN.slice(0, 20)}');\n`],
    ['bcgroups.config.js', `export default { storeHash: '${SECRET_TOKEN.slice(9)}-x' };\n`],
  ] as const) {
    const run = await runWith({ [file]: text }, ['plan'], {
      BIGCOMMERCE_ACCESS_TOKEN: SECRET_TOKEN,
      BIGCOMMERCE_STORE_HASH: 'abc',
    });
    assert.is(run.code, 1, run.err);
    assert.match(run.err, /config|storeHash/);
    assertNoPart(run.err, SECRET_TOKEN, file);
  }
});

test('the variable the config names is redacted too, and any BIGCOMMERCE_*TOKEN* variable', async () => {
  const config = JSON.stringify({ accessTokenEnv: 'SHOP_KEY', groupsDir: `dir-${SECRET_TOKEN}` });
  const named = await runWith({ 'bcgroups.config.json': config }, ['validate'], { SHOP_KEY: SECRET_TOKEN });
  assert.is(named.code, 1);
  assert.match(named.err, 'dir-[redacted]');
  assertNoPart(named.err, SECRET_TOKEN, 'a folder named after the token');
  const other = await runWith({}, ['validate', '--dir', SECRET_TOKEN], { BIGCOMMERCE_V3_TOKEN: SECRET_TOKEN });
  assertNoPart(other.err, SECRET_TOKEN, 'a second default token variable');
});

const REDACTSECRETS_BLANKS_WHOLE_SECRETS =
  'redactSecrets blanks whole secrets and runs of eight of their characters with ' +
  'a digit, but not words or short secrets in parts';
test(REDACTSECRETS_BLANKS_WHOLE_SECRETS, () => {
  assert.is(redactSecrets(`a ${SECRET_TOKEN} b`, [SECRET_TOKEN]), 'a [redacted] b');
  assert.is(
    redactSecrets(`cut: ${SECRET_TOKEN.slice(0, 24)}`, [SECRET_TOKEN]),
    'cut: tok_S[redacted]',
    'the word-like start is no secret',
  );
  assert.is(
    redactSecrets(`a redirect to x, ${'tok-redirect-9f8e7d6c5b4a'.slice(4)}`, ['tok-redirect-9f8e7d6c5b4a']),
    'a redirect to x, re[redacted]',
  );
  assert.is(redactSecrets(`end: ...${SECRET_TOKEN.slice(-9)}.`, [SECRET_TOKEN]), 'end: ...[redacted].');
  assert.is(redactSecrets('the sandbox store, sandbox-token', ['sandbox-token']), 'the sandbox store, [redacted]');
  assert.is(redactSecrets('nothing here', ['', SECRET_TOKEN]), 'nothing here');
});

test.run();
