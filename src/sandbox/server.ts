// The sandbox's HTTP layer: concurrency cap, auth and scopes, rate limit, injected faults, answer styles,
// the request log and counters around the V2 and V3 routes. Faults are drawn before the work (500,
// reset, 207 on a write with rules) or after it (ambiguous create).
import { setTimeout as sleep } from 'node:timers/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { QuotaWindow } from './quota.js';
import { describeEndpoint, recordRequest } from './request-log.js';
import { routeCustomerWrites } from './customer-writes.js';
import { routePromotions, routeTaxZones } from './reference-routes.js';
import { routeRequest, type RouteAnswer } from './routes.js';
import { scopeOf } from './scopes.js';
import type { ServerState } from './state.js';
import { routeStorefrontRequest } from './storefront-routes.js';
import { stringifyRuleIds, styleErrorBody } from './styles.js';
import { routeV3Request } from './v3-routes.js';

/** "Supports up to 25 simultaneous PUT requests" (price lists spec, upsert of an assignment). */
export const MAX_CONCURRENT_UPSERTS = 25;
const ASSIGNMENT_UPSERT = /^\/stores\/[^/]+\/v3\/pricelists\/\d+\/assignments(?:\?|$)/;

export function createSandboxServer(state: ServerState): Server {
  const quota = new QuotaWindow(() => state.options);
  return createServer((request, response) => {
    const { counters } = state;
    const method = request.method ?? 'GET';
    counters.requests[method] = (counters.requests[method] ?? 0) + 1;
    const endpoint = describeEndpoint(method, request.url ?? '/') ?? `${method} (unreadable URL)`;
    counters.endpoints[endpoint] = (counters.endpoints[endpoint] ?? 0) + 1;
    // A request over a cap is refused at once and never counts as in flight.
    const upsert = method === 'PUT' && ASSIGNMENT_UPSERT.test(request.url ?? '');
    const overCap =
      counters.inFlight >= state.options.maxConcurrent
        ? `Too many concurrent requests; at most ${state.options.maxConcurrent} may be in flight at once.`
        : upsert && counters.upsertsInFlight >= MAX_CONCURRENT_UPSERTS
          ? `Too many concurrent price list assignment upserts; at most ${MAX_CONCURRENT_UPSERTS} at once.`
          : undefined;
    if (!overCap) {
      counters.inFlight += 1;
      if (upsert) counters.upsertsInFlight += 1;
      const endpointInFlight = (state.inFlightByEndpoint.get(endpoint) ?? 0) + 1;
      state.inFlightByEndpoint.set(endpoint, endpointInFlight);
      counters.maxInFlightByEndpoint[endpoint] = Math.max(
        counters.maxInFlightByEndpoint[endpoint] ?? 0,
        endpointInFlight,
      );
    }
    counters.maxInFlight = Math.max(counters.maxInFlight, counters.inFlight);
    const done = () => {
      if (overCap) return;
      counters.inFlight -= 1;
      if (upsert) counters.upsertsInFlight -= 1;
      state.inFlightByEndpoint.set(endpoint, (state.inFlightByEndpoint.get(endpoint) ?? 1) - 1);
    };
    handleRequest(state, quota, request, response, overCap).then(done, (error: unknown) => {
      done();
      if (!response.headersSent) send(response, { status: 500, body: [{ status: 500, message: String(error) }] }, {});
    });
  });
}

