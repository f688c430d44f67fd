// Single-request reads that bcgroups itself never makes, for tests of what the transport does with one
// GET (retries, pacing, error hints, redaction): one group by id, and the count of groups.
import { BigCommerceClient, createTransport, type ClientOptions } from '../../src/bigcommerce/index.js';
import { AnswerProblem, parseGroup } from '../../src/bigcommerce/parse.js';
import type { LiveGroup } from '../../src/model/index.js';

export class ProbeClient extends BigCommerceClient {
  async getGroup(id: number): Promise<LiveGroup> {
    const path = `/v2/customer_groups/${id}`;
    return this.read('GET', path, await this.transport.send('GET', path), parseGroup);
  }

  async countGroups(): Promise<number> {
    const path = '/v2/customer_groups/count';
    return this.read('GET', path, await this.transport.send('GET', path), readCount);
  }
}

export function createProbeClient(options: ClientOptions): ProbeClient {
  return new ProbeClient(createTransport(options));
}

function readCount(raw: unknown): number {
  const count = raw && typeof raw === 'object' ? (raw as { count?: unknown }).count : undefined;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new AnswerProblem(`count is ${JSON.stringify(count)}, expected a whole number`);
  return count;
}
