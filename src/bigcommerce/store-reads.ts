// The read-only V3 reads of the store around the groups, bound to the client's transport so they share
// its pacing, retries, redaction and request counts with the group calls.
import type {
  CatalogPriceList,
  CatalogProduct,
  CategoryNode,
  ChannelGroupSettings,
  LiveAssignment,
  LiveChannel,
} from '../model/index.js';
import { readAssignments } from './assignments.js';
import { readCategories, readPriceLists, readProducts } from './catalog.js';
import { listChannels, readChannelGroupSettings } from './channels.js';
import { readCustomerIds } from './customer-moves.js';
import { countCustomers } from './customers.js';
import type { Transport } from './http.js';
import { type PromotionRefs, readPromotions } from './promotions.js';
import { readTaxZones, type TaxZoneRefs } from './tax-zones.js';
import type { StoreRead } from './v3.js';

export interface StoreReads {
  /** Every category of every tree (one tree per channel on a multi-storefront store). */
  readCategories(): Promise<StoreRead<CategoryNode[]>>;
  /** Only the products asked for, by id and SKU, each once. */
  readProducts(wanted: { ids?: readonly number[]; skus?: readonly string[] }): Promise<StoreRead<CatalogProduct[]>>;
  readPriceLists(): Promise<StoreRead<CatalogPriceList[]>>;
  /** Every channel of the store (channel settings scope). */
  listChannels(): Promise<StoreRead<LiveChannel[]>>;
  /** One channel's guest and default group (customers scope). */
  readChannelGroupSettings(channelId: number): Promise<StoreRead<ChannelGroupSettings>>;
  /** The price list assignments of these groups (products scope). */
  readAssignments(groupIds: readonly number[]): Promise<StoreRead<LiveAssignment[]>>;
  /** Customers per group id; `concurrency` bounds the requests in flight. */
  countCustomers(groupIds: readonly number[], concurrency?: number): Promise<StoreRead<Map<number, number>>>;
  /** Every promotion, with the groups its customer condition targets or excludes (marketing scope). */
  readPromotions(): Promise<StoreRead<PromotionRefs[]>>;
  /** Every tax zone, with the groups its shopper targets name (information & settings scope). */
  readTaxZones(): Promise<StoreRead<TaxZoneRefs[]>>;
  /** The ids of the customers in a group, ascending; nothing else of a customer is read. */
  readCustomerIds(groupId: number): Promise<StoreRead<number[]>>;
}

export function createStoreReads(transport: Transport): StoreReads {
  return {
    readCategories: () => readCategories(transport),
    readProducts: (wanted) => readProducts(transport, wanted),
    readPriceLists: () => readPriceLists(transport),
    listChannels: () => listChannels(transport),
    readChannelGroupSettings: (channelId) => readChannelGroupSettings(transport, channelId),
    readAssignments: (groupIds) => readAssignments(transport, groupIds),
    countCustomers: (groupIds, concurrency) => countCustomers(transport, groupIds, concurrency),
    readPromotions: () => readPromotions(transport),
    readTaxZones: () => readTaxZones(transport),
    readCustomerIds: (groupId) => readCustomerIds(transport, groupId),
  };
}
