// One request and its whole answer over node:http (node:https loaded only for an https API), with keep-alive
// connections. Node's fetch would load a second HTTP stack costing about 0.1 s of every run's start.
// Redirects are never followed (node:http does not), the answer is capped in size and the deadline covers
// the body too. Failures carry a `cause` with a code, as describeNetworkError in errors.ts reads them.
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { CUT_SHORT, LENGTH_MISMATCH } from './errors.js';

/** The answer's headers, looked up by name in any case; null when absent. */
export interface AnswerHeaders {
  get(name: string): string | null;
}

export interface Exchanged {
  status: number;
  bodyText: string;
  headers: AnswerHeaders;
}

export interface ExchangeInit {
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** The longest the whole exchange may take, answer body included. */
  timeoutMs: number;
  /** The most bytes of (decoded) answer body kept. */
  limit: number;
  /** Called once the headers arrive, before the body is read. */
  onHeaders?: (headers: AnswerHeaders) => void;
}

export class AnswerTooLarge extends Error {
  constructor(limit: number) {
    super(`the answer is larger than ${limit / 1024 / 1024} MiB`);
  }
}

type Client = Pick<typeof http, 'request'>;
const agents = new Map<string, { client: Client; agent: http.Agent }>();

/** The module and the keep-alive agent for a protocol, made once; TLS is loaded only for https. */
async function connectorFor(protocol: string): Promise<{ client: Client; agent: http.Agent }> {
  let connector = agents.get(protocol);
  if (!connector) {
    const client: Client & { Agent: typeof http.Agent } = protocol === 'https:' ? await import('node:https') : http;
    connector = { client, agent: new client.Agent({ keepAlive: true }) };
    agents.set(protocol, connector);
  }
  return connector;
}

export async function exchange(url: URL, init: ExchangeInit): Promise<Exchanged> {
  const { client, agent } = await connectorFor(url.protocol);
  return new Promise<Exchanged>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | undefined, answer?: Exchanged) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        request.destroy();
        reject(error);
      } else resolve(answer as Exchanged);
    };
    const timer = setTimeout(() => finish(createTimeoutError()), init.timeoutMs);
    const headers: Record<string, string> = { ...init.headers, 'Accept-Encoding': 'gzip, deflate' };
    if (init.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(init.body));
    let answered: IncomingMessage | undefined;
    let request: http.ClientRequest;
    try {
      request = client.request(url, { method: init.method, headers, agent }, onResponse);
    } catch (error) {
      // A header Node refuses to send: nothing went out, and the message says which header.
      settled = true;
      clearTimeout(timer);
      return reject(error);
    }
    function onResponse(response: IncomingMessage) {
      answered = response;
      const answerHeaders = wrapHeaders(response.headers);
      init.onHeaders?.(answerHeaders);
      const declared = Number(response.headers['content-length'] ?? NaN);
      if (declared > init.limit) return finish(new AnswerTooLarge(init.limit));
      readBody(response, init.limit, (error, bodyText) =>
        finish(error, { status: response.statusCode ?? 0, bodyText: bodyText ?? '', headers: answerHeaders }),
      );
    }
    // Bytes past a complete answer (a Content-Length shorter than what was sent) are not its failure.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (!answered?.complete) finish(createNetworkFailure(error));
    });
    request.end(init.body);
  });
}

/** Reads the body, decoded as fetch would decode it, refusing to keep more than `limit` bytes. */
function readBody(response: IncomingMessage, limit: number, done: (error?: Error, text?: string) => void): void {
  const stream = decode(response);
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    size += chunk.byteLength;
    if (size > limit) done(new AnswerTooLarge(limit));
    else chunks.push(chunk);
  });
  const cutShort = () => {
    const code = response.headers['content-length'] === undefined ? CUT_SHORT : LENGTH_MISMATCH;
    done(createNetworkFailure(Object.assign(new Error('the answer broke off'), { code })));
  };
  stream.on('error', (error: NodeJS.ErrnoException) =>
    response.complete ? done(createNetworkFailure(error)) : cutShort(),
  );
  stream.on('end', () => done(undefined, Buffer.concat(chunks).toString('utf8')));
  response.on('close', () => {
    if (!response.complete) cutShort();
  });
}

function decode(response: IncomingMessage): Readable {
  const encoding = response.headers['content-encoding']?.trim().toLowerCase();
  if (!encoding || encoding === 'identity') return response;
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!decoder) return response;
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

function wrapHeaders(headers: IncomingHttpHeaders): AnswerHeaders {
  return {
    get(name: string): string | null {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

function createTimeoutError(): Error {
  return Object.assign(new Error('The request timed out'), { name: 'TimeoutError' });
}

/** A failure as errors.ts reads it: Node's "socket hang up" is an answer cut short, not a reset. */
function createNetworkFailure(error: NodeJS.ErrnoException): Error {
  const cut = error.code === 'ECONNRESET' && error.message === 'socket hang up';
  const cause = cut ? Object.assign(new Error(error.message), { code: CUT_SHORT }) : error;
  return new Error('request failed', { cause });
}
