// Two sandbox stores with different ids behind one repository whose config names them both.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions, type SeedGroup } from '../../src/sandbox/index.js';
import { type CliRun, replaceGroupFiles, runIn } from './cli.js';

export interface TwoStores {
  cwd: string;
  production: Sandbox;
  staging: Sandbox;
  /** Each store's token under its default variable name. */
  env: Record<string, string>;
  writeGroups(files: Record<string, string>): Promise<void>;
  run(argv: string[], env?: Record<string, string | undefined>): Promise<CliRun>;
  namesIn(sandbox: Sandbox): string[];
  close(): Promise<void>;
}

export async function openTwoStores(
  seeds: { production: SeedGroup[]; staging: SeedGroup[] },
  catalogs: { production?: SandboxOptions['catalog']; staging?: SandboxOptions['catalog'] } = {},
): Promise<TwoStores> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'bcgroups-stores-'));
  const of = (catalog: SandboxOptions['catalog']) => (catalog ? { catalog } : {});
  const production = await startSandbox({
    storeHash: 'prod1',
    token: 'production-token',
    seed: seeds.production,
    ...of(catalogs.production),
  });
  const staging = await startSandbox({
    storeHash: 'stage1',
    token: 'staging-token',
    seed: seeds.staging,
    ...of(catalogs.staging),
  });
  const config = {
    stores: {
      production: { storeHash: production.storeHash, apiUrl: production.apiUrl },
      staging: { storeHash: staging.storeHash, apiUrl: staging.apiUrl },
    },
  };
  await writeFile(path.join(cwd, 'package.json'), JSON.stringify({ name: 'store' }));
  await writeFile(path.join(cwd, 'bcgroups.config.json'), JSON.stringify(config, null, 2));
  const env = {
    BIGCOMMERCE_ACCESS_TOKEN_PRODUCTION: production.token,
    BIGCOMMERCE_ACCESS_TOKEN_STAGING: staging.token,
  };
  return {
    cwd,
    production,
    staging,
    env,
    writeGroups: (files) => replaceGroupFiles(cwd, files),
    run: (argv, runEnv = env) => runIn(cwd, argv, runEnv),
    namesIn: (sandbox) =>
      sandbox
        .groups()
        .map((group) => group.name)
        .sort(),
    async close() {
      await Promise.all([production.close(), staging.close()]);
      await rm(cwd, { recursive: true, force: true });
    },
  };
}
