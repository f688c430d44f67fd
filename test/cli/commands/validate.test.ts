import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../../../src/cli/main.js';
import { memoryIo } from '../../../src/cli/io.js';
import { BAD_GROUPS as BAD } from '../../support/bad-input.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const validate = suite<{ cwd: string }>('validate', { cwd: '' });

validate.before.each(async (context) => {
  context.cwd = await mkdtemp(path.join(tmpdir(), 'bcgroups-validate-'));
  await writeFile(path.join(context.cwd, 'package.json'), JSON.stringify({ name: 'store' }));
});

validate.after.each(async (context) => {
  await rm(context.cwd, { recursive: true, force: true });
});

validate('the example groups/ pass with a summary, saying what only plan checks, and no token', async () => {
  const io = memoryIo({ cwd: ROOT, env: {} });
  const code = await runCli(['validate'], io);
  assert.is(io.err(), '');
  assert.is(
    io.out(),
    'OK: 5 groups in 5 files under groups/ are valid.\n' +
      'Not checked offline: whether the categories, products and price lists the groups point at exist ' +
      'in the store (10 targets: 10 by id, 0 by name); plan checks them.\n',
  );
  assert.is(code, 0);
});

validate('one of a thing is counted in the singular', async ({ cwd }) => {
  await mkdir(path.join(cwd, 'one'));
  await writeFile(
    path.join(cwd, 'one', 'vip.yaml'),
    'name: VIP\ndiscount_rules:\n  - { type: category, category: Tools, method: percent, amount: 5 }\n',
  );
  const io = memoryIo({ cwd });
  assert.is(await runCli(['validate', '--dir', 'one'], io), 0, io.err());
  assert.is(
    io.out(),
    'OK: 1 group in 1 file under one/ is valid.\n' +
      'Not checked offline: whether the categories, products and price lists the groups point at exist ' +
      'in the store (1 target: 0 by id, 1 by name); plan checks them.\n',
  );
});

validate('--dir overrides groupsDir from the config', async ({ cwd }) => {
  await writeFile(path.join(cwd, 'bcgroups.config.json'), JSON.stringify({ groupsDir: 'from-config' }));
  await mkdir(path.join(cwd, 'from-config'));
  await writeFile(path.join(cwd, 'from-config/one.yaml'), 'name: One\n');
  await mkdir(path.join(cwd, 'flagged'));
  const fromConfig = memoryIo({ cwd });
  assert.is(await runCli(['validate'], fromConfig), 0);
  assert.is(fromConfig.out(), 'OK: 1 group in 1 file under from-config/ is valid.\n');
  const fromFlag = memoryIo({ cwd });
  assert.is(await runCli(['validate', '--dir', 'flagged'], fromFlag), 0);
  assert.is(fromFlag.out(), 'OK: 0 groups in 0 files under flagged/ are valid.\n');
});

validate('a bad store prints every problem as file:line:col  field  message and exits 1', async () => {
  const io = memoryIo({ cwd: BAD });
  const code = await runCli(['validate', '--dir', 'many-problems'], io);
  assert.is(code, 1);
  assert.is(io.out(), '');
  const lines = io.err().split('\n');
  assert.ok(lines.includes('many-problems/a.yaml:2:13  is_default  must be true or false (found "yes")'), io.err());
  assert.ok(
    lines.includes(
      'many-problems/b.yaml:3:11  discount_rules[0].type  must be one of all, ' +
        'category, product, price_list (found "everything")',
    ),
    io.err(),
  );
  assert.ok(
    lines.some((line) => line.startsWith('many-problems/c.yaml:2:1  (file)  YAML: ')),
    io.err(),
  );
  assert.ok(lines.includes('    hint: group names are unique in a store; rename one of them'), io.err());
  assert.match(io.err(), /\n\n5 problems in the desired state\.\n$/);
  assert.not.match(io.err(), /sent to the store/, 'validate never talks to a store');
});

validate('a missing directory fails and says so', async ({ cwd }) => {
  const io = memoryIo({ cwd });
  assert.is(await runCli(['validate', '--dir', 'nowhere'], io), 1);
  assert.ok(
    io
      .err()
      .startsWith(
        `nowhere  (folder)  folder not found: ${path.join(cwd, 'nowhere')} (set the folder with --dir or groupsDir)\n`,
      ),
    io.err(),
  );
  assert.match(io.err(), /hint: create it, run `bcgroups import`/);
});

validate("an unknown flag is named in our words, not parseArgs's", async ({ cwd }) => {
  const io = memoryIo({ cwd });
  assert.is(await runCli(['validate', '--bogus'], io), 1);
  assert.is(
    io.err(),
    "Error: Unknown flag '--bogus' for 'bcgroups validate'.\nRun 'bcgroups validate --help' for its flags.\n",
  );
});

validate('a flag without its value, or a value a switch does not take, says which flag', async ({ cwd }) => {
  const missing = memoryIo({ cwd });
  assert.is(await runCli(['validate', '--dir'], missing), 1);
  assert.is(missing.err(), "Error: --dir needs a value.\nRun 'bcgroups validate --help' for its flags.\n");
  const swallowed = memoryIo({ cwd });
  assert.is(await runCli(['validate', '--dir', '--help'], swallowed), 1);
  assert.match(
    swallowed.err(),
    /^Error: --dir needs a value; to give one that starts with a dash, write --dir=-VALUE\./,
  );
  const switchValue = memoryIo({ cwd });
  assert.is(await runCli(['validate', '--help=yes'], switchValue), 1);
  assert.match(switchValue.err(), /^Error: --help takes no value\./);
});

validate('an empty --dir value is a usage error', async ({ cwd }) => {
  const io = memoryIo({ cwd });
  assert.is(await runCli(['validate', '--dir', ''], io), 1);
  assert.match(io.err(), /--dir needs a value/);
});

validate('--help lists --dir with its default', async () => {
  const io = memoryIo();
  assert.is(await runCli(['validate', '--help'], io), 0);
  assert.match(io.out(), /--dir DIR\s+folder of group files .*\(default: groups\)/);
});

validate.run();
