// `bcgroups init`: the config, groups/, the calling workflows and .gitignore lines of a new repository.
import { EXIT, UsageError } from '../../errors.js';
import { initProject } from '../../run/init.js';
import { stringFlag } from '../options.js';
import { defineCommand } from '../types.js';

const STORE_NAME = /^[a-z][a-z0-9_-]{0,39}$/;

export const initCommand = defineCommand({
  name: 'init',
  summary: 'Start a repository: a commented config, groups/, the three CI workflows, .gitignore lines.',
  offline: true,
  options: {
    stores: {
      type: 'string',
      valueName: 'A,B',
      description: 'name several stores (each reads BIGCOMMERCE_ACCESS_TOKEN_<NAME>); default: one store',
    },
    'store-hash': {
      type: 'string',
      valueName: 'HASH',
      description: 'the hash of the one store, written into the config (else BIGCOMMERCE_STORE_HASH)',
    },
  },
  async run(ctx) {
    const stores = readStores(stringFlag(ctx, 'stores'));
    const storeHash = stringFlag(ctx, 'store-hash');
    if (storeHash !== undefined && stores.length > 0)
      throw new UsageError('--store-hash is for one store; with --stores, write each hash into the config.');
    if (storeHash !== undefined && !/^[A-Za-z0-9]+$/.test(storeHash))
      throw new UsageError(`--store-hash takes letters and digits only (stores/HASH/v3); got '${storeHash}'.`);
    const result = await initProject({ cwd: ctx.io.cwd, stores, ...(storeHash ? { storeHash } : {}) });
    const out = ctx.io.stdout;
    out.write(`Wrote ${result.written.join(', ')}.\n`);
    if (result.ignored.length > 0) out.write(`Added to .gitignore: ${result.ignored.join(', ')}.\n`);
    out.write(
      result.pinnedTo
        ? `The workflows call ${result.pinnedTo.repo} at ${result.pinnedTo.commit}, the commit installed.\n`
        : 'In .github/workflows/bcgroups-*.yml, replace OWNER and COMMIT_SHA with the repository and full commit of the bcgroups you use.\n',
    );
    const first = result.variables[0];
    const store = first?.store ? ` --store ${first.store}` : '';
    const setup = result.variables
      .map((v) => `${v.hashVariable && !storeHash ? `${v.hashVariable} and ` : ''}${v.tokenVariable}`)
      .join(', ');
    out.write(
      `\nNext, with ${stores.length > 0 ? "each store's hash in .bcgroupsrc.yaml and " : ''}${setup} set (a read-only token is enough):\n` +
        `  npx --no bcgroups import${store}\n` +
        '  npx --no bcgroups validate\n' +
        `  npx --no bcgroups plan${store}\n`,
    );
    return EXIT.ok;
  },
});

/** --stores a,b: names as the config takes them. */
function readStores(value: string | undefined): string[] {
  if (value === undefined) return [];
  const names = value.split(',').map((name) => name.trim());
  const bad = names.filter((name) => !STORE_NAME.test(name));
  if (bad.length > 0)
    throw new UsageError(
      `--stores takes names of lower-case letters, digits, - and _, separated by commas; not ${bad.map((n) => `'${n}'`).join(', ')}.`,
    );
  if (new Set(names).size !== names.length) throw new UsageError('--stores names a store twice.');
  return names;
}
