import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../../src/cli/main.js';
import { DEFAULT_CONFIG, loadConfig, readToken, requireStoreHash } from '../../src/config/index.js';
import { ConfigError, type Problem } from '../../src/errors.js';
import { memoryIo } from '../../src/cli/io.js';
import type { Config, RequestConfig, SafetyConfig } from '../../src/model/index.js';
import { problemsOf } from '../support/problems.js';

const config = suite<{ cwd: string }>('config', { cwd: '' });

config.before.each(async (context) => {
  context.cwd = await mkdtemp(path.join(tmpdir(), 'bcgroups-config-'));
  // A package.json bounds cosmiconfig's upward search to the temp dir.
  await writeFile(path.join(context.cwd, 'package.json'), JSON.stringify({ name: 'store' }));
});

config.after.each(async (context) => {
  await rm(context.cwd, { recursive: true, force: true });
});

async function configErrorOf(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  assert.unreachable('expected a ConfigError');
  throw new Error('unreachable');
}

/** Problems as the CLI prints their first line, minus the hint: "file:line:col field message". */
function brief(problems: Problem[]): string[] {
  return problems.map(
    (problem) => `${problem.file}:${problem.line}:${problem.col} ${problem.field} ${problem.message}`,
  );
}

config('defaults without any file or environment', async ({ cwd }) => {
  const loaded = await loadConfig({ cwd, env: {} });
  assert.equal(loaded, DEFAULT_CONFIG);
  assert.is(loaded.apiUrl, 'https://api.bigcommerce.com');
  assert.is(loaded.accessTokenEnv, 'BIGCOMMERCE_ACCESS_TOKEN');
  assert.is(loaded.groupsDir, 'groups');
  assert.is(loaded.concurrency, 8);
  assert.is(loaded.prune, false);
  assert.equal(loaded.safety, {
    maxDeletes: 5,
    maxDeletePercent: 25,
    maxUpdatePercent: 50,
    minGroupsForPercent: 10,
    maxDeletedCustomers: 0,
  });
  assert.equal(loaded.request, {
    timeoutMs: 30000,
    retries: 4,
    reserveShare: 0.2,
    maxWaitMs: 60000,
    maxRequestMs: 300000,
    maxPages: 1000,
  });
});

config('package.json "bcgroups" key, nested settings merged over defaults', async ({ cwd }) => {
  await writeFile(
    path.join(cwd, 'package.json'),
    JSON.stringify({ name: 'store', bcgroups: { storeHash: 'abc123', safety: { maxDeletes: 2 } } }),
  );
  const loaded = await loadConfig({ cwd, env: {} });
  assert.is(loaded.storeHash, 'abc123');
  assert.equal(loaded.safety, { ...DEFAULT_CONFIG.safety, maxDeletes: 2 });
  assert.is(loaded.configFile, path.join(cwd, 'package.json'));
});

const FILES: [string, string][] = [
  ['.bcgroupsrc', 'storeHash: fromrc\n'],
  ['.bcgroupsrc.json', '{"storeHash": "fromjson"}'],
  ['.bcgroupsrc.yml', 'storeHash: fromyml\n'],
  ['bcgroups.config.mjs', 'export default { storeHash: "frommjs" };\n'],
  ['bcgroups.config.cjs', 'module.exports = { storeHash: "fromcjs" };\n'],
  [
    'bcgroups.config.ts',
    'interface Settings { storeHash: string }\nconst settings = { storeHash: "fromts" } satisfies Settings;\nexport default settings;\n',
  ],
  ['bcgroups.config.json', '{"storeHash": "fromconfigjson"}'],
  ['bcgroups.config.yaml', 'storeHash: fromconfigyaml\n'],
];

for (const [name, text] of FILES) {
  config(`finds ${name}`, async ({ cwd }) => {
    await writeFile(path.join(cwd, name), text);
    const loaded = await loadConfig({ cwd, env: {} });
    assert.is(loaded.configFile, path.join(cwd, name));
    assert.match(loaded.storeHash ?? '', /^from/);
  });
}

config('precedence: flags > environment > file > defaults', async ({ cwd }) => {
  await writeFile(
    path.join(cwd, 'bcgroups.config.json'),
    JSON.stringify({ storeHash: 'file', apiUrl: 'http://file.test', groupsDir: 'g', concurrency: 3 }),
  );
  const env = { BIGCOMMERCE_STORE_HASH: 'env', BIGCOMMERCE_API_URL: 'http://env.test' };
  const fromEnv = await loadConfig({ cwd, env });
  assert.equal(
    [fromEnv.storeHash, fromEnv.apiUrl, fromEnv.groupsDir, fromEnv.concurrency],
    ['env', 'http://env.test', 'g', 3],
  );
  const fromFlags = await loadConfig({
    cwd,
    env,
    overrides: { storeHash: 'flag', groupsDir: 'other', concurrency: undefined },
  });
  assert.equal(
    [fromFlags.storeHash, fromFlags.apiUrl, fromFlags.groupsDir, fromFlags.concurrency],
    ['flag', 'http://env.test', 'other', 3],
  );
  const blankEnv = await loadConfig({ cwd, env: { BIGCOMMERCE_STORE_HASH: '  ' } });
  assert.is(blankEnv.storeHash, 'file');
});

