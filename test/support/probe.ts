// A single-request read that bcgroups itself never makes, for tests of what the transport does with one
// GET (retries, pacing, error hints, redaction): one group by id.
import { BigCommerceClient, createTransport, type ClientOptions } from '../../src/bigcommerce/index.js';
import { parseGroup } from '../../src/bigcommerce/parse.js';
import type { LiveGroup } from '../../src/model/index.js';

export class ProbeClient extends BigCommerceClient {
  async getGroup(id: number): Promise<LiveGroup> {
    const path = `/v2/customer_groups/${id}`;
    return this.read('GET', path, await this.transport.send('GET', path), parseGroup);
  }
}

export function createProbeClient(options: ClientOptions): ProbeClient {
  return new ProbeClient(createTransport(options));
}