async function handleRequest(
  state: ServerState,
  quota: QuotaWindow,
  request: IncomingMessage,
  response: ServerResponse,
  overCap: string | undefined,
): Promise<void> {
  const { options, counters } = state;
  const method = request.method ?? 'GET';
  const { socket } = request;
  const bodyText = await readBody(request);
  if (bodyText === undefined) return refuseLargeBody(state, request, response, socket);
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://sandbox');
  } catch {
    // A request line no URL can be read from ("GET //"): the client's mistake, not the server's.
    recordRequest(state.log, { method, path: request.url ?? '/', status: 400 });
    return send(response, v2(400, 'The request URL cannot be read.'), {});
  }
  const api = /^\/stores\/[^/]+\/(v2|v3)\//.exec(url.pathname)?.[1] as 'v2' | 'v3' | undefined;
  const chance = (rate: number) => rate > 0 && options.random() < rate;
  let body: unknown;
  const answer = (routed: RouteAnswer, extraHeaders: Record<string, string> = quota.headers()) => {
    recordRequest(state.log, {
      method,
      path: `${url.pathname}${url.search}`,
      status: routed.status,
      ...(body === undefined ? {} : { body }),
    });
    const styled = styleErrorBody(routed.status, routed.body, api === 'v3' ? 'v3' : options.errorStyle);
    const ok = routed.status < 300;
    send(
      response,
      { ...routed, body: api === 'v2' && ok && options.stringIds ? stringifyRuleIds(styled) : styled },
      extraHeaders,
    );
  };
  if (overCap) {
    counters.rateLimited += 1;
    // What headers the real API sends with this 429 is undocumented; without any it reads as load.
    return answer(v2(429, overCap), {});
  }
  if (options.latencyMs > 0) await sleep(options.latencyMs);

  // Only a request with the store's token spends its quota, so a stranger cannot use up the store's.
  if (request.headers['x-auth-token'] !== options.token)
    return answer(v2(401, 'You are not authorized to access this resource.'));
  const withinQuota = quota.spend();
  if (!withinQuota) {
    counters.rateLimited += 1;
    return answer(v2(429, 'You have exceeded the rate limit; wait for the window to reset.'), quota.limitedHeaders());
  }
  if (chance(options.rateLimit429WithoutHeaders)) {
    counters.rateLimited += 1;
    return answer(v2(429, 'The platform is under load; try again later.'), {});
  }
  const base = `/stores/${options.storeHash}/${api}`;
  if (api === undefined || !url.pathname.startsWith(`${base}/`))
    return answer(v2(404, 'The requested resource was not found.'));
  const storePath = url.pathname.slice(`/stores/${options.storeHash}`.length);
  const forbidden = options.forbiddenPaths.some((prefix) => storePath.startsWith(prefix));
  if (forbidden || !holdsScope(options.scopes, api, url.pathname.slice(base.length), method))
    return answer(v2(403, "You don't have a required scope to access the endpoint."));
  if (options.faultMethods.includes(method) && chance(options.faultRate)) {
    counters.faults += 1;
    return answer(v2(500, 'Internal server error (sandbox fault).'));
  }
  const reset = chance(options.resetRate) ? (options.random() < 0.5 ? 'before' : 'after') : undefined;
  if (reset === 'before') return destroy(state, request);

  if (bodyText.length > 0) {
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
      counters.nonConforming += 1;
      return answer(v2(415, 'The request body must be sent with Content-Type: application/json.'));
    }
    try {
      body = JSON.parse(bodyText);
    } catch {
      return answer(v2(400, 'The request body is not valid JSON.'));
    }
  }
  // Only a write that carries discount rules has a store-wide discount update that can fail.
  const carriesRules =
    (method === 'POST' || method === 'PUT') &&
    Array.isArray((body as { discount_rules?: unknown } | undefined)?.discount_rules);
  const partial = carriesRules && chance(options.partialRate);
  const path = url.pathname.slice(base.length);
  const onNonConforming = () => {
    counters.nonConforming += 1;
  };
  const context = { store: state.store, catalog: state.catalog, channels: state.channels, options, onNonConforming };
  const v3Request = { method, path, query: url.searchParams, body };
  const routed = routeStorefrontRequest({ api, method, path, query: url.searchParams, body }, context, () =>
    api === 'v3'
      ? (routePromotions(v3Request, state) ??
        routeTaxZones(v3Request, state) ??
        routeCustomerWrites(v3Request, state) ??
        routeV3Request(v3Request, state.catalog))
      : routeRequest({ method, path, query: url.searchParams, body, dropDiscountRules: partial }, context),
  );
  if (reset === 'after') return destroy(state, request);
  const saved = routed.status >= 200 && routed.status < 300 && (method === 'POST' || method === 'PUT');
  if (saved && partial) {
    counters.faults += 1;
    return answer({
      status: 207,
      body: {
        status: 207,
        message: 'The customer group was saved, but the sitewide discount update failed. You may retry the request.',
      },
    });
  }
  if (saved && method === 'POST' && chance(options.ambiguousCreateRate)) {
    counters.faults += 1;
    return answer(v2(500, 'Internal server error (sandbox fault after saving).'));
  }
  if (saved && api === 'v2' && chance(options.unreadableWriteRate)) {
    counters.faults += 1;
    return answer({ status: 200, raw: JSON.stringify(routed.body).slice(0, 20) });
  }
  answer(routed);
}

/** Each path needs the scope of its family (scopes.ts); reads are allowed by the read-only scope or the
 *  modify one, writes only by the modify one. */
function holdsScope(scopes: readonly string[], api: 'v2' | 'v3', path: string, method: string): boolean {
  const scope = scopeOf(api, path);
  return scopes.includes(scope) || (method === 'GET' && scopes.includes(`${scope}_read_only`));
}

function destroy(state: ServerState, request: IncomingMessage): void {
  state.counters.faults += 1;
  request.socket.destroy();
}

function v2(status: number, message: string): RouteAnswer {
  return { status, body: [{ status, message }] };
}

function send(response: ServerResponse, answer: RouteAnswer, rateHeaders: Record<string, string>): void {
  const headers: Record<string, string> = { ...rateHeaders, ...answer.headers };
  if (answer.status === 204 || (answer.body === undefined && answer.raw === undefined)) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  const payload = answer.raw ?? JSON.stringify(answer.body);
  response
    .writeHead(answer.status, {
      ...headers,
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(payload),
    })
    .end(payload);
}

/** A real API refuses huge bodies; the sandbox does too, so no request can make it hold unbounded memory. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The body, or undefined when it is over MAX_BODY_BYTES (declared or counted), having read no more than that. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function refuseLargeBody(state: ServerState, request: IncomingMessage, response: ServerResponse, socket: Socket): void {
  const method = request.method ?? 'GET';
  recordRequest(state.log, { method, path: request.url ?? '/', status: 413 });
  state.counters.nonConforming += 1;
  // Close the connection once answered: the rest of the body is never read.
  response.once('finish', () => socket.destroy());
  send(response, v2(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`), { Connection: 'close' });
}
