// The customer group endpoints over the transport. Creates are never blindly repeated: after an
// ambiguous failure the store is asked whether the group now exists.
import { ApiError } from '../errors.js';
import { GROUP_FIELDS, type FieldName, type GroupBody, type GroupsApi, type LiveGroup } from '../model/index.js';
import { API_DEFAULTS, canonicalJson, normalizeAccess, normalizeRules, toWireBody } from '../model/normalize.js';
import { type MoveBatch, type MoveOptions, moveCustomers } from './customer-moves.js';
import type { HttpAnswer, Method, Transport } from './http.js';
import { readAllPages, type PagedList } from './paging.js';
import { parseGroup, parseGroupCount, parseGroupList } from './parse.js';
import { createStoreReads, type StoreReads } from './store-reads.js';
import { createStorefrontWrites, type StorefrontWrites } from './storefront-writes.js';
import type { StoreRead } from './v3.js';

export const PAGE_LIMIT = 250;
const GROUPS = '/v2/customer_groups';

export class BigCommerceClient implements GroupsApi {
  /** The V3 reads of the catalog and customers, over the same transport and quota. */
  readonly store: StoreReads;
  /** Assignments and channel settings, written only by apply. */
  readonly storefront: StorefrontWrites;

  constructor(protected readonly transport: Transport) {
    this.store = createStoreReads(transport);
    this.storefront = createStorefrontWrites(transport);
  }

  get stats() {
    return this.transport.stats;
  }

  get rateLimit() {
    return this.transport.limiter.state;
  }

  listGroups(): Promise<LiveGroup[]> {
    return this.listPages(new URLSearchParams(), () => this.measureGroups());
  }

  /** How many groups the store holds (`GET /customer_groups/count`). */
  async countGroups(): Promise<number> {
    const path = `${GROUPS}/count`;
    return this.read('GET', path, await this.transport.send('GET', path), parseGroupCount);
  }

  /** The size of the group list, so its pages can be read at once; a store that cannot count is read page by page. */
  private async measureGroups() {
    try {
      const items = await this.countGroups();
      return { items, pages: Math.ceil(items / PAGE_LIMIT) };
    } catch (error) {
      if (error instanceof ApiError) return undefined;
      throw error;
    }
  }

  /** Moves customers into a group, at most 10 a request and 3 requests at once; a result per batch. */
  moveCustomers(
    customerIds: readonly number[],
    groupId: number,
    options?: MoveOptions,
  ): Promise<StoreRead<MoveBatch[]>> {
    return moveCustomers(this.transport, customerIds, groupId, options);
  }

  /** Groups whose name is exactly `name` (the API's filter, checked again here). */
  async findGroupByName(name: string): Promise<LiveGroup | undefined> {
    const matches = await this.listPages(new URLSearchParams({ name }));
    return matches.find((group) => group.name === name);
  }

  async updateGroup(id: number, body: GroupBody): Promise<LiveGroup> {
    const path = `${GROUPS}/${id}`;
    const answer = await this.transport.send('PUT', path, { body });
    return this.readWritten('PUT', path, answer, async () => {
      const live = await this.readGroup(id);
      const differing = differingBodyFields(live, body);
      if (differing.length === 0) return live;
      const verb = differing.length === 1 ? 'differs' : 'differ';
      throw new Error(`group ${id} does not hold what was sent (${differing.join(', ')} ${verb})`);
    });
  }

  /** One group by id (`GET /customer_groups/{id}`). */
  async readGroup(id: number): Promise<LiveGroup> {
    const path = `${GROUPS}/${id}`;
    return this.read('GET', path, await this.transport.send('GET', path), parseGroup);
  }

