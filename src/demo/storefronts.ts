// The demo's multi-storefront part: a store with three channels and price lists, where Wholesale is priced
// by a price list on the EU channel only and is that channel's default group; planned, applied, then one
// channel's list changes (one write), and drift is clean.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Io } from '../cli/io.js';
import { startSandbox } from '../sandbox/index.js';
import { runSteps } from './steps.js';

const WHOLESALE = (list: string) =>
  [
    'name: Wholesale',
    'price_lists:',
    `  - price_list: ${list}`,
    '    channel: EU Storefront',
    'default_on_channels: [EU Storefront]',
    '',
  ].join('\n');

/** Runs the storefront steps in a temporary repository; returns how many exited unexpectedly. */
export async function runStorefrontDemo(io: Io, first: number): Promise<number> {
  const sandbox = await startSandbox({
    storeHash: 'multi',
    scopes: ['store_v2_customers', 'store_v2_products', 'store_channel_settings_read_only'],
    seed: [
      { id: 1, name: 'Retail', is_default: true },
      { id: 2, name: 'Wholesale', discount_rules: [{ type: 'all', method: 'percent', amount: '10.0000' }] },
    ],
    catalog: {
      price_lists: [
        { id: 1, name: 'Wholesale EU' },
        { id: 2, name: 'Wholesale EU 2027' },
      ],
    },
    channels: [
      { id: 2, name: 'EU Storefront' },
      { id: 3, name: 'US Storefront' },
    ],
  });
  const root = await mkdtemp(path.join(tmpdir(), 'bcgroups-demo-'));
  try {
    await writeFile(path.join(root, 'package.json'), '{"name":"demo-storefronts"}\n');
    await mkdir(path.join(root, 'groups'));
    await writeFile(path.join(root, 'groups', 'retail.yaml'), 'name: Retail\nis_default: true\n');
    await writeFile(path.join(root, 'groups', 'wholesale.yaml'), WHOLESALE('Wholesale EU'));
    const env = {
      BIGCOMMERCE_STORE_HASH: sandbox.storeHash,
      BIGCOMMERCE_API_URL: sandbox.apiUrl,
      BIGCOMMERCE_ACCESS_TOKEN: sandbox.token,
      NO_COLOR: io.env.NO_COLOR,
    };
    const stepIo: Io = { ...io, env, cwd: root, confirm: undefined };
    io.stdout.write(
      '\nA multi-storefront store: three channels and two price lists. wholesale.yaml prices Wholesale by ' +
        "'Wholesale EU' on the EU channel only (its discount rules go: BigCommerce refuses both) and makes it that " +
        "channel's default group.\n",
    );
    const nextYear = () => writeFile(path.join(root, 'groups', 'wholesale.yaml'), WHOLESALE('Wholesale EU 2027'));
    return await runSteps(
      io,
      stepIo,
      [
        { title: 'Plan the channel side', argv: ['plan', '--detailed-exitcode'], expect: 2 },
        { title: 'Apply it', argv: ['apply', '--yes'], expect: 0 },
        {
          title: "wholesale.yaml moves the EU channel to 'Wholesale EU 2027': one PUT of that channel's assignment",
          argv: ['apply', '--yes'],
          expect: 0,
          before: nextYear,
        },
        { title: 'Drift: in sync, price lists and channel groups included', argv: ['drift'], expect: 0 },
      ],
      first,
    );
  } finally {
    await sandbox.close();
    await rm(root, { recursive: true, force: true });
  }
}
