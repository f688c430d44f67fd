// The token stays secret through every command and error; plain http leaves no machine; hostile
// answers are rejected or escaped and never written outside --dir.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inspect } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/bigcommerce/index.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { assertNoToken, createWorkspace, envFor, groupYaml, SECRET_TOKEN } from './helpers.js';
import { runIn } from '../support/cli.js';
import { totalRequests } from '../support/sandbox.js';
import { answerGroupsOnly, rawGroup, startHostileServer, type HostileAnswer } from '../support/hostile.js';

const security = suite('security');

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path
        .relative(dir, path.join(entry.parentPath ?? dir, entry.name))
        .split(path.sep)
        .join('/'),
    )
    .sort();
}

function hostileEnv(apiUrl: string): Record<string, string> {
  return { BIGCOMMERCE_STORE_HASH: 'hostile', BIGCOMMERCE_API_URL: apiUrl, BIGCOMMERCE_ACCESS_TOKEN: SECRET_TOKEN };
}

security('a full cycle (plan --out, apply FILE, apply --yes, drift, import) never shows the token', async () => {
  const sandbox = await startSandbox({
    token: SECRET_TOKEN,
    seed: [{ name: 'Old', discount_rules: [{ type: 'all', method: 'percent', amount: 1 }] }],
    ambiguousCreateRate: 0.5,
  });
  const workspace = await createWorkspace({
    'groups/old.yaml': groupYaml('Old', 2),
    'groups/new.yaml': groupYaml('New', 3),
    'groups/more.yaml': groupYaml('More', 4),
  });
  try {
    const env = envFor(sandbox);
    const runs = [
      await runIn(workspace.cwd, ['plan', '--out', 'plan.json'], env),
      await runIn(workspace.cwd, ['apply', 'plan.json'], env),
      await runIn(workspace.cwd, ['apply', '--yes', '--format', 'json'], env),
      await runIn(workspace.cwd, ['drift', '--format', 'json'], env),
      await runIn(workspace.cwd, ['import', '--dir', 'imported'], env),
      await runIn(workspace.cwd, ['plan'], { ...env, BIGCOMMERCE_ACCESS_TOKEN: `${SECRET_TOKEN}x` }),
    ];
    assert.equal(
      runs.map((run) => run.code),
      [0, 0, 0, 0, 0, 1],
      runs.map((run) => run.err).join('\n'),
    );
    runs.forEach((run, index) => assertNoToken(run.out + run.err, SECRET_TOKEN, `run ${index}`));
    for (const file of await listFiles(workspace.cwd))
      assertNoToken(await readFile(path.join(workspace.cwd, file), 'utf8'), SECRET_TOKEN, file);
  } finally {
    await workspace.remove();
    await sandbox.close();
  }
});

security('timeouts and refused connections name no token, through the CLI or thrown by the client', async () => {
  const sandbox = await startSandbox({ token: SECRET_TOKEN, latencyMs: 300 });
  const config = JSON.stringify({ request: { timeoutMs: 50, retries: 0 } });
  const workspace = await createWorkspace({ 'groups/a.yaml': groupYaml('A', 1), 'bcgroups.config.json': config });
  try {
    const timedOut = await runIn(workspace.cwd, ['plan'], envFor(sandbox));
    assert.is(timedOut.code, 1);
    assert.match(timedOut.err, /timed out/);
    assertNoToken(timedOut.out + timedOut.err, SECRET_TOKEN, 'a timed-out plan');
    const closedPort = createClient({
      apiUrl: 'http://127.0.0.1:9',
      storeHash: 'abc',
      token: SECRET_TOKEN,
      retries: 0,
    });
    const error = await closedPort.listGroups().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof Error);
    assertNoToken(
      `${inspect(error, { depth: 8 })}\n${JSON.stringify(error)}\n${error.stack}`,
      SECRET_TOKEN,
      'a network error',
    );
  } finally {
    await workspace.remove();
    await sandbox.close();
  }
});

