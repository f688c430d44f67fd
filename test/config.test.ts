import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_CONFIG, loadConfig, readToken, requireStoreHash } from '../src/config.js';
import { ConfigError } from '../src/errors.js';
import type { Config, RequestConfig, SafetyConfig } from '../src/model.js';

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

config('defaults without any file or environment', async ({ cwd }) => {
  const loaded = await loadConfig({ cwd, env: {} });
  assert.equal(loaded, DEFAULT_CONFIG);
  assert.is(loaded.apiUrl, 'https://api.bigcommerce.com');
  assert.is(loaded.accessTokenEnv, 'BIGCOMMERCE_ACCESS_TOKEN');
  assert.is(loaded.groupsDir, 'groups');
  assert.is(loaded.concurrency, 8);
  assert.is(loaded.prune, false);
  assert.equal(loaded.safety, { maxDeletes: 5, maxDeletePercent: 25, maxUpdatePercent: 50, minGroupsForUpdateCheck: 10 });
  assert.equal(loaded.request, { timeoutMs: 30000, retries: 4, reserveShare: 0.2 });
});

config('package.json "bcgroups" key, nested settings merged over defaults', async ({ cwd }) => {
  await writeFile(path.join(cwd, 'package.json'), JSON.stringify({ name: 'store', bcgroups: { storeHash: 'abc123', safety: { maxDeletes: 2 } } }));
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
  ['bcgroups.config.ts', 'interface Settings { storeHash: string }\nconst settings = { storeHash: "fromts" } satisfies Settings;\nexport default settings;\n'],
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
  await writeFile(path.join(cwd, 'bcgroups.config.json'), JSON.stringify({ storeHash: 'file', apiUrl: 'http://file.test', groupsDir: 'g', concurrency: 3 }));
  const env = { BIGCOMMERCE_STORE_HASH: 'env', BIGCOMMERCE_API_URL: 'http://env.test' };
  const fromEnv = await loadConfig({ cwd, env });
  assert.equal([fromEnv.storeHash, fromEnv.apiUrl, fromEnv.groupsDir, fromEnv.concurrency], ['env', 'http://env.test', 'g', 3]);
  const fromFlags = await loadConfig({ cwd, env, overrides: { storeHash: 'flag', groupsDir: 'other', concurrency: undefined } });
  assert.equal([fromFlags.storeHash, fromFlags.apiUrl, fromFlags.groupsDir, fromFlags.concurrency], ['flag', 'http://env.test', 'other', 3]);
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

config('invalid settings name the file and every bad key', async ({ cwd }) => {
  await writeFile(path.join(cwd, 'bcgroups.config.json'), JSON.stringify({ concurrency: 0, prune: 'yes', colour: true, safety: { maxDeletes: -1 } }));
  const error = await configErrorOf(loadConfig({ cwd, env: {} }));
  assert.match(error.message, /^Invalid settings in bcgroups\.config\.json:/);
  assert.match(error.message, /concurrency: must be >= 1/);
  assert.match(error.message, /prune: must be boolean/);
  assert.match(error.message, /unknown key 'colour'/);
  assert.match(error.message, /safety\.maxDeletes: must be >= 0/);
});

config('a bad environment value names the variable', async ({ cwd }) => {
  const error = await configErrorOf(loadConfig({ cwd, env: { BIGCOMMERCE_API_URL: 'ftp://nope' } }));
  assert.match(error.message, /BIGCOMMERCE_API_URL: must be an http\(s\) URL/);
});

for (const key of ['accessToken', 'token', 'access_token', 'X-Auth-Token', 'clientSecret']) {
  config(`a '${key}' key is refused without echoing its value`, async ({ cwd }) => {
    await writeFile(path.join(cwd, '.bcgroupsrc.json'), JSON.stringify({ storeHash: 'abc', request: { [key]: 'sekrit-value-123' } }));
    const error = await configErrorOf(loadConfig({ cwd, env: {} }));
    assert.match(error.message, new RegExp(`'request\\.${key}' looks like a secret`));
    assert.match(error.message, /only from the environment variable named by accessTokenEnv \(BIGCOMMERCE_ACCESS_TOKEN\)/);
    assert.not.match(error.message, /sekrit/);
  });
}

config('a YAML syntax error in the config is a ConfigError', async ({ cwd }) => {
  await writeFile(path.join(cwd, '.bcgroupsrc.yaml'), 'storeHash: [oops\n');
  const error = await configErrorOf(loadConfig({ cwd, env: {} }));
  assert.match(error.message, /\.bcgroupsrc\.yaml:2:1: not valid YAML/);
  assert.not.match(error.message, 'oops', 'the file text is never echoed');
});

config('readToken reads only the variable named by accessTokenEnv', () => {
  const custom: Config = { ...DEFAULT_CONFIG, accessTokenEnv: 'MY_TOKEN' };
  assert.is(readToken(custom, { MY_TOKEN: 'abc' }), 'abc');
  assert.throws(() => readToken(custom, { BIGCOMMERCE_ACCESS_TOKEN: 'abc' }), (error: Error) => error instanceof ConfigError && /^set MY_TOKEN /.test(error.message));
  assert.throws(() => readToken(DEFAULT_CONFIG, {}), /set BIGCOMMERCE_ACCESS_TOKEN/);
});

config('requireStoreHash says how to set it', () => {
  assert.is(requireStoreHash({ ...DEFAULT_CONFIG, storeHash: 'abc' }), 'abc');
  assert.throws(() => requireStoreHash(DEFAULT_CONFIG), (error: Error) => error instanceof ConfigError && /BIGCOMMERCE_STORE_HASH/.test(error.message));
});

config('the config schema and the Config type name the same settings', () => {
  const schema = JSON.parse(readFileSync(new URL('../schemas/config.schema.json', import.meta.url), 'utf8')) as {
    properties: Record<string, { properties?: Record<string, unknown> }>;
  };
  const topKeys = {
    storeHash: true,
    apiUrl: true,
    accessTokenEnv: true,
    groupsDir: true,
    concurrency: true,
    prune: true,
    safety: true,
    request: true,
    configFile: true,
  } satisfies Record<keyof Config, true>;
  const safetyKeys = { maxDeletes: true, maxDeletePercent: true, maxUpdatePercent: true, minGroupsForUpdateCheck: true } satisfies Record<keyof SafetyConfig, true>;
  const requestKeys = { timeoutMs: true, retries: true, reserveShare: true } satisfies Record<keyof RequestConfig, true>;
  const fileKeys = Object.keys(topKeys).filter((key) => key !== 'configFile');
  assert.equal(Object.keys(schema.properties).filter((key) => key !== '$schema').sort(), fileKeys.sort());
  assert.equal(Object.keys(schema.properties.safety?.properties ?? {}).sort(), Object.keys(safetyKeys).sort());
  assert.equal(Object.keys(schema.properties.request?.properties ?? {}).sort(), Object.keys(requestKeys).sort());
});

config.run();
