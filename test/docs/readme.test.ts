// The README says only what is true: its commands, flags, defaults, exit codes, config keys and the
// example files are checked against the real CLI, schema and loaders.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXIT } from '../../src/cli/main.js';
import { GLOBAL_OPTIONS } from '../../src/cli/args.js';
import { MAIN_OPTIONS, renderMainHelp } from '../../src/cli/help.js';
import { commands } from '../../src/cli/commands/index.js';
import { DEFAULT_CONFIG, loadConfig } from '../../src/config/index.js';
import { loadDesired } from '../../src/desired/index.js';
import {
  checkInvocation,
  extractCodeBlocks,
  extractInvocations,
  extractSection,
  extractTableRows,
} from './commands.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const configSchema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/config.schema.json'), 'utf8')) as {
  properties: Record<string, { properties?: Record<string, unknown> }>;
};

/** Rows of a section's tables whose first cell is code, as [name without backticks, ...other cells]. */
function codeRows(section: string): string[][] {
  return extractTableRows(section)
    .filter((cells) => /^`[^`]+`$/.test(cells[0] ?? ''))
    .map(([first = '', ...rest]) => [first.slice(1, -1), ...rest]);
}

/** Code blocks whose first line names the file they show: `# groups/vip.yaml`. */
function namedYamlBlocks(prefix: RegExp): { file: string; text: string }[] {
  return extractCodeBlocks(readme)
    .filter((block) => block.lang === 'yaml')
    .flatMap((block) => {
      const file = block.text.match(/^#\s*(\S+)\s*\n/)?.[1];
      return file && prefix.test(file) ? [{ file, text: block.text }] : [];
    });
}

async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bcgroups-readme-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the quick start gives both fresh-clone commands verbatim', () => {
  assert.ok(readme.includes('npm ci && npm run demo'));
  assert.ok(readme.includes('npm ci && npm test'));
});

test('every bcgroups invocation in a README code block is a real command with real flags', () => {
  const invocations = extractCodeBlocks(readme).flatMap((block) => extractInvocations(block.text));
  assert.ok(invocations.length >= 3, `found ${invocations.length}`);
  assert.equal(invocations.flatMap(checkInvocation), []);
});

test('every npx example puts its flags after the command: npx takes the ones before it for itself', () => {
  const lines = extractCodeBlocks(readme)
    .filter((block) => block.lang === 'sh')
    .flatMap((block) => block.text.split('\n'))
    .filter((line) => line.includes('npx'));
  assert.ok(lines.length >= 5, `found ${lines.length}`);
  const early = lines.filter((line) => !/npx --no bcgroups [a-z]/.test(line));
  assert.equal(early, [], 'npx --no bcgroups COMMAND [flags]');
  assert.match(renderMainHelp(), 'npx --no bcgroups plan --config');
});

test('every command has a section whose flag table matches its options and defaults', () => {
  for (const command of commands) {
    const heading = `\`bcgroups ${command.name}${command.positionals ? ` ${command.positionals}` : ''}\``;
    const section = extractSection(readme, heading);
    assert.ok(section, `a section ${heading}`);
    const rows = codeRows(section);
    const documented = rows.map(([flag = '']) => flag.replace(/^-\w, /, '').split(' ')[0]);
    assert.equal(
      documented,
      Object.keys(command.options).map((key) => `--${key}`),
      `${command.name}: flags in order`,
    );
    for (const [key, option] of Object.entries(command.options)) {
      const row = rows.find(([flag = '']) => flag.replace(/^-\w, /, '').split(' ')[0] === `--${key}`);
      const expected = option.default === undefined ? '(none)' : `\`${String(option.default)}\``;
      assert.is(row?.[1], expected, `${command.name} --${key} default`);
      if (option.short) assert.ok(row?.[0]?.startsWith(`-${option.short}, `), `${command.name} --${key} short flag`);
    }
  }
});