config('--config FILE wins over the search, relative to cwd', async ({ cwd }) => {
  await writeFile(path.join(cwd, '.bcgroupsrc.json'), '{"storeHash": "searched"}');
  await mkdir(path.join(cwd, 'ci'));
  await writeFile(path.join(cwd, 'ci/prod.yaml'), 'storeHash: chosen\n');
  const loaded = await loadConfig({ cwd, env: {}, configFile: 'ci/prod.yaml' });
  assert.is(loaded.storeHash, 'chosen');
  const missing = await configErrorOf(loadConfig({ cwd, env: {}, configFile: 'ci/none.yaml' }));
  assert.match(missing.message, /Config file not found: ci\/none\.yaml/);
});

config('invalid settings: every bad key of a JSON file, each at its line and column', async ({ cwd }) => {
  const settings = { concurrency: 0, prune: 'yes', colour: true, safety: { maxDeletes: -1 } };
  await writeFile(path.join(cwd, 'bcgroups.config.json'), JSON.stringify(settings, null, 2));
  const problems = await problemsOf(loadConfig({ cwd, env: {} }));
  assert.equal(brief(problems), [
    'bcgroups.config.json:2:18 concurrency must be at least 1 (found 0)',
    'bcgroups.config.json:3:12 prune must be true or false (found a string)',
    "bcgroups.config.json:4:3 colour unknown key 'colour'",
    'bcgroups.config.json:6:19 safety.maxDeletes must be at least 0 (found -1)',
  ]);
  assert.match(problems[0]?.hint ?? '', /^concurrency: Requests in flight at once during apply\. Default: 8\.$/);
  assert.match(problems[2]?.hint ?? '', /^allowed here: storeHash, apiUrl, .*request$/);
});

config('YAML settings point at the value or the key, and a near miss suggests the key', async ({ cwd }) => {
  await writeFile(
    path.join(cwd, '.bcgroupsrc'),
    'storeHash: ab-c\nconcurency: 4\nrequest:\n  retries: 11\n  reserveShare: 1\napiUrl: ftp://x\n',
  );
  const problems = await problemsOf(loadConfig({ cwd, env: {} }));
  assert.equal(brief(problems), [
    '.bcgroupsrc:1:12 storeHash must be letters and digits only (the part after /stores/ in the API path)',
    ".bcgroupsrc:2:1 concurency unknown key 'concurency'",
    '.bcgroupsrc:4:12 request.retries must be at most 10 (found 11)',
    '.bcgroupsrc:5:17 request.reserveShare must be below 1 (found 1)',
    '.bcgroupsrc:6:9 apiUrl must be an http(s) URL such as https://api.bigcommerce.com',
  ]);
  assert.match(problems[1]?.hint ?? '', /^did you mean 'concurrency'\? allowed here:/);
  assert.not.match(problems[0]?.hint ?? '', /did you mean/);
});

config('the "bcgroups" key of package.json: lines of package.json, fields of the settings', async ({ cwd }) => {
  await writeFile(
    path.join(cwd, 'package.json'),
    JSON.stringify({ name: 'store', bcgroups: { storeHash: 'abc', request: { timeoutMs: 'soon' } } }, null, 2),
  );
  const problems = await problemsOf(loadConfig({ cwd, env: {} }));
  assert.equal(brief(problems), ['package.json:6:20 request.timeoutMs must be a whole number (found a string)']);
});

config('a config that is not a mapping is one problem at its start', async ({ cwd }) => {
  await writeFile(path.join(cwd, '.bcgroupsrc.json'), '\n  [1, 2]');
  const problems = await problemsOf(loadConfig({ cwd, env: {} }));
  assert.equal(brief(problems), ['.bcgroupsrc.json:2:3  the config must be a mapping of settings (found a list)']);
  assert.ok(problems[0]?.hint);
});

config('a JS config has no lines: its problems sit at 1:1, still all of them', async ({ cwd }) => {
  await writeFile(path.join(cwd, 'bcgroups.config.mjs'), 'export default {\n  prune: 1,\n  groupsDir: "",\n};\n');
  const problems = await problemsOf(loadConfig({ cwd, env: {} }));
  assert.equal(brief(problems), [
    'bcgroups.config.mjs:1:1 groupsDir must not be empty',
    'bcgroups.config.mjs:1:1 prune must be true or false (found 1)',
  ]);
});

