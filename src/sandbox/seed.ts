// Seed groups from a YAML or JSON list, checked with the same rules a POST would meet.
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.js';
import { parse } from 'yaml';
import type { SeedGroup } from './options.js';
import { checkBodyBasics, checkDiscountRules } from './rules.js';
import { findSchemaViolations } from './schema.js';

export async function loadSeedFile(path: string): Promise<SeedGroup[]> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`Cannot read the seed file ${path} (${error.code ?? error.message}).`);
  });
  let seed: unknown;
  try {
    // YAML is a superset of JSON, so one parser reads both.
    seed = parse(text);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ConfigError(`${path}: not valid YAML or JSON (${first}).`);
  }
  if (!Array.isArray(seed)) throw new ConfigError(`${path}: a seed file must hold a list of groups.`);
  return seed as SeedGroup[];
}

/** Messages for every seed group the API itself would refuse, each naming the group by position and name. */
export function findSeedProblems(seed: readonly SeedGroup[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  const ids = new Map<number, number>();
  const holders = new Map<string, number>();
  let nextId = 1;
  seed.forEach((group, index) => {
    const label = `seed group ${index + 1}${group && typeof group.name === 'string' ? ` ('${group.name}')` : ''}`;
    // A seed may carry its dates; the body rules apply to the rest.
    const { id, date_created: _created, date_modified: _modified, ...body } = (group ?? {}) as SeedGroup & Record<string, unknown>;
    if (id !== undefined && !(Number.isInteger(id) && id > 0)) problems.push(`${label}: id must be a positive integer`);
    const refusal = checkBodyBasics(body, true) ?? checkDiscountRules(body.discount_rules);
    const messages = refusal ? refusal.errors.map((e) => e.message) : findSchemaViolations(body);
    problems.push(...messages.map((message) => `${label}: ${message}`));
    const name = typeof body.name === 'string' ? body.name.trim().toLowerCase() : '';
    if (name && names.has(name)) problems.push(`${label}: the name is used twice`);
    names.add(name);
    // Ids as the store will give them: the seed's own, or the next free one after every id so far.
    const storedId = id === undefined ? nextId : Number.isInteger(id) && id > 0 ? id : undefined;
    if (storedId !== undefined) {
      const first = ids.get(storedId);
      const given = id === undefined ? ' (the id it would be given next)' : '';
      if (first !== undefined) problems.push(`${label}: id ${storedId}${given} is already used by seed group ${first + 1}`);
      else ids.set(storedId, index);
      nextId = Math.max(nextId, storedId + 1);
    }
    for (const flag of ['is_group_for_guests', 'is_default'] as const) {
      const first = holders.get(flag);
      if (body[flag] !== true) continue;
      if (first !== undefined) problems.push(`${label}: ${flag} is already held by seed group ${first + 1}; only one group may hold it`);
      else holders.set(flag, index);
    }
  });
  return problems;
}
