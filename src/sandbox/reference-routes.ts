// GET /v3/promotions (paged, by id) and GET /v3/tax/zones (all at once, meta {}), answered as their specs
// do. The sandbox only reads them: a write is 405, since bcgroups never writes either.
import { readPositiveInt, type RouteAnswer } from './routes.js';
import type { ServerState } from './state.js';
import { toV3Error } from './styles.js';
import { pageOf, v3Fail, type V3Request } from './v3-routes.js';

const MAX_LIMIT = 250;
const DEFAULT_LIMIT = 50;

export function routePromotions({ method, path, query }: V3Request, state: ServerState): RouteAnswer | undefined {
  if (path !== '/promotions') return undefined;
  if (method !== 'GET') return readOnly(method);
  const page = readPositiveInt(query.get('page'), 1);
  const limit = readPositiveInt(query.get('limit'), DEFAULT_LIMIT);
  // The spec's only documented refusal of a list: "422: Failure due to an invalid query parameter", whose
  // ErrorResponse holds errors as a list of {status, title} (other V3 specs use an object).
  if (page === undefined || limit === undefined || limit > MAX_LIMIT) {
    const title = `page must be a positive integer and limit one from 1 to ${MAX_LIMIT}.`;
    return {
      status: 422,
      body: { ...toV3Error(422, [{ status: 422, message: title }]), errors: [{ status: 422, title }] },
    };
  }
  const wanted = (field: 'status' | 'redemption_type') => query.get(field);
  const matching = state.references.promotions.filter(
    (promotion) =>
      (wanted('status') === null || promotion.status === wanted('status')) &&
      (wanted('redemption_type') === null || promotion.redemption_type === wanted('redemption_type')),
  );
  return { status: 200, body: pageOf(matching, page, limit) };
}

export function routeTaxZones({ method, path, query }: V3Request, state: ServerState): RouteAnswer | undefined {
  if (path !== '/tax/zones') return undefined;
  if (method !== 'GET') return readOnly(method);
  const raw = query.get('id:in');
  const ids = raw === null ? undefined : raw.split(',').map((value) => value.trim());
  const bad = ids?.find((id) => !/^\d+$/.test(id));
  if (bad !== undefined)
    return v3Fail(422, `The filter 'id:in' takes integer ids; '${bad}' is not one.`, {
      'id:in': 'must be a comma-separated list of integers',
    });
  const zones = state.references.taxZones.filter((zone) => ids === undefined || ids.map(Number).includes(zone.id));
  // Not paged: the spec's answer is every zone and an open, empty meta.
  return { status: 200, body: { data: zones, meta: {} } };
}

function readOnly(method: string): RouteAnswer {
  return {
    ...v3Fail(405, `The method ${method} is not allowed on this resource in the sandbox (read-only).`),
    headers: { Allow: 'GET' },
  };
}