config('the CLI prints config problems like group problems, closing with the config file', async ({ cwd }) => {
  await writeFile(path.join(cwd, 'bcgroups.config.yaml'), 'prune: true\nconcurrency: 99\n');
  const io = memoryIo({ cwd, env: { BIGCOMMERCE_STORE_HASH: 'abc', BIGCOMMERCE_ACCESS_TOKEN: 'not-used' } });
  assert.is(await runCli(['validate'], io), 1);
  assert.match(
    io.err(),
    /^bcgroups\.config\.yaml:2:14 {2}concurrency {2}must be at most 40 \(found 99\)\n {4}hint: concurrency: /,
  );
  assert.match(io.err(), /\n\n1 problem in the config file\.\n$/);
  const plan = memoryIo({ cwd, env: { BIGCOMMERCE_STORE_HASH: 'abc', BIGCOMMERCE_ACCESS_TOKEN: 'not-used' } });
  assert.is(await runCli(['plan'], plan), 1);
  assert.match(plan.err(), /\n\n1 problem in the config file\. Nothing was sent to the store\.\n$/);
});

config('a bad environment value names the variable', async ({ cwd }) => {
  const error = await configErrorOf(loadConfig({ cwd, env: { BIGCOMMERCE_API_URL: 'ftp://nope' } }));
  assert.match(error.message, /BIGCOMMERCE_API_URL: must be an http\(s\) URL/);
});

for (const key of ['accessToken', 'token', 'access_token', 'X-Auth-Token', 'clientSecret']) {
  config(`a '${key}' key is refused at its line without echoing its value`, async ({ cwd }) => {
    await writeFile(
      path.join(cwd, '.bcgroupsrc.json'),
      JSON.stringify({ storeHash: 'abc', request: { [key]: 'sekrit-value-123' } }, null, 2),
    );
    const problems = await problemsOf(loadConfig({ cwd, env: {} }));
    assert.equal(brief(problems).length, 1, 'the secret is not also reported as an unknown key');
    const [problem] = problems;
    assert.equal(
      [problem?.file, problem?.line, problem?.col, problem?.field],
      ['.bcgroupsrc.json', 4, 5, `request.${key}`],
    );
    assert.match(problem?.message ?? '', new RegExp(`'request\\.${key}' looks like a secret`));
    assert.match(
      problem?.message ?? '',
      /only from the environment variable named by accessTokenEnv \(BIGCOMMERCE_ACCESS_TOKEN\)/,
    );
    assert.not.match(JSON.stringify(problems), /sekrit/);
  });
}

config('every secret key and every schema problem is collected, and no value is echoed', async ({ cwd }) => {
  const text =
    'accessTokenEnv: MY_TOKEN\napiToken: sekrit-one\nstoreHash: sekrit/two\nsafety:\n  password: sekrit-three\n';
  await writeFile(path.join(cwd, 'bcgroups.config.yml'), text);
  const problems = await problemsOf(loadConfig({ cwd, env: {} }));
  assert.equal(
    problems.map((problem) => `${problem.line}:${problem.col} ${problem.field}`),
    ['2:1 apiToken', '3:12 storeHash', '5:3 safety.password'],
  );
  assert.match(problems[0]?.hint ?? '', /set MY_TOKEN in the environment/);
  assert.not.match(JSON.stringify(problems), /sekrit/);
});

config('an accessTokenEnv that may be a pasted token is not echoed either', async ({ cwd }) => {
  await writeFile(
    path.join(cwd, 'bcgroups.config.json'),
    JSON.stringify({ accessTokenEnv: 'q7sekrit0token9', token: 'x' }),
  );
  const problems = await problemsOf(loadConfig({ cwd, env: {} }));
  const secret = problems.find((problem) => /looks like a secret/.test(problem.message));
  assert.match(secret?.message ?? '', /accessTokenEnv \(BIGCOMMERCE_ACCESS_TOKEN\)/);
  assert.ok(
    problems.some((problem) => problem.field === 'accessTokenEnv' && /in capitals/.test(problem.message)),
    'a lower-case name is refused too',
  );
  assert.not.match(JSON.stringify(problems), /sekrit/);
});

config('a YAML syntax error in the config is a ConfigError', async ({ cwd }) => {
  await writeFile(path.join(cwd, '.bcgroupsrc.yaml'), 'storeHash: [oops\n');
  const error = await configErrorOf(loadConfig({ cwd, env: {} }));
  assert.match(error.message, /\.bcgroupsrc\.yaml:2:1: not valid YAML/);
  assert.not.match(error.message, 'oops', 'the file text is never echoed');
});

