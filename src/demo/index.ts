// `npm run demo`: the whole lifecycle against an in-process sandbox store; no token, no network.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createClient } from '../bigcommerce/index.js';
import { processIo, type Io } from '../cli/io.js';
import { startSandbox } from '../sandbox/index.js';
import { DEMO_STORE } from './store.js';
import { DEMO_CATALOG, DEMO_CUSTOMERS } from './catalog.js';
import { runSteps, type Step } from './steps.js';
import { runStoresDemo } from './stores.js';
import { runStorefrontDemo } from './storefronts.js';

/** Runs every step, printing each; returns 0 when every exit code was the expected one. */
export async function runDemo(io: Io, root: string): Promise<number> {
  const sandbox = await startSandbox({
    seed: DEMO_STORE,
    catalog: DEMO_CATALOG,
    customers: DEMO_CUSTOMERS,
    guestMode: 'strict',
    defaultMode: 'strict',
  });
  const env = {
    ...io.env,
    BIGCOMMERCE_STORE_HASH: sandbox.storeHash,
    BIGCOMMERCE_API_URL: sandbox.apiUrl,
    BIGCOMMERCE_ACCESS_TOKEN: sandbox.token,
    GITHUB_STEP_SUMMARY: undefined,
  };
  const stepIo: Io = { ...io, env, cwd: root, confirm: undefined };
  const handEdit = async () => {
    const client = createClient({ apiUrl: sandbox.apiUrl, storeHash: sandbox.storeHash, token: sandbox.token });
    const vip = (await client.listGroups()).find((group) => group.name === 'VIP');
    if (vip) await client.updateGroup(vip.id, { discount_rules: [{ type: 'all', method: 'percent', amount: '15' }] });
  };
  const steps: Step[] = [
    { title: 'Check the files in groups/ (offline)', argv: ['validate'], expect: 0 },
    { title: 'What would change in the store?', argv: ['plan', '--detailed-exitcode'], expect: 2 },
    { title: 'Apply it (CI passes --yes)', argv: ['apply', '--yes'], expect: 0 },
    {
      title: 'Drift right after apply: the store matches; groups no file describes are reported as unmanaged',
      argv: ['drift'],
      expect: 2,
    },
    {
      title: 'Someone edits VIP in the control panel; the scheduled drift job notices',
      argv: ['drift', '--ignore-unmanaged'],
      expect: 2,
      before: handEdit,
    },
    {
      title: 'Apply again: only VIP changes, and only its discount rules are sent',
      argv: ['apply', '--yes'],
      expect: 0,
    },
    { title: 'In sync', argv: ['drift', '--ignore-unmanaged'], expect: 0 },
  ];
  let failures = 0;
  try {
    io.stdout.write(
      `Sandbox store '${sandbox.storeHash}' at ${sandbox.apiUrl}, seeded with ${DEMO_STORE.length} groups that differ from groups/, a catalog of ${DEMO_CATALOG.categories?.length ?? 0} categories and ${DEMO_CUSTOMERS.length} customers.\n`,
    );
    failures += await runSteps(io, stepIo, steps);
  } finally {
    await sandbox.close();
  }
  failures += await runStoresDemo(io, steps.length + 1);
  failures += await runStorefrontDemo(io, steps.length + 9);
  io.stdout.write(
    failures === 0
      ? '\nDemo finished: every step exited as expected.\n'
      : `\nDemo finished with ${failures} unexpected exit code(s).\n`,
  );
  return failures === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  process.exitCode = await runDemo(processIo(), root);
}