test('the global flag table matches the global options and the help', () => {
  const rows = codeRows(extractSection(readme, 'Commands and flags'))
    .filter(([flag = '']) => !flag.startsWith('bcgroups'))
    .map(([flag = '', meaning = '']) => [flag.replace(/^-\w, /, '').split(' ')[0], meaning]);
  const expected = [
    ...Object.entries(GLOBAL_OPTIONS).map(([key, option]) => [`--${key}`, option.description]),
    ...Object.entries(MAIN_OPTIONS).map(([key, option]) => [`--${key}`, option.description]),
  ];
  assert.equal(rows.slice(0, expected.length), expected);
  const help = renderMainHelp();
  for (const [flag] of expected) assert.ok(help.includes(flag ?? ''), `--help shows ${flag}`);
  assert.ok(help.includes('help <command>') && help.includes('-V, --version'), 'help <command> and -V in --help');
});

test('the exit-code table matches EXIT in src/cli/main.ts', () => {
  const rows = codeRows(extractSection(readme, 'Exit codes'));
  const documented = Object.fromEntries(rows.map(([code = '', name = '']) => [name, Number(code)]));
  assert.equal(documented, { ...EXIT });
});

test('the documented config keys are the schema properties, with the real defaults', () => {
  const rows = codeRows(extractSection(readme, 'Configuration'));
  const documented = rows.map(([key = '']) => key).sort();
  const schemaKeys = Object.entries(configSchema.properties)
    .filter(([key]) => key !== '$schema')
    .flatMap(([key, value]) =>
      value.properties ? Object.keys(value.properties).map((nested) => `${key}.${nested}`) : [key],
    )
    .sort();
  assert.equal(documented, schemaKeys);
  for (const [key = '', fallback = ''] of rows) {
    const value = key
      .split('.')
      .reduce<unknown>((settings, part) => (settings as Record<string, unknown> | undefined)?.[part], DEFAULT_CONFIG);
    const shown = Array.isArray(value) ? JSON.stringify(value) : String(value);
    assert.is(fallback, value === undefined ? '(none)' : `\`${shown}\``, `${key} default`);
  }
});

test('the example group files validate through the real loader', async () => {
  const examples = namedYamlBlocks(/^groups\//);
  assert.ok(examples.length >= 1, 'a ```yaml block starting with # groups/<file>.yaml');
  await withTempDir(async (dir) => {
    await mkdir(path.join(dir, 'groups'));
    for (const example of examples) await writeFile(path.join(dir, example.file), example.text);
    const desired = await loadDesired('groups', { cwd: dir });
    assert.is(desired.groups.length, examples.length);
  });
});

test('the example config file loads through the real config loader', async () => {
  const examples = namedYamlBlocks(/^\.bcgroupsrc/);
  assert.is(examples.length, 1, 'a ```yaml block starting with # .bcgroupsrc.yaml');
  await withTempDir(async (dir) => {
    const [example] = examples;
    await writeFile(path.join(dir, 'package.json'), '{"name":"store"}');
    await writeFile(path.join(dir, example!.file), example!.text);
    const config = await loadConfig({ cwd: dir, env: {} });
    assert.is(config.configFile, path.join(dir, example!.file));
  });
});

test('the several-stores examples load together: the config names the stores the group file lists', async () => {
  const blocks = extractCodeBlocks(readme).filter((block) => block.lang === 'yaml');
  const configBlock = blocks.find((block) => block.text.startsWith('# bcgroups.config.yaml\n'));
  const groupBlocks = blocks.filter((block) => /^# groups\/\S+\.yaml /.test(block.text));
  assert.ok(configBlock && groupBlocks.length >= 1, 'a config block and a group file block');
  await withTempDir(async (dir) => {
    await writeFile(path.join(dir, 'package.json'), '{"name":"store"}');
    await writeFile(path.join(dir, 'bcgroups.config.yaml'), configBlock!.text);
    await mkdir(path.join(dir, 'groups'));
    for (const [index, block] of groupBlocks.entries())
      await writeFile(path.join(dir, 'groups', `${index}.yaml`), block.text);
    const config = await loadConfig({ cwd: dir, env: {} });
    const desired = await loadDesired('groups', { cwd: dir, storeNames: Object.keys(config.stores ?? {}) });
    assert.is(desired.groups.length, groupBlocks.length);
  });
});

test('the README names both secrets and the OAuth scope the workflows need', () => {
  for (const phrase of [
    'BIGCOMMERCE_STORE_HASH',
    'BIGCOMMERCE_ACCESS_TOKEN',
    'store_v2_customers',
    'GITHUB_STEP_SUMMARY',
  ]) {
    assert.ok(readme.includes(phrase), phrase);
  }
});

test.run();