config('a config syntax error says line, column and why, never the text there', async ({ cwd }) => {
  const cases: [string, string, string][] = [
    [
      '.bcgroupsrc.yaml',
      'storeHash: abc\nstoreHash: oops\n',
      ".bcgroupsrc.yaml:2:1: not valid YAML: duplicate key 'storeHash'.",
    ],
    [
      '.bcgroupsrc.json',
      '{\n  "storeHash": "oops",\n}\n',
      '.bcgroupsrc.json:3:1: not valid JSON: Expected double-quoted property name.',
    ],
    ['.bcgroupsrc.json', '{\n  "storeHash": oops\n}\n', ".bcgroupsrc.json:2:16: not valid JSON: Unexpected token 'o'."],
    [
      '.bcgroupsrc.json',
      '{"storeHash": "oops"}}',
      '.bcgroupsrc.json:1:22: not valid JSON: Unexpected non-whitespace character after JSON.',
    ],
    [
      '.bcgroupsrc.json',
      '{"storeHash": "oops"',
      ".bcgroupsrc.json:1:21: not valid JSON: Expected ',' or '}' after property value.",
    ],
  ];
  for (const [file, text, expected] of cases) {
    await writeFile(path.join(cwd, file), text);
    const error = await configErrorOf(loadConfig({ cwd, env: {}, configFile: file }));
    assert.ok(error.message.startsWith(path.join(cwd, expected)), error.message);
    assert.not.match(error.message, 'oops', 'the file text is never echoed');
  }
});

config(
  'numeric settings have maxima: a timeout beyond 10 minutes is a problem of the file, not a network error later',
  async ({ cwd }) => {
    await writeFile(
      path.join(cwd, '.bcgroupsrc.json'),
      JSON.stringify({ request: { timeoutMs: 99999999999 }, safety: { maxDeletes: 1e300 } }),
    );
    const problems = await problemsOf(loadConfig({ cwd, env: {} }));
    assert.equal(
      problems.map((problem) => `${problem.field} ${problem.message}`),
      [
        'request.timeoutMs must be at most 600000 (found 99999999999)',
        'safety.maxDeletes must be at most 1000000 (found 1e+300)',
      ],
    );
  },
);

config('readToken reads only the variable named by accessTokenEnv', () => {
  const custom: Config = { ...DEFAULT_CONFIG, accessTokenEnv: 'MY_TOKEN' };
  assert.is(readToken(custom, { MY_TOKEN: 'abc' }), 'abc');
  assert.throws(
    () => readToken(custom, { BIGCOMMERCE_ACCESS_TOKEN: 'abc' }),
    (error: Error) => error instanceof ConfigError && /^set MY_TOKEN /.test(error.message),
  );
  assert.throws(() => readToken(DEFAULT_CONFIG, {}), /set BIGCOMMERCE_ACCESS_TOKEN/);
});

config('requireStoreHash says how to set it', () => {
  assert.is(requireStoreHash({ ...DEFAULT_CONFIG, storeHash: 'abc' }), 'abc');
  assert.throws(
    () => requireStoreHash(DEFAULT_CONFIG),
    (error: Error) => error instanceof ConfigError && /BIGCOMMERCE_STORE_HASH/.test(error.message),
  );
  assert.throws(
    () => requireStoreHash(DEFAULT_CONFIG),
    (error: Error) => error.message.startsWith('No store hash: pass --store-hash HASH, set BIGCOMMERCE_STORE_HASH,'),
  );
});

config('the config schema and the Config type name the same settings', () => {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8')) as {
    properties: Record<string, { properties?: Record<string, unknown> }>;
  };
  const topKeys = {
    storeHash: true,
    apiUrl: true,
    accessTokenEnv: true,
    groupsDir: true,
    concurrency: true,
    prune: true,
    catalog: true,
    customers: true,
    ignore: true,
    protect: true,
    safety: true,
    request: true,
    stores: true,
    storeName: true,
    configFile: true,
  } satisfies Record<keyof Config, true>;
  const safetyKeys = {
    maxDeletes: true,
    maxDeletePercent: true,
    maxUpdatePercent: true,
    minGroupsForPercent: true,
    maxDeletedCustomers: true,
  } satisfies Record<keyof SafetyConfig, true>;
  const requestKeys = {
    timeoutMs: true,
    retries: true,
    reserveShare: true,
    maxPages: true,
    maxWaitMs: true,
    maxRequestMs: true,
  } satisfies Record<keyof RequestConfig, true>;
  const fileKeys = Object.keys(topKeys).filter((key) => key !== 'configFile' && key !== 'storeName');
  assert.equal(
    Object.keys(schema.properties)
      .filter((key) => key !== '$schema')
      .sort(),
    fileKeys.sort(),
  );
  assert.equal(Object.keys(schema.properties.safety?.properties ?? {}).sort(), Object.keys(safetyKeys).sort());
  assert.equal(Object.keys(schema.properties.request?.properties ?? {}).sort(), Object.keys(requestKeys).sort());
});

config.run();