security('a server that echoes the token back in its answers never gets it into an error', async () => {
  const echo =
    (status: number) =>
    (request: { headers: Record<string, unknown> }): HostileAnswer => {
      const token = String(request.headers['x-auth-token']);
      return {
        status,
        body:
          status === 200
            ? `not json ${token}`
            : JSON.stringify([{ status, message: `bad token ${token}`, details: { token } }]),
      };
    };
  for (const status of [200, 400, 401, 500]) {
    const server = await startHostileServer(echo(status));
    try {
      const client = createClient({
        apiUrl: server.apiUrl,
        storeHash: 'hostile',
        token: SECRET_TOKEN,
        retries: 1,
        retryBaseMs: 1,
      });
      const error = await client.listGroups().then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      assert.ok(error instanceof Error, `status ${status} was accepted`);
      assert.ok(server.requests.length > 0);
      assertNoToken(
        `${inspect(error, { depth: 8 })}\n${JSON.stringify(error)}\n${error.stack}`,
        SECRET_TOKEN,
        `the error for ${status}`,
      );
    } finally {
      await server.close();
    }
  }
});

security('plain http to anything but loopback is refused before any request', async () => {
  const sandbox = await startSandbox({ token: SECRET_TOKEN });
  const port = new URL(sandbox.apiUrl).port;
  const workspace = await createWorkspace({ 'groups/a.yaml': groupYaml('A', 1) });
  try {
    // Both reach this machine's sandbox if the check let them through, so a leak would be counted.
    for (const apiUrl of [`http://0.0.0.0:${port}`, `http://[::ffff:127.0.0.1]:${port}`, 'http://api.example.com']) {
      const run = await runIn(workspace.cwd, ['plan'], { ...envFor(sandbox), BIGCOMMERCE_API_URL: apiUrl });
      assert.is(run.code, 1, `${apiUrl}: ${run.err}`);
      assert.match(run.err, /Refusing to send the access token/);
      assertNoToken(run.out + run.err, SECRET_TOKEN, apiUrl);
    }
    assert.is(totalRequests(sandbox), 0);
  } finally {
    await workspace.remove();
    await sandbox.close();
  }
});

const hostileLists: Record<string, { body: string; message: RegExp }> = {
  'a huge body that is not JSON': { body: 'x'.repeat(8 * 1024 * 1024), message: /not JSON/ },
  'an id that is not a number': {
    body: JSON.stringify([rawGroup(1, 'A', { id: 'one; rm -rf /' })]),
    message: /\[0\]\.id/,
  },
  'a flag that is a string': {
    body: JSON.stringify([rawGroup(1, 'A', { is_default: 'yes' })]),
    message: /\[0\]\.is_default/,
  },
  'an amount that is an object': {
    body: JSON.stringify([
      rawGroup(1, 'A', { discount_rules: [{ type: 'all', method: 'percent', amount: { $gt: 1 } }] }),
    ]),
    message: /amount/,
  },
  'an object instead of a list': {
    body: JSON.stringify({ data: [rawGroup(1, 'A')] }),
    message: /expected a JSON array/,
  },
};

for (const [name, hostile] of Object.entries(hostileLists)) {
  security(`${name}: plan and import exit 1 with a short message and write nothing`, async () => {
    const server = await startHostileServer(() => ({ status: 200, body: hostile.body }));
    const workspace = await createWorkspace({ 'groups/a.yaml': groupYaml('A', 1) });
    try {
      for (const argv of [['plan'], ['import', '--dir', 'imported']]) {
        const run = await runIn(workspace.cwd, argv, hostileEnv(server.apiUrl));
        assert.is(run.code, 1, `${argv[0]}: ${run.err}`);
        assert.match(run.err, hostile.message);
        assert.ok(run.err.length < 2000, `a message of ${run.err.length} characters`);
        assertNoToken(run.out + run.err, SECRET_TOKEN, name);
      }
      assert.equal(await listFiles(workspace.cwd), ['groups/a.yaml', 'package.json']);
    } finally {
      await workspace.remove();
      await server.close();
    }
  });
}

