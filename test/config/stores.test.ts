// Several stores in one config: problems at file:line:col, picking one by name, and each store's token.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_CONFIG, loadConfig, readToken, narrowTo, selectStore, storeNamesOf } from '../../src/config/index.js';
import { ConfigError, UsageError, type Problem } from '../../src/errors.js';
import type { Config } from '../../src/model/index.js';
import { problemsOf } from '../support/problems.js';
import { runCli } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';

const stores = suite<{ cwd: string }>('stores in the config', { cwd: '' });

stores.before.each(async (context) => {
  context.cwd = await mkdtemp(path.join(tmpdir(), 'bcgroups-stores-'));
  await writeFile(path.join(context.cwd, 'package.json'), JSON.stringify({ name: 'store' }));
});

stores.after.each(async (context) => {
  await rm(context.cwd, { recursive: true, force: true });
});

const TWO: Config = {
  ...DEFAULT_CONFIG,
  stores: {
    production: { storeHash: 'prod1' },
    staging: { storeHash: 'stage1', apiUrl: 'http://127.0.0.1:9', accessTokenEnv: 'STAGING_TOKEN' },
  },
};

function brief(problems: Problem[]): string[] {
  return problems.map(
    (problem) => `${problem.file}:${problem.line}:${problem.col} ${problem.field}: ${problem.message}`,
  );
}

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  assert.unreachable('expected an error');
  throw new Error('unreachable');
}

stores(
  'a config with stores loads, and each store is narrowed to its own hash, URL and token variable',
  async ({ cwd }) => {
    await writeFile(
      path.join(cwd, 'bcgroups.config.yaml'),
      'apiUrl: http://127.0.0.1:1\nstores:\n  production:\n    storeHash: prod1\n' +
        '  staging:\n    storeHash: stage1\n    accessTokenEnv: STAGING_TOKEN\n',
    );
    const config = await loadConfig({ cwd, env: {} });
    assert.equal(
      storeNamesOf(config)
        .map((name) => narrowTo(config, name))
        .map((store) => [store.storeName, store.storeHash, store.apiUrl, store.accessTokenEnv]),
      [
        ['production', 'prod1', 'http://127.0.0.1:1', 'BIGCOMMERCE_ACCESS_TOKEN_PRODUCTION'],
        ['staging', 'stage1', 'http://127.0.0.1:1', 'STAGING_TOKEN'],
      ],
    );
  },
);

stores('every problem of the stores sits at its file:line:col', async ({ cwd }) => {
  const text = [
    'storeHash: abc',
    'stores:',
    '  Prod:',
    '    storeHash: abc',
    '  staging:',
    '    storeHash: x-y',
    '    accesTokenEnv: X',
    '  qa: {}',
    '',
  ].join('\n');
  await writeFile(path.join(cwd, '.bcgroupsrc.yaml'), text);
  const problems = await problemsOf(loadConfig({ cwd, env: {} }));
  assert.equal(brief(problems), [
    '.bcgroupsrc.yaml:1:1 storeHash: storeHash describes a single store, but this config names stores',
    ".bcgroupsrc.yaml:3:3 stores.Prod: store name 'Prod' must be lower-case letters, " +
      'digits, - or _, starting with a letter (at most 40)',
    '.bcgroupsrc.yaml:6:16 stores.staging.storeHash: must be letters and digits ' +
      'only (the part after /stores/ in the API path)',
    ".bcgroupsrc.yaml:7:5 stores.staging.accesTokenEnv: unknown key 'accesTokenEnv'",
    ".bcgroupsrc.yaml:8:3 stores.qa.storeHash: missing required key 'storeHash'",
  ]);
  assert.match(problems[3]?.hint ?? '', "did you mean 'accessTokenEnv'?");
});

stores(
  'two stores that read one token variable, by default or by name, or that are one store, are config problems',
  async ({ cwd }) => {
    const text = [
      'stores:',
      '  a-b:',
      '    storeHash: abc',
      '  a_b:',
      '    storeHash: def',
      '  c:',
      '    storeHash: abc',
      '  d:',
      '    storeHash: xyz',
      '    accessTokenEnv: BIGCOMMERCE_ACCESS_TOKEN_C',
      '  e:',
      '    storeHash: abc',
      '    apiUrl: http://127.0.0.1:9',
      '',
    ].join('\n');
    await writeFile(path.join(cwd, '.bcgroupsrc.yaml'), text);
    const problems = await problemsOf(loadConfig({ cwd, env: {} }));
    assert.equal(
      brief(problems),
      [
        ".bcgroupsrc.yaml:4:3 stores.a_b: stores 'a-b' and 'a_b' both read their token from " +
          "BIGCOMMERCE_ACCESS_TOKEN_A_B ('a-b' and 'a_b' by default, " +
          'as BIGCOMMERCE_ACCESS_TOKEN_<NAME> upper-cases the name and reads - as _), ' +
          "so one store's token would go to the other store's API",
        ".bcgroupsrc.yaml:7:16 stores.c.storeHash: stores 'a-b' and 'c' are the " +
          'same store (one storeHash at one apiUrl)',
        '.bcgroupsrc.yaml:10:21 stores.d.accessTokenEnv: ' +
          "stores 'c' and 'd' both read their token from BIGCOMMERCE_ACCESS_TOKEN_C ('c' by default, " +
          'as BIGCOMMERCE_ACCESS_TOKEN_<NAME> upper-cases the name and reads - as _), ' +
          "so one store's token would go to the other store's API",
      ],
      'store e has the same hash at another API and is a store of its own',
    );
    assert.match(problems[0]?.hint ?? '', 'set stores.a_b.accessTokenEnv to a variable of its own');
  },
);

