// The words and groupings that text and markdown share when a plan is shown next to its baseline.
import type { Attribution, AttributionOff, Change, ChangeReason, Plan } from '../model/index.js';
import { escapeControl, escapeStrings } from './escape.js';
import { ACTION_SIGN, labelOf } from './lines.js';
import { describeReason, describeReasons, formatField, type Names } from './words.js';
import { count as countOf } from '../text/words.js';

export type PlanAttribution = Attribution | AttributionOff;

export const OWN_HEADING = 'From this change';
export const PENDING_HEADING = 'Already pending before it';
export const PENDING_NOTE =
  'The store already differs from the baseline here (store drift, or an earlier merge not yet applied); ' +
  'the next apply makes these changes whichever change merges.';
export const DROPPED_HEADING = 'No longer pending';
export const DROPPED_NOTE =
  'The baseline would make these changes; this change no longer does, so the store keeps what it has.';
export const OVERWRITE_WARNING = 'Merging this would also revert hand edits in the store';
export const OVERWRITE_NOTE =
  "In the store these fields differ from the baseline's files too (a hand edit, " +
  'or an earlier merge not yet applied); merging this change writes over them.';

export interface SplitChanges {
  own: Change[];
  pending: Change[];
}

/** The plan's changes in plan order, split by origin; a change without an origin counts as this change's own. */
export function splitByOrigin(changes: readonly Change[], attribution: Attribution): SplitChanges {
  const own = changes.filter((change) => attribution.origins[change.key] !== 'pending');
  const pending = changes.filter((change) => attribution.origins[change.key] === 'pending');
  return { own, pending };
}

/** "update VIP (id 3): discount_rules", one per change of this change that writes over a hand edit. */
export function overwriteLines(plan: Pick<Plan, 'changes'>, attribution: Attribution): string[] {
  return plan.changes.flatMap((change) => {
    const fields = attribution.overwrites[change.key];
    return fields && fields.length > 0 ? [`${labelOf(change)}: ${fields.join(', ')}`] : [];
  });
}

/**
 * "~ update Trade (id 2): is_default: the base files would set false; the store keeps true", one per
 * baseline change this plan no longer makes, with the values so a reviewer sees what staying put means.
 */
export function droppedLines(attribution: Attribution, names?: Names): string[] {
  return attribution.dropped.map((change) => {
    const label = `${ACTION_SIGN[change.action]} ${labelOf(change)}`;
    if (change.action !== 'update') return label;
    const fields = change.fields.map(
      (field) =>
        `${field}: the base files would set ${formatField(field, change.after, names)}; ` +
        `the store keeps ${formatField(field, change.before, names)}`,
    );
    return `${label}: ${fields.join('; ')}`;
  });
}

/** How a change is shown in its section: its own fields only, its reason, and what else it sends. */
export interface ChangeView {
  change: Change;
  reason: string;
  /** "also sends pending: is_default true -> false", when an update of this change carries pending fields too. */
  note?: string;
}

/**
 * An update of this change that also carries pending fields shows only the fields the compared groups/
 * changes and names the rest; a pending change says it reverts drift, since its file may be the same in both.
 */
export function viewChange(change: Change, attribution: Attribution, names?: Names): ChangeView {
  const pending = change.action === 'update' ? (attribution.pending_fields[change.key] ?? []) : [];
  if (attribution.origins[change.key] === 'pending')
    return { change, reason: change.reasons.map(describePendingReason).join('; ') };
  if (change.action !== 'update' || pending.length === 0) return { change, reason: describeReasons(change) };
  const own = change.fields.filter((field) => !pending.includes(field));
  const sent = pending.map(
    (field) => `${field} ${formatField(field, change.before, names)} -> ${formatField(field, change.after, names)}`,
  );
  return {
    change: { ...change, fields: own },
    reason: describeReasons(change),
    note: `also sends pending: ${sent.join('; ')} (the base files say so too)`,
  };
}

function describePendingReason(reason: ChangeReason): string {
  return reason.fact === 'edited'
    ? `pending drift: the store differs from ${reason.file}, as it does from the base files`
    : describeReason(reason);
}

/** The opening sentence: what this change does first, then what was pending anyway. */
export function describeAttribution(plan: Pick<Plan, 'changes'>, attribution: Attribution): string {
  const { own, pending } = splitByOrigin(plan.changes, attribution);
  const mine =
    own.length === 0
      ? 'This change itself changes nothing in the store'
      : `This change makes ${countOf(own.length, 'change')} to the store`;
  const extra = [
    pending.length > 0
      ? `${countOf(pending.length, 'change')} ${pending.length === 1 ? 'was' : 'were'} pending before it`
      : '',
    attribution.dropped.length > 0 ? `it drops ${countOf(attribution.dropped.length, 'pending change')}` : '',
  ].filter(Boolean);
  return `${mine}${extra.length > 0 ? `; ${extra.join('; ')}` : ''}.`;
}

/** Shown when a baseline was asked for but could not be planned. */
export function describeAttributionOff(attribution: AttributionOff): string {
  return `Not split into this change's own and pending changes: ${attribution.reason}.`;
}

/** The attribution as people-facing renderers see it: keys escaped exactly like the escaped plan's change keys. */
export function escapeAttribution(attribution: PlanAttribution): PlanAttribution {
  if (!attribution.compared) return { compared: false, reason: escapeControl(attribution.reason) };
  const escapeKeys = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [escapeControl(key), value]));
  return {
    compared: true,
    origins: escapeKeys(attribution.origins),
    overwrites: escapeKeys(attribution.overwrites),
    pending_fields: escapeKeys(attribution.pending_fields),
    dropped: escapeStrings(attribution.dropped),
  };
}
