// The machine rendering: format_version 1, validated by schemas/plan.schema.json. `body` is the exact request body.
import type { Change, Plan } from '../model.js';
import { describeReasons } from './words.js';

export interface JsonOptions {
  mode?: 'plan' | 'drift';
}

export function renderJson(plan: Plan, options: JsonOptions = {}): string {
  const document = {
    format_version: 1,
    ...(options.mode === 'drift' ? { mode: 'drift' } : {}),
    summary: plan.summary,
    changes: plan.changes.map(orderKeys),
    unchanged: plan.unchanged,
    unmanaged: plan.unmanaged,
    refusals: plan.refusals,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The same key order for every change, so diffs of two JSON plans stay small. */
function orderKeys(change: Change): Record<string, unknown> {
  const head = { action: change.action, key: change.key, name: change.name, ...(change.action === 'create' ? {} : { id: change.id }) };
  const tail = { depends_on: change.depends_on, reason: describeReasons(change) };
  switch (change.action) {
    case 'create':
      return { ...head, body: change.body, after: change.after, ...tail, ...(change.source ? { source: change.source } : {}) };
    case 'update':
      return { ...head, body: change.body, before: change.before, after: change.after, fields: change.fields, ...tail, managed: change.kind !== 'unmanaged_release', ...(change.source ? { source: change.source } : {}) };
    case 'delete':
      return { ...head, body: change.body, before: change.before, ...tail };
  }
}
