// Shared by the reliability tests: throwaway repositories, running the CLI against a sandbox, and the
// checks that a store lost nothing and holds no duplicates.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { loadDesired } from '../../src/desired/index.js';
import { resolveReferences } from '../../src/references/index.js';
import type { DesiredGroup, Plan } from '../../src/model/index.js';
import { createPlan } from '../../src/plan/index.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { clientFor } from '../support/sandbox.js';
import { makeTempDir } from '../support/temp.js';

export { SECRET_TOKEN } from '../support/bad-input.js';

export interface Workspace {
  cwd: string;
  remove(): Promise<void>;
}

/** A temp repository: package.json (so config search stops here) and the given files. */
export async function createWorkspace(files: Record<string, string | Uint8Array> = {}): Promise<Workspace> {
  const cwd = makeTempDir('reliability');
  await writeFile(path.join(cwd, 'package.json'), JSON.stringify({ name: 'store', private: true }));
  await mkdir(path.join(cwd, 'groups'), { recursive: true });
  for (const [relative, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(cwd, relative)), { recursive: true });
    await writeFile(path.join(cwd, relative), content);
  }
  return { cwd, remove: () => rm(cwd, { recursive: true, force: true }) };
}

/** What a user exports to point bcgroups at the sandbox. */
export function envFor(sandbox: Sandbox): Record<string, string> {
  return {
    BIGCOMMERCE_STORE_HASH: sandbox.storeHash,
    BIGCOMMERCE_API_URL: sandbox.apiUrl,
    BIGCOMMERCE_ACCESS_TOKEN: sandbox.token,
  };
}

/** A group file with one store-wide rule; `amount` makes it differ from what the store holds. */
export function groupYaml(name: string, amount: number, extra = ''): string {
  return (
    `name: ${JSON.stringify(name)}\n${extra}discount_rules:\n` +
    `  - type: all\n    method: percent\n    amount: ${amount}\n`
  );
}

/** The plan the store would need now, read with a calm client. */
export async function planAgainst(sandbox: Sandbox, desiredGroups: DesiredGroup[], prune: boolean): Promise<Plan> {
  return createPlan(desiredGroups, await clientFor(sandbox, { retryBaseMs: 5 }).listGroups(), { prune });
}

export async function planFromDir(sandbox: Sandbox, cwd: string, prune = false): Promise<Plan> {
  const desired = await loadDesired('groups', { cwd });
  return planAgainst(sandbox, resolveReferences(desired.groups, {}).groups, prune);
}

/** No two groups share a name, and every id in `keptIds` still exists. */
export function assertNothingLost(sandbox: Sandbox, keptIds: Iterable<number>): void {
  const groups = sandbox.groups();
  const names = groups.map((group) => group.name);
  const duplicates = names.filter((name, index) => names.indexOf(name) !== index);
  assert.equal(duplicates, [], `duplicate group names: ${duplicates.join(', ')}`);
  const ids = new Set(groups.map((group) => group.id));
  const lost = [...keptIds].filter((id) => !ids.has(id));
  assert.equal(lost, [], `groups lost: ${lost.join(', ')}`);
}

/** Fails when `text` holds the token (or the sandbox's, when a test uses it). */
export function assertNoToken(text: string, token: string, where: string): void {
  assert.ok(!text.includes(token), `the token appears in ${where}`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