  /** A group that is already gone (404) is deleted as far as anyone can tell: the goal is met. */
  async deleteGroup(id: number): Promise<void> {
    try {
      await this.transport.send('DELETE', `${GROUPS}/${id}`);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
  }

  async createGroup(body: GroupBody): Promise<LiveGroup> {
    for (let attempt = 0; ; attempt++) {
      let answer: HttpAnswer | undefined;
      let failure: ApiError | undefined;
      try {
        answer = await this.transport.send('POST', GROUPS, { body });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // A 409 on a repeated POST may be our own earlier attempt, which won after all.
        const ours = error.status === 409 && attempt > 0 ? await this.findCreated(body) : undefined;
        if (ours) return this.settleExisting(ours, body);
        if (error.status !== undefined) throw error;
        failure = error;
      }
      if (answer && answer.status < 300 && answer.status !== 207) {
        return this.readWritten('POST', GROUPS, answer, async () => {
          const existing = await this.findCreated(body, 1);
          if (existing) return this.settleExisting(existing, body);
          throw new Error(`no group named '${body.name}' exists`);
        });
      }
      const existing = await this.findCreated(body, answer?.status === 207 ? 1 : 2);
      // 207: saved, but the store-wide discount update failed; the API says to retry, which is a PUT now.
      if (existing && answer?.status === 207) return this.updateGroup(existing.id, body);
      if (existing) return this.settleExisting(existing, body);
      if (attempt >= this.transport.policy.limit) {
        const path = this.transport.describePath(GROUPS);
        throw (
          failure ??
          new ApiError(`POST ${path} kept failing (${answer?.status}) and the group '${body.name}' was not created`, {
            method: 'POST',
            path,
            status: answer?.status,
          })
        );
      }
      // The store has no such group, even after waiting for a slow first POST: sending it again is safe.
      await this.transport.pause(attempt);
    }
  }

  /**
   * A write answered 2xx with a body that cannot be read took effect or not: the store is asked, as after an
   * ambiguous create, and the write stands when the group holds what was sent (`readBack` throws otherwise).
   */
  private async readWritten(
    method: Method,
    path: string,
    answer: HttpAnswer,
    readBack: () => Promise<LiveGroup>,
  ): Promise<LiveGroup> {
    try {
      return this.read(method, path, answer, parseGroup);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      try {
        return await readBack();
      } catch (lookup) {
        const why = lookup instanceof Error ? lookup.message : String(lookup);
        throw new ApiError(`${error.message}; read back, ${why}`, {
          method,
          path: error.path,
          status: error.status,
          apiMessage: error.apiMessage,
        });
      }
    }
  }

  /** The group a create may have made, looked up by name; a slow POST may land late, so look more than once. */
  private async findCreated(body: GroupBody, looks = 2): Promise<LiveGroup | undefined> {
    if (body.name === undefined) return undefined;
    for (let look = 0; look < looks; look++) {
      if (look > 0) await this.transport.pause(look - 1);
      const found = await this.findGroupByName(body.name);
      if (found) return found;
    }
    return undefined;
  }

  /** After an ambiguous create: the group is ours when its fields are what we sent. */
  private async settleExisting(existing: LiveGroup, body: GroupBody): Promise<LiveGroup> {
    // A create leaves out what it wants at the API's defaults, so those are compared too.
    const differing = differingBodyFields(existing, {
      ...toWireBody({ name: existing.name, ...API_DEFAULTS }, GROUP_FIELDS),
      ...body,
    });
    if (differing.length === 0) return existing;
    const path = this.transport.describePath(GROUPS);
    throw new ApiError(
      `POST ${path} failed ambiguously and a group named '${existing.name}' (id ${existing.id}) now exists with different ${differing.join(', ')}; not retrying. Re-run plan to see the store as it is.`,
      { method: 'POST', path },
    );
  }

  private listPages(filters: URLSearchParams, measure?: PagedList<LiveGroup>['measure']): Promise<LiveGroup[]> {
    const pathOf = (page: number) => {
      const query = new URLSearchParams(filters);
      query.set('page', String(page));
      query.set('limit', String(PAGE_LIMIT));
      return `${GROUPS}?${query}`;
    };
    const list: PagedList<LiveGroup> = {
      method: 'GET',
      pathOf: (page) => this.transport.describePath(pathOf(page)),
      idOf: (group) => group.id,
      fetchPage: async (page) => {
        const answer = await this.transport.send('GET', pathOf(page));
        if (answer.status === 204 || answer.bodyText.trim() === '') return { items: [], more: false };
        const items = this.read('GET', pathOf(page), answer, parseGroupList);
        return { items, more: items.length >= PAGE_LIMIT };
      },
      ...(measure ? { measure } : {}),
    };
    return readAllPages(list, this.transport.paging);
  }

  protected read<T>(method: Method, path: string, answer: HttpAnswer, parse: (raw: unknown) => T): T {
    return this.transport.parseAnswer(method, path, answer, parse);
  }
}

/** The fields of a request body whose normalized value differs from the live group. */
export function differingBodyFields(live: LiveGroup, body: GroupBody): FieldName[] {
  const sent: Partial<Record<FieldName, unknown>> = {
    name: body.name,
    is_default: body.is_default,
    is_group_for_guests: body.is_group_for_guests,
    category_access: body.category_access && normalizeAccess(body.category_access),
    discount_rules: body.discount_rules && normalizeRules(body.discount_rules),
  };
  return (Object.keys(sent) as FieldName[]).filter(
    (field) => sent[field] !== undefined && canonicalJson(sent[field]) !== canonicalJson(live[field]),
  );
}
