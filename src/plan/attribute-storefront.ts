// Storefront changes next to a baseline: one the baseline plan makes identically (same key, same rows, same
// channel values) was pending before; any other comes from the compared groups/. The baseline's storefront
// changes this plan no longer makes are dropped: the store keeps what it has there.
import type { Attribution, StorefrontChange, StorefrontPlan } from '../model/index.js';
import { canonicalJson } from '../model/normalize.js';

export function attributeStorefront(
  attribution: Attribution,
  head: StorefrontPlan | undefined,
  base: StorefrontPlan | undefined,
): Attribution {
  const baseByKey = new Map((base?.changes ?? []).map((change) => [change.key, change]));
  const headKeys = new Set((head?.changes ?? []).map((change) => change.key));
  const origins = { ...attribution.origins };
  for (const change of head?.changes ?? []) {
    const earlier = baseByKey.get(change.key);
    origins[change.key] = earlier && sameRequest(earlier, change) ? 'pending' : 'change';
  }
  const dropped = (base?.changes ?? []).filter((change) => !headKeys.has(change.key));
  return { ...attribution, origins, ...(dropped.length > 0 ? { dropped_storefront: dropped } : {}) };
}

/** What the change writes, without where it comes from or what it waits for. */
function sameRequest(a: StorefrontChange, b: StorefrontChange): boolean {
  const written = ({ source: _source, depends_on: _waits, ...rest }: StorefrontChange) => canonicalJson(rest);
  return written(a) === written(b);
}
