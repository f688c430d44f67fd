// The machine rendering: format_version 1, validated by schemas/plan.schema.json. `body` is the exact
// request body, with ids; the names of what it refers to sit beside it in `catalog_names`.
import type { CatalogNames, Change, Plan, SafetyRefusal, StorefrontPlan } from '../model/index.js';
import { describeStorefrontChange } from './storefront-lines.js';
import { viewChange, type PlanAttribution } from './attribution.js';
import { driftLines } from './drift.js';
import type { PlanStore } from './header.js';
import { nameReferencesOf } from './names.js';
import { describeRefusalWithOverride } from './refusal.js';
import { describeNotice } from './notices.js';
import { describeReasons } from './words.js';
import { stringifyJson } from '../text/hidden.js';

export interface JsonOptions {
  mode?: 'plan' | 'drift';
  /** Next to a baseline: each change gets an `origin`, and `baseline` says what was compared. */
  attribution?: PlanAttribution;
  /** The store the plan is for, named at the top. */
  store?: PlanStore;
}

export function renderJson(plan: Plan, options: JsonOptions = {}): string {
  const document = {
    format_version: 1,
    ...(options.mode === 'drift' ? { mode: 'drift' } : {}),
    ...(options.store ? { store: describeStoreForMachines(options.store) } : {}),
    summary: plan.summary,
    changes: plan.changes.map((change) =>
      withOrigin(
        withDriftReason(orderKeys(change, plan.catalog_names), change, plan, options.mode),
        change,
        options.attribution,
      ),
    ),
    unchanged: plan.unchanged,
    unmanaged: plan.unmanaged,
    refusals: plan.refusals.map(describeRefusalForMachines),
    ...(plan.storefront ? { storefront: describeStorefrontForMachines(plan.storefront, options.attribution) } : {}),
    ...(options.attribution ? { baseline: describeBaseline(options.attribution) } : {}),
    ...(plan.reads ? { reads: plan.reads } : {}),
    ...(plan.notes?.length
      ? { notes: plan.notes.map((note) => ({ name: note.name, id: note.id, reason: describeReasons(note) })) }
      : {}),
    ...(plan.notices?.length && options.mode !== 'drift'
      ? { notices: plan.notices.map((notice) => ({ ...notice, message: describeNotice(notice, plan) })) }
      : {}),
    ...(plan.ownership ? { ownership: plan.ownership } : {}),
  };
  return stringifyJson(document);
}

/**
 * Drift cannot say which side moved, so its reason names both sides as the text report does ("store has
 * 10% off ..., the file says 15%"); a plan's reason ("changed in groups/vip.yaml") would blame the file.
 */
function withDriftReason(
  ordered: Record<string, unknown>,
  change: Change,
  plan: Plan,
  mode: JsonOptions['mode'],
): Record<string, unknown> {
  if (mode !== 'drift') return ordered;
  const [line] = driftLines({ changes: [change], catalog_names: plan.catalog_names });
  return line === undefined ? ordered : { ...ordered, reason: line };
}

/** The store by hash, with its name and its API only when the config gives them. */
function describeStoreForMachines(store: PlanStore): Record<string, string> {
  return {
    hash: store.hash,
    ...(store.name === undefined ? {} : { name: store.name }),
    ...(store.apiUrl === undefined ? {} : { api_url: new URL(store.apiUrl).origin }),
  };
}

/** The refusal as format_version 1 prints it: the threshold, the two numbers and the words (or the pattern's facts). */
/** The storefront section: each change as planned, with its words, and the names it uses. */
function describeStorefrontForMachines(storefront: StorefrontPlan, attribution?: PlanAttribution): StorefrontPlan {
  const origins = attribution?.compared ? attribution.origins : undefined;
  return {
    ...storefront,
    changes: storefront.changes.map((change) => ({
      ...change,
      description: describeStorefrontChange(change, storefront),
      ...(origins ? { origin: origins[change.key] ?? 'change' } : {}),
    })),
  };
}

function describeRefusalForMachines(refusal: SafetyRefusal): Record<string, unknown> {
  if (refusal.override === null) {
    const { override: _none, ...facts } = refusal;
    return { ...facts, message: describeRefusalWithOverride(refusal) };
  }
  return {
    check: refusal.check,
    limit: refusal.limit,
    actual: refusal.actual,
    message: describeRefusalWithOverride(refusal),
  };
}

function withOrigin(
  ordered: Record<string, unknown>,
  change: Change,
  attribution: PlanAttribution | undefined,
): Record<string, unknown> {
  if (!attribution?.compared) return ordered;
  const overwrites = attribution.overwrites[change.key];
  const pending = attribution.pending_fields[change.key];
  const origin = attribution.origins[change.key] ?? 'change';
  // A pending change reverts drift: its reason must not claim the compared groups/ changed its file.
  const reason = origin === 'pending' ? { reason: viewChange(change, attribution).reason } : {};
  return {
    ...ordered,
    ...reason,
    origin,
    ...(pending ? { pending_fields: pending } : {}),
    ...(overwrites ? { overwrites_hand_edits: overwrites } : {}),
  };
}

/** What the baseline comparison found beyond each change's origin: the dropped changes, or why there is none. */
function describeBaseline(attribution: PlanAttribution): Record<string, unknown> {
  if (!attribution.compared) return { compared: false, reason: attribution.reason };
  return {
    compared: true,
    dropped: attribution.dropped.map((change) => ({
      action: change.action,
      key: change.key,
      name: change.name,
      id: change.id,
    })),
  };
}

/** The same key order for every change, so diffs of two JSON plans stay small. */
function orderKeys(change: Change, names: CatalogNames | undefined): Record<string, unknown> {
  const head = { action: change.action, key: change.key, name: change.name, id: change.id };
  const named = names ? nameReferencesOf(change, names) : undefined;
  const beside = {
    ...(named ? { catalog_names: named } : {}),
    ...(change.customers !== undefined ? { customers: change.customers } : {}),
  };
  const tail = { depends_on: change.depends_on, reason: describeReasons(change) };
  switch (change.action) {
    case 'create':
      return {
        ...head,
        body: change.body,
        ...beside,
        after: change.after,
        ...tail,
        ...(change.source ? { source: change.source } : {}),
      };
    case 'update':
      return {
        ...head,
        body: change.body,
        ...beside,
        before: change.before,
        after: change.after,
        fields: change.fields,
        ...tail,
        managed: change.kind !== 'unmanaged_release',
        ...(change.source ? { source: change.source } : {}),
      };
    case 'delete':
      return {
        ...head,
        body: change.body,
        ...beside,
        ...(change.references ? { references: change.references } : {}),
        ...(change.unchecked ? { unchecked: change.unchecked } : {}),
        ...(change.merge_into ? { merge_into: change.merge_into } : {}),
        before: change.before,
        ...tail,
      };
  }
}