const HOSTILE_NAMES = [
  '../../../escaped',
  '..\\..\\windows',
  '/etc/passwd',
  'a/b/c',
  '..',
  '\u001b[31mRed\u001b[0m\u0007',
  'Line\nbreak\rreturn',
  'CON',
  '$(touch pwned)',
];

function hostileGroups(names: string[]) {
  return names.map((name, index) =>
    rawGroup(index + 1, name, { __proto__: { polluted: true }, extra: '<script>', constructor: 'x' }),
  );
}

security(
  'hostile names and extra fields: import writes plain file names inside --dir, each name kept exactly as data',
  async () => {
    const server = await startHostileServer(() => ({
      status: 200,
      body: JSON.stringify(hostileGroups(HOSTILE_NAMES)),
    }));
    const workspace = await createWorkspace();
    try {
      const imported = await runIn(workspace.cwd, ['import', '--dir', 'groups/imported'], hostileEnv(server.apiUrl));
      // Names with control characters are refused (validate would refuse their files), the others written.
      const writable = HOSTILE_NAMES.filter((name) => !/\p{Cc}/u.test(name));
      assert.is(imported.code, 1, imported.err);
      assert.match(
        imported.err,
        "refused '\\u001b[31mRed\\u001b[0m\\u0007' (id 6): its file would not validate: name: name holds U+001B",
      );
      const files = await listFiles(workspace.cwd);
      const written = files.filter((file) => file !== 'package.json');
      assert.is(written.length, writable.length, files.join('\n'));
      for (const file of written) assert.match(file, /^groups\/imported\/[a-z0-9-]+\.yaml$/);
      const names = [];
      for (const file of written) {
        const content = await readFile(path.join(workspace.cwd, file), 'utf8');
        assert.not.match(content, /<script>|polluted|constructor|\u001b|\u0007|\r/);
        names.push((parseYaml(content) as { name: string }).name);
      }
      assert.equal(names.sort(), [...writable].sort());
      assert.not.match(imported.out + imported.err, /\u001b|\u0007|\r/, 'raw control characters reached the terminal');
      assert.is(({} as Record<string, unknown>).polluted, undefined);
    } finally {
      await workspace.remove();
      await server.close();
    }
  },
);

security('hostile names printed by plan, drift and markdown carry no raw control characters', async () => {
  const names = HOSTILE_NAMES.filter((name) => !/[\n\r]/.test(name));
  const list = { status: 200, body: JSON.stringify(hostileGroups(names)) };
  const server = await startHostileServer(answerGroupsOnly(list));
  const workspace = await createWorkspace();
  try {
    const env = hostileEnv(server.apiUrl);
    assert.is((await runIn(workspace.cwd, ['import'], env)).code, 1, 'the names with control characters are refused');
    for (const argv of [
      ['plan', '--detailed-exitcode'],
      ['drift', '--ignore-unmanaged'],
      ['plan', '--format', 'markdown'],
    ]) {
      const run = await runIn(workspace.cwd, argv, env);
      assert.is(run.code, 0, run.out + run.err);
      assert.not.match(
        run.out + run.err,
        /\u001b|\u0007|\r/,
        `raw control characters reached the terminal from ${argv.join(' ')}`,
      );
    }
    // Every hostile name printed: all of them planned for deletion, and all of them drifted.
    await mkdir(path.join(workspace.cwd, 'none'));
    for (const argv of [
      ['plan', '--dir', 'none', '--prune', '--force'],
      ['drift', '--dir', 'none'],
      ['plan', '--dir', 'none', '--prune', '--force', '--format', 'markdown'],
    ].map((argv) => [...argv, '--no-customers'])) {
      const run = await runIn(workspace.cwd, argv, env);
      assert.match(run.out, /touch pwned/, run.out);
      assert.not.match(
        run.out + run.err,
        /\u001b|\u0007|\r/,
        `raw control characters reached the terminal from ${argv.join(' ')}`,
      );
    }
  } finally {
    await workspace.remove();
    await server.close();
  }
});

security.run();