stores('a hash from the environment or a flag is refused beside named stores', async ({ cwd }) => {
  await writeFile(path.join(cwd, '.bcgroupsrc.yaml'), 'stores:\n  production:\n    storeHash: prod1\n');
  await loadConfig({ cwd, env: { BIGCOMMERCE_STORE_HASH: 'abc' } }).then(
    () => assert.unreachable('the environment hash must be refused'),
    (error: Error) => {
      assert.instance(error, ConfigError);
      assert.match(error.message, 'unset BIGCOMMERCE_STORE_HASH and pick a store with --store NAME');
    },
  );
  await loadConfig({ cwd, env: {}, overrides: { storeHash: 'abc' } }).then(
    () => assert.unreachable('the flag must be refused'),
    (error: Error) => assert.instance(error, UsageError),
  );
});

stores('with stores and none picked, the command names them; --store wins over BCGROUPS_STORE', () => {
  const none = thrown(() => selectStore(TWO, { env: {} }));
  assert.instance(none, UsageError);
  assert.match(
    none.message,
    'The config names several stores (production, staging): pick one with --store NAME or BCGROUPS_STORE=NAME',
  );
  assert.is(selectStore(TWO, { env: { BCGROUPS_STORE: 'staging' } }).storeName, 'staging');
  assert.is(selectStore(TWO, { flag: 'production', env: { BCGROUPS_STORE: 'staging' } }).storeName, 'production');
  assert.equal(selectStore(DEFAULT_CONFIG, { env: {} }), DEFAULT_CONFIG, 'a config of one store is as it was');
});

stores('an unknown store name gets a did-you-mean and the list', () => {
  const error = thrown(() => selectStore(TWO, { flag: 'stagign', env: {} }));
  assert.instance(error, UsageError);
  assert.is(
    error.message,
    "--store 'stagign' is not a store of the config; did you mean 'staging'? The stores are: production, staging.",
  );
  const fromEnv = thrown(() => selectStore(TWO, { env: { BCGROUPS_STORE: 'qa' } }));
  assert.is(fromEnv.message, "BCGROUPS_STORE 'qa' is not a store of the config. The stores are: production, staging.");
  assert.instance(
    thrown(() => selectStore(DEFAULT_CONFIG, { flag: 'staging', env: {} })),
    UsageError,
  );
});

stores("each store reads only its own token variable, never another store's or the global one", () => {
  const everyToken = {
    BIGCOMMERCE_ACCESS_TOKEN: 'global',
    BIGCOMMERCE_ACCESS_TOKEN_PRODUCTION: 'prod-token',
    STAGING_TOKEN: 'stage-token',
  };
  assert.is(readToken(selectStore(TWO, { flag: 'staging', env: {} }), everyToken), 'stage-token');
  assert.is(readToken(selectStore(TWO, { flag: 'production', env: {} }), everyToken), 'prod-token');
  const missing = thrown(() =>
    readToken(selectStore(TWO, { flag: 'production', env: {} }), {
      BIGCOMMERCE_ACCESS_TOKEN: 'global',
      STAGING_TOKEN: 'stage-token',
    }),
  );
  assert.match(missing.message, /^set BIGCOMMERCE_ACCESS_TOKEN_PRODUCTION to an API token of store production/);
});

stores('one store written as two URLs (:443, a trailing dot, 127.1, a case) is still one store', async ({ cwd }) => {
  const pairs: [string, string][] = [
    ['https://api.bigcommerce.com', 'https://api.bigcommerce.com:443'],
    ['https://api.bigcommerce.com', 'https://API.BigCommerce.com./'],
    ['http://127.0.0.1:8080', 'http://127.1:8080'],
  ];
  for (const [first, second] of pairs) {
    const text =
      `stores:\n  a:\n    storeHash: abc\n    apiUrl: ${first}\n` + `  b:\n    storeHash: ABC\n    apiUrl: ${second}\n`;
    await writeFile(path.join(cwd, '.bcgroupsrc.yaml'), text);
    const problems = await problemsOf(loadConfig({ cwd, env: {} }));
    assert.equal(
      brief(problems),
      [".bcgroupsrc.yaml:6:16 stores.b.storeHash: stores 'a' and 'b' are the same store (one storeHash at one apiUrl)"],
      `${first} and ${second}`,
    );
  }
});

for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
  stores(`--store ${name} and BCGROUPS_STORE=${name} are no store of the config`, async ({ cwd }) => {
    await writeFile(
      path.join(cwd, 'bcgroups.config.yaml'),
      'stores:\n  production: {storeHash: prod1}\n  staging: {storeHash: stage1}\n',
    );
    const fromFlag = memoryIo({ cwd, env: { BIGCOMMERCE_ACCESS_TOKEN_PRODUCTION: 'unused-token-1' } });
    assert.is(await runCli(['plan', '--store', name], fromFlag), 1, fromFlag.err());
    assert.match(fromFlag.err(), `--store '${name}' is not a store of the config`);
    const fromEnv = memoryIo({ cwd, env: { BCGROUPS_STORE: name } });
    assert.is(await runCli(['plan'], fromEnv), 1, fromEnv.err());
    assert.match(fromEnv.err(), `BCGROUPS_STORE '${name}' is not a store of the config`);
  });
}

stores.run();
