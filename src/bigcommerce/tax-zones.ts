// Every tax zone with the customer groups its shopper targets name (GET /v3/tax/zones). The list is not
// paged: the spec answers every zone at once, with an open, empty meta.
import { ApiError } from '../errors.js';
import { expectRecord, parseGroupRefs, parseRecordId } from './group-refs.js';
import type { Transport } from './http.js';
import { AnswerProblem } from './parse.js';
import { explainMissingScope, type StoreRead } from './v3.js';

/** The scope the tax spec names for reading zones ("Information & Settings", read-only). */
export const INFORMATION_READ_SCOPE = 'store_v2_information_read_only';
export const INFORMATION_SCOPE_HINT =
  `The API account lacks the information & settings read-only scope (${INFORMATION_READ_SCOPE}), ` +
  'which reading tax zones needs: add it to the account.';

const PATH = '/v3/tax/zones';

export interface TaxZoneRefs {
  id: number;
  name: string;
  enabled: boolean;
  /** The groups whose shoppers the zone targets; empty = all customers. */
  customer_group_ids: number[];
}

export async function readTaxZones(transport: Transport): Promise<StoreRead<TaxZoneRefs[]>> {
  let answer: Awaited<ReturnType<Transport['send']>>;
  try {
    answer = await transport.send('GET', PATH);
  } catch (error) {
    throw error instanceof ApiError && error.status === 403
      ? explainMissingScope(error, INFORMATION_SCOPE_HINT)
      : error;
  }
  const value = transport.parseAnswer('GET', PATH, answer, parseTaxZones);
  return { value, requests: answer.attempts };
}

export function parseTaxZones(raw: unknown): TaxZoneRefs[] {
  const body = expectRecord(raw, 'body');
  if (!Array.isArray(body.data)) throw new AnswerProblem('data is not an array of tax zones');
  const zones = body.data.map((entry, index) => parseTaxZone(entry, `data[${index}]`));
  const ids = new Set<number>();
  for (const zone of zones) {
    if (ids.has(zone.id)) throw new AnswerProblem(`tax zone ${zone.id} is listed twice`);
    ids.add(zone.id);
  }
  return zones;
}

function parseTaxZone(raw: unknown, where: string): TaxZoneRefs {
  const zone = expectRecord(raw, where);
  if (typeof zone.name !== 'string') throw new AnswerProblem(`${where}.name is not a string`);
  // The default zone may have no shopper targets at all: it takes every shopper no other zone matches.
  const targets =
    zone.shopper_target_settings === undefined || zone.shopper_target_settings === null
      ? {}
      : expectRecord(zone.shopper_target_settings, `${where}.shopper_target_settings`);
  return {
    id: parseRecordId(zone.id, `${where}.id`),
    name: zone.name,
    enabled: zone.enabled !== false,
    customer_group_ids: parseGroupRefs(targets.customer_groups, `${where}.shopper_target_settings.customer_groups`),
  };
}
