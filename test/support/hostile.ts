// A server that looks like the API but answers what the test tells it to: huge bodies, wrong types,
// hostile names, or the request's own token echoed back in an error.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wireGroup } from './local-server.js';

export interface HostileAnswer {
  status: number;
  body: string;
}

export interface HostileServer {
  apiUrl: string;
  /** Every request seen, for asserting how many were made. */
  requests: string[];
  close(): Promise<void>;
}

/** `answer` for the V2 group list, 403 for every V3 read (what names a deleted group is then "not checked"). */
export function answerGroupsOnly(answer: HostileAnswer): (request: IncomingMessage) => HostileAnswer {
  return (request) => (request.url?.includes('/v3/') ? { status: 403, body: '{}' } : answer);
}

/** Answers page 1 of the list with `answer(request)`, later pages with 204 (the end of the list),
 *  or every page with `answer` when `everyPage` is set. */
export async function startHostileServer(
  answer: (request: IncomingMessage) => HostileAnswer,
  { everyPage = false } = {},
): Promise<HostileServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const url = new URL(request.url ?? '/', 'http://hostile');
    if (!everyPage && url.searchParams.has('page') && url.searchParams.get('page') !== '1') {
      response.writeHead(204).end();
      return;
    }
    const { status, body } = answer(request);
    response.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A group as the API sends it, with any field replaced. */
export function rawGroup(id: number, name: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...wireGroup(id, name),
    date_created: '2024-01-02 03:04:05',
    date_modified: '2024-01-02 03:04:05',
    ...over,
  };
}
