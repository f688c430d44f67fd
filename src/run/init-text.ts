// The text `init` writes: the commented config, and the calling workflows made to fit it.
import { defaultTokenEnvOf } from '../config/stores.js';

export const GITIGNORE_LINES = ['node_modules/', 'plan.json', 'plan-*.json'];

const HEAD = `# bcgroups: the customer groups of a BigCommerce store, one YAML file each in groupsDir.
# Every key: node_modules/bcgroups/README.md (Configuration), schema node_modules/bcgroups/schemas/config.schema.json.
# A token never goes in this file: bcgroups reads it from the environment variable named below.
`;

const TAIL = `
# The folder of group files (the workflows' groups-dir input names the same folder).
groupsDir: groups
# Delete live groups that no file describes: leave off until every group has a file (bcgroups import).
prune: false
`;

/** One store: its hash here or in BIGCOMMERCE_STORE_HASH. Several: one entry each, with its token variable. */
export function configText(stores: string[], storeHash?: string): string {
  if (stores.length === 0) {
    const hash = storeHash
      ? `storeHash: ${storeHash}\n`
      : '# storeHash: abc123   # or set BIGCOMMERCE_STORE_HASH (in CI, the repository variable of that name)\n';
    return `${HEAD}
# The store: the hash from its API path, stores/HASH/v3. Its token: BIGCOMMERCE_ACCESS_TOKEN.
${hash}${TAIL}`;
  }
  const entries = stores.map(
    (store) => `  ${store}:
    # The hash from the store's API path, stores/HASH/v3. Its token: ${defaultTokenEnvOf(store)}.
    storeHash: put-the-hash-here
`,
  );
  return `${HEAD}
# Each command picks one store with --store NAME (or BCGROUPS_STORE); plan --all-stores plans them all.
stores:
${entries.join('')}${TAIL}`;
}

/** Named stores: the workflows get the list and one JSON secret of read tokens, as the README shows. */
export function workflowForStores(example: string, stores: string[]): string {
  if (stores.length === 0) return example;
  const list = `'[${stores.map((store) => `"${store}"`).join(', ')}]'`;
  const tokens = stores
    .map((store) => `"${store}": "\${{ secrets.${defaultTokenEnvOf(store).replace('ACCESS', 'READ')} }}"`)
    .join(',\n        ');
  return example
    .replace("      stores: ''", `      stores: ${list}`)
    .replace(/^ {6}BIGCOMMERCE_READ_TOKEN: .*$/m, `      BIGCOMMERCE_READ_TOKENS: >-\n        {${tokens}}`);
}

/** The installed commit in place of OWNER and COMMIT_SHA, when the install says which it is. */
export function pinWorkflow(text: string, pinnedTo: { repo: string; commit: string } | undefined): string {
  if (!pinnedTo) return text;
  return text.replaceAll('OWNER/bcgroups/', `${pinnedTo.repo}/`).replaceAll('@COMMIT_SHA', `@${pinnedTo.commit}`);
}
