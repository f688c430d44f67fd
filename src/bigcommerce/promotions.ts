// Every promotion of the store with the groups its customer condition names (GET /v3/promotions, paged;
// the API has no filter by group, so a guard reads them all, once, when a delete is planned).
import type { Transport } from './http.js';
import { expectRecord, parseGroupRefs, parseRecordId } from './group-refs.js';
import { AnswerProblem } from './parse.js';
import { readAllV3Pages, type RequestCounter, type StoreRead } from './v3.js';

/** The scope the promotions spec names for reading them. */
export const MARKETING_READ_SCOPE = 'store_v2_marketing_read_only';
export const MARKETING_SCOPE_HINT =
  `The API account lacks the marketing read-only scope (${MARKETING_READ_SCOPE}), ` +
  'which reading promotions needs: add it to the account.';

export interface PromotionRefs {
  id: number;
  name: string;
  /** ENABLED, DISABLED or INVALID (read-only); a disabled promotion still names its groups. */
  status: string;
  /** Only these groups are eligible; empty = no such condition. 0 stands for guests and customers in no group. */
  group_ids: number[];
  /** Everyone but these groups is eligible; empty = no such condition. */
  excluded_group_ids: number[];
}

export async function readPromotions(transport: Transport): Promise<StoreRead<PromotionRefs[]>> {
  const counter: RequestCounter = { requests: 0 };
  const value = await readAllV3Pages(
    transport,
    '/v3/promotions',
    '',
    parsePromotion,
    (promotion) => promotion.id,
    counter,
    MARKETING_SCOPE_HINT,
  );
  return { value, requests: counter.requests };
}

export function parsePromotion(raw: unknown, where: string): PromotionRefs {
  const promotion = expectRecord(raw, where);
  // The spec requires customer on a saved promotion; without one it names no group.
  const customer =
    promotion.customer === undefined || promotion.customer === null
      ? {}
      : expectRecord(promotion.customer, `${where}.customer`);
  const name = promotion.name;
  if (typeof name !== 'string') throw new AnswerProblem(`${where}.name is not a string`);
  return {
    id: parseRecordId(promotion.id, `${where}.id`),
    name,
    status: typeof promotion.status === 'string' ? promotion.status : 'ENABLED',
    group_ids: parseGroupRefs(customer.group_ids, `${where}.customer.group_ids`),
    excluded_group_ids: parseGroupRefs(customer.excluded_group_ids, `${where}.customer.excluded_group_ids`),
  };
}
