// A plain HTTP server on 127.0.0.1 port 0 that answers as a test says, for hostile answers the sandbox
// never gives (redirects, lies about lengths, endless lists); it records every request it sees.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** "METHOD /path?query" of every request, in order. */
  requests: string[];
}

export type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

export async function withLocalServer<T>(handler: Handler, use: (server: LocalServer) => Promise<T>): Promise<T> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    request.resume();
    response.on('error', () => undefined);
    request.on('end', () => handler(request, response, new URL(request.url ?? '/', 'http://local')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await use({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Sends `body` as JSON with `status` and any extra headers. */
export function answerJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response
    .writeHead(status, { 'Content-Type': 'application/json', ...headers })
    .end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** A group as the API sends it. */
export function wireGroup(id: number, name = `Group ${id}`): Record<string, unknown> {
  return {
    id,
    name,
    is_default: false,
    is_group_for_guests: false,
    category_access: { type: 'all' },
    discount_rules: [],
  };
}

/** The rejection of a promise that must fail (a resolved one fails the test). */
export async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}
