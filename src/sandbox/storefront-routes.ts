// The multi-storefront routes under /stores/{hash}/v3: channels (read-only), each channel's customer
// settings, and price list assignments (assignment-routes.ts). Every other request goes to the routes
// it went to before, and a V2 group write is followed by what the sync options say.
import type { ChannelStore } from './channels.js';
import { routeAssignments } from './assignment-routes.js';
import { readPositiveInt, type RouteAnswer } from './routes.js';
import { checkChannelSettings } from './storefront-bodies.js';
import { deriveHolderFlags, syncAfterGroupWrite, type StorefrontContext } from './storefront-sync.js';
import { indexed, notAllowed, type StorefrontRequest } from './storefront-http.js';
import { pageOf, v3Fail } from './v3-routes.js';

export type { StorefrontRequest } from './storefront-http.js';

const MAX_LIMIT = 250;
const DEFAULT_LIMIT = 50;
/** The statuses `available=true` lists, per the channels spec. */
const AVAILABLE = ['prelaunch', 'active', 'inactive', 'connected'];

export function routeStorefrontRequest(
  request: StorefrontRequest,
  context: StorefrontContext,
  routeOthers: () => RouteAnswer,
): RouteAnswer {
  if (request.api === 'v3') {
    const routed = routeChannels(request, context) ?? routeAssignments(request, context);
    if (routed) return routed;
  }
  const answer = routeOthers();
  if (request.api === 'v2') syncAfterGroupWrite(request, answer, context);
  return answer;
}

function routeChannels(request: StorefrontRequest, context: StorefrontContext): RouteAnswer | undefined {
  const { method, path } = request;
  if (path === '/channels')
    return method === 'GET' ? listChannels(request.query, context.channels) : notAllowed(method, 'GET');
  const settingsOf = /^\/customers\/settings\/channels\/(\d+)$/.exec(path);
  if (!settingsOf) return undefined;
  const channelId = Number(settingsOf[1]);
  if (!context.channels.hasChannel(channelId)) return v3Fail(404, `The channel ${channelId} does not exist.`);
  if (method === 'GET') return { status: 200, body: { data: context.channels.settingsOf(channelId), meta: {} } };
  if (method !== 'PUT') return notAllowed(method, 'GET, PUT');
  const problems = checkChannelSettings(request.body);
  if (problems.length > 0) {
    context.onNonConforming();
    return v3Fail(422, 'The request body does not match the schema.', indexed(problems));
  }
  const groups = ((request.body as Record<string, unknown>).customer_group_settings ?? {}) as Record<string, unknown>;
  const unknownGroups = Object.entries(groups).filter(
    ([, id]) => typeof id === 'number' && id > 0 && !context.store.get(id),
  );
  if (unknownGroups.length > 0)
    return v3Fail(
      422,
      'The customer group does not exist.',
      Object.fromEntries(unknownGroups.map(([field, id]) => [`customer_group_settings.${field}`, `no group ${id}`])),
    );
  const data = context.channels.writeSettings(channelId, request.body as Record<string, unknown>);
  deriveHolderFlags(context);
  return { status: 200, body: { data, meta: {} } };
}

function listChannels(query: URLSearchParams, channels: ChannelStore): RouteAnswer {
  const page = readPositiveInt(query.get('page'), 1);
  const limit = readPositiveInt(query.get('limit'), DEFAULT_LIMIT);
  if (page === undefined || limit === undefined)
    return v3Fail(422, 'Query parameters "page" and "limit" must be positive integers.');
  if (limit > MAX_LIMIT) return v3Fail(422, `The limit is too large; the maximum is ${MAX_LIMIT}.`);
  const listed = (field: 'status' | 'type' | 'platform') => query.get(`${field}:in`)?.split(',');
  const available = query.get('available');
  const matching = channels.channels.filter(
    (channel) =>
      (['status', 'type', 'platform'] as const).every((field) => listed(field)?.includes(channel[field]) ?? true) &&
      (available === null || AVAILABLE.includes(channel.status) === (available === 'true')),
  );
  return { status: 200, body: pageOf(matching as unknown as Record<string, unknown>[], page, limit) };
}
