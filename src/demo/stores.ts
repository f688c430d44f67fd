// The demo's second part: one repository, two sandbox stores whose ids differ, planned, applied and
// drift-checked by name; then a rename by renamed_from that converges in both.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Io } from '../cli/io.js';
import { startSandbox, type SeedGroup } from '../sandbox/index.js';
import { runSteps } from './steps.js';

const PRODUCTION: SeedGroup[] = [
  { id: 1, name: 'Retail', is_default: true },
  { id: 2, name: 'VIP', discount_rules: [{ type: 'all', method: 'percent', amount: '10.0000' }] },
];
const STAGING: SeedGroup[] = [{ id: 101, name: 'Retail', is_default: true }];

const GROUPS: Record<string, string> = {
  'retail.yaml': 'name: Retail\nis_default: true\n',
  'vip.yaml': 'name: VIP\ndiscount_rules:\n  - { type: all, method: percent, amount: 10 }\n',
  'trade.yaml': 'name: Trade\nstores: [production]\ndiscount_rules:\n  - { type: all, method: percent, amount: 20 }\n',
};
const RENAMED = 'name: Gold\nrenamed_from: [VIP]\ndiscount_rules:\n  - { type: all, method: percent, amount: 10 }\n';

/** Runs the multi-store steps in a temporary repository; returns how many exited unexpectedly. */
export async function runStoresDemo(io: Io, first: number): Promise<number> {
  const production = await startSandbox({ storeHash: 'prod', seed: PRODUCTION });
  const staging = await startSandbox({ storeHash: 'staging', seed: STAGING });
  const root = await mkdtemp(path.join(tmpdir(), 'bcgroups-demo-'));
  try {
    const config = {
      stores: {
        production: { storeHash: 'prod', apiUrl: production.apiUrl },
        staging: { storeHash: 'staging', apiUrl: staging.apiUrl },
      },
    };
    await writeFile(path.join(root, 'package.json'), '{"name":"demo-stores"}\n');
    await writeFile(path.join(root, 'bcgroups.config.json'), `${JSON.stringify(config, null, 2)}\n`);
    await mkdir(path.join(root, 'groups'));
    for (const [name, text] of Object.entries(GROUPS)) await writeFile(path.join(root, 'groups', name), text);
    const env = {
      BIGCOMMERCE_ACCESS_TOKEN_PRODUCTION: production.token,
      BIGCOMMERCE_ACCESS_TOKEN_STAGING: staging.token,
      NO_COLOR: io.env.NO_COLOR,
    };
    const stepIo: Io = { ...io, env, cwd: root, confirm: undefined };
    io.stdout.write(
      `\nSeveral stores from one repository: production (${PRODUCTION.length} groups, ` +
        `ids from 1) and staging (${STAGING.length} group, ids from 101), ` +
        'named in bcgroups.config.json, each with its own token variable. trade.yaml is for production only.\n',
    );
    const rename = () => writeFile(path.join(root, 'groups', 'vip.yaml'), RENAMED);
    return await runSteps(
      io,
      stepIo,
      [
        {
          title: 'Plan both stores: one section each',
          argv: ['plan', '--all-stores', '--detailed-exitcode'],
          expect: 2,
        },
        { title: 'Apply staging', argv: ['apply', '--store', 'staging', '--yes'], expect: 0 },
        { title: 'Apply production', argv: ['apply', '--store', 'production', '--yes'], expect: 0 },
        {
          title: 'vip.yaml becomes Gold, with renamed_from: [VIP]; each store renames its own VIP in place',
          argv: ['plan', '--all-stores', '--detailed-exitcode'],
          expect: 2,
          before: rename,
        },
        { title: 'Apply staging', argv: ['apply', '--store', 'staging', '--yes'], expect: 0 },
        { title: 'Apply production', argv: ['apply', '--store', 'production', '--yes'], expect: 0 },
        { title: 'Drift: staging is in sync', argv: ['drift', '--store', 'staging'], expect: 0 },
        { title: 'Drift: production is in sync', argv: ['drift', '--store', 'production'], expect: 0 },
      ],
      first,
    );
  } finally {
    await Promise.all([production.close(), staging.close()]);
    await rm(root, { recursive: true, force: true });
  }
}
