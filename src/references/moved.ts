// A saved plan carries ids; what its references by name resolved to is kept beside it, so apply can tell
// when a name now means another thing (a category renamed, a second one of that name added).
import type { Catalog, ResolvedReference } from '../model/index.js';
import { indexCatalog } from './catalog-index.js';
import { describeKind, matchTarget } from './match.js';

/** Every reference that no longer resolves to the id it had when planned, worded as a stale reason. */
export function findMovedReferences(references: readonly ResolvedReference[], catalog: Catalog): string[] {
  if (references.length === 0) return [];
  const index = indexCatalog(catalog);
  const reasons: string[] = [];
  for (const reference of references) {
    const what = `${describeKind(reference.kind)} '${reference.ref}' (${reference.file}, ${reference.path})`;
    const match = matchTarget(index, { kind: reference.kind, pointer: '', ref: reference.ref }, catalog.unread);
    if ('message' in match)
      reasons.push(`${what} resolved to id ${reference.resolved_id} when planned; now: ${match.message}`);
    else if (match.id !== reference.resolved_id)
      reasons.push(`${what} resolved to id ${reference.resolved_id} when planned, now to id ${match.id}`);
  }
  return reasons;
}
