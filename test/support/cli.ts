// The one CLI harness: runCli in-process with a memory Io, and a temp project with its own groups/ and a
// sandbox store to run it against.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
import { makeTempDir } from './temp.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

export interface Project {
  cwd: string;
  sandbox: Sandbox;
  env: Record<string, string>;
  /** Replaces groups/ with these files (name -> YAML text). */
  writeGroups(files: Record<string, string>): Promise<void>;
  run(...argv: string[]): Promise<CliRun>;
  /** Someone editing the store by hand (the control panel): a raw request past bcgroups. */
  editByHand(method: 'PUT' | 'DELETE', id: number, body?: unknown): Promise<void>;
  close(): Promise<void>;
}

/** Replaces cwd/groups with these files (name -> YAML text). */
export async function replaceGroupFiles(cwd: string, files: Record<string, string>): Promise<void> {
  const dir = path.join(cwd, 'groups');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** One run of bcgroups as a user would start it in `cwd` with `env`, with what it printed. */
export async function runIn(cwd: string, argv: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  const io = memoryIo({ cwd, env });
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

export async function openProject(files: Record<string, string>, options: SandboxOptions = {}): Promise<Project> {
  const cwd = makeTempDir('cmd');
  await writeFile(path.join(cwd, 'package.json'), JSON.stringify({ name: 'store' }));
  const sandbox = await startSandbox(options);
  const env = {
    BIGCOMMERCE_STORE_HASH: sandbox.storeHash,
    BIGCOMMERCE_API_URL: sandbox.apiUrl,
    BIGCOMMERCE_ACCESS_TOKEN: sandbox.token,
  };
  const project: Project = {
    cwd,
    sandbox,
    env,
    writeGroups: (groupFiles) => replaceGroupFiles(cwd, groupFiles),
    run: (...argv) => runIn(cwd, argv, env),
    async editByHand(method, id, body) {
      const response = await fetch(`${sandbox.apiUrl}/stores/${sandbox.storeHash}/v2/customer_groups/${id}`, {
        method,
        headers: {
          'X-Auth-Token': sandbox.token,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`hand edit ${method} ${id} answered ${response.status}`);
    },
    async close() {
      await sandbox.close();
      await rm(cwd, { recursive: true, force: true });
    },
  };
  await project.writeGroups(files);
  return project;
}

/** `count` files of plain groups, 'Group 00' on: a plan or drift report longer than a size limit. */
export function manyGroupFiles(count: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, index) => [`g${index}.yaml`, `name: Group ${String(index).padStart(2, '0')}\n`]),
  );
}

export const RETAIL = 'name: Retail\nis_default: true\n';
export const GUESTS = 'name: Guests\nis_group_for_guests: true\n';
export const VIP = 'name: VIP\ndiscount_rules:\n  - type: all\n    method: percent\n    amount: 10\n';
