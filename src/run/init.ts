// `init`: the files an adopting repository starts from, written only where nothing exists yet.
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_SEARCH_PLACES } from '../config/search.js';
import { defaultTokenEnvOf } from '../config/stores.js';
import { BcgroupsError } from '../errors.js';
import { configText, GITIGNORE_LINES, pinWorkflow, workflowForStores } from './init-text.js';

/** The calling workflows ship in the package, beside dist/ and src/ alike. */
const EXAMPLES = fileURLToPath(new URL('../../.github/examples/', import.meta.url));
const WORKFLOWS = ['bcgroups-plan.yml', 'bcgroups-apply.yml', 'bcgroups-drift.yml'];
const CONFIG_FILE = '.bcgroupsrc.yaml';

export interface InitOptions {
  cwd: string;
  /** Named stores (--stores a,b); none for a config of one store. */
  stores: string[];
  storeHash?: string;
}

export interface InitResult {
  written: string[];
  /** The .gitignore lines added (those it already had are left alone). */
  ignored: string[];
  /** The owner/repo and commit of the installed bcgroups, when it came from GitHub at a commit. */
  pinnedTo?: { repo: string; commit: string };
  /** The variables the store hash and token are read from, per store. */
  variables: { store?: string; hashVariable?: string; tokenVariable: string }[];
}

export async function initProject(options: InitOptions): Promise<InitResult> {
  const { cwd, stores } = options;
  const workflowPaths = WORKFLOWS.map((name) => path.join('.github', 'workflows', name));
  await refuseExisting(cwd, [CONFIG_FILE, ...workflowPaths]);
  const pinnedTo = await readInstalledCommit(cwd);
  await writeFile(path.join(cwd, CONFIG_FILE), configText(stores, options.storeHash), { flag: 'wx' });
  await mkdir(path.join(cwd, 'groups'), { recursive: true });
  // git keeps no empty folder: the placeholder lets the first commit hold groups/.
  const keep = path.join('groups', '.gitkeep');
  const written = [CONFIG_FILE];
  if (!existsSync(path.join(cwd, keep))) {
    await writeFile(path.join(cwd, keep), '', { flag: 'wx' });
    written.push(keep);
  }
  await mkdir(path.join(cwd, '.github', 'workflows'), { recursive: true });
  for (const [index, name] of WORKFLOWS.entries()) {
    const example = await readFile(path.join(EXAMPLES, name), 'utf8');
    const text = pinWorkflow(workflowForStores(example, stores), pinnedTo);
    await writeFile(path.join(cwd, workflowPaths[index] ?? name), text, { flag: 'wx' });
    written.push(workflowPaths[index] ?? name);
  }
  const ignored = await addIgnoreLines(cwd);
  const variables =
    stores.length === 0
      ? [{ hashVariable: 'BIGCOMMERCE_STORE_HASH', tokenVariable: 'BIGCOMMERCE_ACCESS_TOKEN' }]
      : stores.map((store) => ({ store, tokenVariable: defaultTokenEnvOf(store) }));
  return { written, ignored, ...(pinnedTo ? { pinnedTo } : {}), variables };
}

/** Nothing is overwritten: any file init would write, or another config file, stops it before it writes. */
async function refuseExisting(cwd: string, files: string[]): Promise<void> {
  const configs = CONFIG_SEARCH_PLACES.filter((name) => name !== 'package.json');
  const existing = [...new Set([...files, ...configs])].filter((file) => existsSync(path.join(cwd, file)));
  if (await packageHasConfig(cwd)) existing.push('package.json (its bcgroups key)');
  if (existing.length === 0) return;
  throw new BcgroupsError(
    `init writes nothing over what exists, and found: ${existing.join(', ')}. Move ${existing.length === 1 ? 'it' : 'them'} aside, or keep ${existing.length === 1 ? 'it' : 'them'} and skip init. Nothing was written.`,
  );
}

async function packageHasConfig(cwd: string): Promise<boolean> {
  const text = await readFile(path.join(cwd, 'package.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return false;
  try {
    const manifest = JSON.parse(text) as Record<string, unknown> | null;
    return typeof manifest === 'object' && manifest !== null && 'bcgroups' in manifest;
  } catch {
    return false;
  }
}

/** package-lock.json names the commit a git install resolved to: the workflows must call that same commit. */
async function readInstalledCommit(cwd: string): Promise<{ repo: string; commit: string } | undefined> {
  const text = await readFile(path.join(cwd, 'package-lock.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let resolved: unknown;
  try {
    const lock = JSON.parse(text) as { packages?: Record<string, { resolved?: unknown }> };
    resolved = lock.packages?.['node_modules/bcgroups']?.resolved;
  } catch {
    return undefined;
  }
  if (typeof resolved !== 'string') return undefined;
  const match = /github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?#([0-9a-f]{40})$/.exec(resolved);
  return match ? { repo: `${match[1]}/${match[2]}`, commit: match[3] ?? '' } : undefined;
}

/** node_modules and saved plans stay out of commits; lines already there are not repeated. */
async function addIgnoreLines(cwd: string): Promise<string[]> {
  const file = path.join(cwd, '.gitignore');
  const text = await readFile(file, 'utf8').catch(() => '');
  const have = new Set(text.split(/\r?\n/).map((line) => line.trim()));
  const missing = GITIGNORE_LINES.filter((line) => !have.has(line));
  if (missing.length === 0) return [];
  const lead = text === '' || text.endsWith('\n') ? '' : '\n';
  await appendFile(file, `${lead}${missing.join('\n')}\n`);
  return missing;
}
