// Seeds from a YAML or JSON file: a list of groups, or a mapping of groups, catalog and customers.
// Groups meet the same rules a POST would; the catalog and customers those of catalog-seed.ts.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ConfigError } from '../errors.js';
import { loadYaml, QUIET } from '../yaml/load.js';
import type { SeedCatalog, SeedCustomer } from './catalog.js';
import { findCatalogProblems } from './catalog-seed.js';
import type { SeedAssignment, SeedChannel } from './channels.js';
import { findStorefrontProblems } from './channels-seed.js';
import type { SandboxOptions, SeedGroup } from './options.js';
import { findReferenceProblems } from './reference-seed.js';
import type { SeedPromotion, SeedTaxZone } from './references.js';
import { checkBodyBasics, checkDiscountRules } from './rules.js';
import { findSchemaViolations } from './schema.js';

/** What a seed file holds; a file that is a plain list holds only groups. */
export interface SeedFile {
  groups: SeedGroup[];
  catalog?: SeedCatalog;
  customers?: SeedCustomer[];
  /** Channels, each with its customer settings; channel 1 is added when missing. */
  channels?: SeedChannel[];
  price_list_assignments?: SeedAssignment[];
  promotions?: SeedPromotion[];
  tax_zones?: SeedTaxZone[];
}

const SEED_KEYS = ['groups', 'catalog', 'customers', 'channels', 'price_list_assignments', 'promotions', 'tax_zones'];

export async function loadSeedFile(path: string): Promise<SeedFile> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`Cannot read the seed file ${path} (${error.code ?? error.message}).`);
  });
  const isJson = extname(path).toLowerCase() === '.json';
  let seed: unknown;
  try {
    // JSON.parse reads a large JSON seed many times faster, and in far less memory, than a YAML parser.
    seed = isJson ? JSON.parse(text) : loadYaml().parse(text, QUIET);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ConfigError(`${path}: not valid ${isJson ? 'JSON' : 'YAML'} (${first}).`);
  }
  if (Array.isArray(seed)) return { groups: seed as SeedGroup[] };
  if (!seed || typeof seed !== 'object')
    throw new ConfigError(
      `${path}: a seed file must hold a list of groups, or a mapping with ${SEED_KEYS.join(', ')}.`,
    );
  const unknown = Object.keys(seed).filter((key) => !SEED_KEYS.includes(key));
  if (unknown.length > 0) {
    throw new ConfigError(
      `${path}: a seed file must hold a list of groups, or a mapping with ${SEED_KEYS.join(', ')}; ` +
        `${unknown.map((k) => `'${k}'`).join(', ')} is none of them.`,
    );
  }
  const {
    groups = [],
    catalog,
    customers,
    channels,
    price_list_assignments,
    promotions,
    tax_zones,
  } = seed as Record<string, unknown>;
  if (!Array.isArray(groups)) throw new ConfigError(`${path}: groups must hold a list of groups.`);
  return {
    groups: groups as SeedGroup[],
    catalog: catalog as SeedCatalog | undefined,
    customers: customers as SeedCustomer[] | undefined,
    // Only when present, so a seed without storefronts reads exactly as before.
    ...(channels === undefined ? {} : { channels: channels as SeedChannel[] }),
    ...(price_list_assignments === undefined
      ? {}
      : { price_list_assignments: price_list_assignments as SeedAssignment[] }),
    ...(promotions === undefined ? {} : { promotions: promotions as SeedPromotion[] }),
    ...(tax_zones === undefined ? {} : { tax_zones: tax_zones as SeedTaxZone[] }),
  };
}

/** The options of startSandbox a seed file gives (its promotions and tax zones included). */
export function seedFileOptions(
  seed: SeedFile,
): Pick<SandboxOptions, 'seed' | 'catalog' | 'customers' | 'channels' | 'assignments' | 'promotions' | 'taxZones'> {
  return {
    seed: seed.groups,
    catalog: seed.catalog,
    customers: seed.customers,
    channels: seed.channels,
    assignments: seed.price_list_assignments,
    promotions: seed.promotions,
    taxZones: seed.tax_zones,
  };
}

/** Messages for every part of a seed no real store could hold: its groups, catalog and customers. */
export function findStoreSeedProblems(seed: SeedFile): string[] {
  const { problems, ids } = checkSeedGroups(seed.groups);
  const priceLists = seed.catalog?.price_lists && new Set(seed.catalog.price_lists.map((list) => list.id));
  return [
    ...problems,
    ...findCatalogProblems(seed.catalog, seed.customers, ids),
    ...findStorefrontProblems(seed.channels, seed.price_list_assignments, {
      groups: ids,
      priceLists: seed.catalog ? (priceLists ?? new Set()) : undefined,
    }),
    ...findReferenceProblems(seed.promotions, seed.tax_zones, ids),
  ];
}

/** Messages for every seed group the API itself would refuse, each naming the group by position and name. */
export function findSeedProblems(seed: readonly SeedGroup[]): string[] {
  return checkSeedGroups(seed).problems;
}

/** The problems of the seed groups, and the ids the store will give them. */
function checkSeedGroups(seed: readonly SeedGroup[]): { problems: string[]; ids: Set<number> } {
  const problems: string[] = [];
  const names = new Set<string>();
  const ids = new Map<number, number>();
  const holders = new Map<string, number>();
  let nextId = 1;
  seed.forEach((group, index) => {
    const label = `seed group ${index + 1}${group && typeof group.name === 'string' ? ` ('${group.name}')` : ''}`;
    // A seed may carry its dates; the body rules apply to the rest.
    const {
      id,
      date_created: _created,
      date_modified: _modified,
      ...body
    } = (group ?? {}) as SeedGroup & Record<string, unknown>;
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
      if (first !== undefined)
        problems.push(`${label}: id ${storedId}${given} is already used by seed group ${first + 1}`);
      else ids.set(storedId, index);
      nextId = Math.max(nextId, storedId + 1);
    }
    for (const flag of ['is_group_for_guests', 'is_default'] as const) {
      const first = holders.get(flag);
      if (body[flag] !== true) continue;
      if (first !== undefined)
        problems.push(`${label}: ${flag} is already held by seed group ${first + 1}; only one group may hold it`);
      else holders.set(flag, index);
    }
  });
  return { problems, ids: new Set(ids.keys()) };
}
