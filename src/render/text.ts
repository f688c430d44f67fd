// Terraform-like text for a terminal and CI logs: + create, ~ update, - delete, field by field.
import type { Change, Plan, SafetyRefusal } from '../model/index.js';
import { describeRefusalWithOverride } from './refusal.js';
import { describeConfigFile, describeForced, describeStore, type PlanStore } from './header.js';
import { paint, type Style } from './ansi.js';
import {
  describeAttribution,
  describeAttributionOff,
  DROPPED_HEADING,
  DROPPED_NOTE,
  droppedLines,
  escapeAttribution,
  OVERWRITE_NOTE,
  OVERWRITE_WARNING,
  OWN_HEADING,
  PENDING_HEADING,
  PENDING_NOTE,
  overwriteLines,
  splitByOrigin,
  viewChange,
  type ChangeView,
  type PlanAttribution,
} from './attribution.js';
import { escapeStrings } from './escape.js';
import { countDrift, describeNoDrift, driftLines, unmanagedHeadingPlan, UNMANAGED_HEADING_DRIFT } from './drift.js';
import {
  ACTION_SIGN,
  changeLines,
  countWriteRequests,
  dependencyLabels,
  formatRequestCount,
  formatSummaryLine,
  labelOf,
  ruleWords,
  type Sign,
} from './lines.js';
import { describeNotices } from './notices.js';
import { describeReasons } from './words.js';
import { countStorefrontRequests, hasChanges, STOREFRONT_HEADING, storefrontLines } from './storefront-lines.js';
import { audienceLines, describeReadRequests } from './audience.js';
import { referenceLines } from './group-references.js';
import { count as countOf, folderLabel } from '../text/words.js';

export interface TextOptions {
  color: boolean;
  mode?: 'plan' | 'drift';
  /** The folder of group files, as messages name it (default groups). */
  dir?: string;
  /** Next to a baseline: this change's own changes first, then the pending ones (plan mode only). */
  attribution?: PlanAttribution;
  /** The store, named in the first line. */
  store?: PlanStore;
  /** Made with --force: the refusals it overrode. */
  forced?: readonly SafetyRefusal[];
}

const SIGN_STYLE: Record<Sign, Style | undefined> = { '+': 'green', '-': 'red', '~': 'yellow', ' ': undefined };

export function renderText(rawPlan: Plan, options: TextOptions): string {
  const plan = escapeStrings(rawPlan);
  const dir = options.dir ?? 'groups';
  const changes =
    options.mode === 'drift'
      ? [formatDrift(plan, dir, options.color)]
      : formatPlanChanges(plan, dir, options.color, options.attribution && escapeAttribution(options.attribution));
  const blocks = [
    formatHeader(options),
    formatRefusals(plan, options.color),
    formatUnchecked(plan),
    ...changes,
    options.mode === 'drift' ? '' : formatNotices(plan),
    options.mode === 'drift' ? '' : formatNotes(plan),
    formatUnmanaged(plan, dir, options.mode ?? 'plan'),
  ];
  const footer = options.mode === 'drift' ? formatDriftFooter(plan) : formatPlanFooter(plan, options.color);
  return `${[...blocks.filter(Boolean), footer].join('\n\n')}\n`;
}

function formatHeader(options: TextOptions): string {
  const what = options.mode === 'drift' ? 'Drift of' : 'Plan for';
  const store = options.store ? `${what} ${describeStore(options.store)}${describeConfigFile(options.store)}.` : '';
  if (!options.forced) return store;
  const forced = describeForced(options.forced);
  const warning = [
    paint(forced.head, 'yellow', options.color),
    ...forced.lines.map((line) => paint(`  ! ${line}`, 'yellow', options.color)),
  ].join('\n');
  return [store, warning].filter(Boolean).join('\n');
}

function formatRefusals(plan: Plan, color: boolean): string {
  if (plan.refusals.length === 0) return '';
  const head = paint('Refused by safety checks: apply will not run this plan.', 'bold', color);
  return [
    paint(head, 'red', color),
    ...plan.refusals.map((refusal) => paint(`  ! ${describeRefusalWithOverride(refusal)}`, 'red', color)),
  ].join('\n');
}

function formatUnchecked(plan: Plan): string {
  const notes = plan.reads?.unchecked ?? [];
  return notes.length === 0 ? '' : ['Not checked:', ...notes.map((note) => `  - ${note}`)].join('\n');
}

function formatChanges(plan: Plan, dir: string, color: boolean): string {
  if (!hasChanges(plan)) return `No changes: the store matches ${folderLabel(dir)}.`;
  const groups =
    plan.changes.length === 0
      ? ''
      : ['Changes to the store:', ...plan.changes.map((change) => formatChange(change, plan, color))].join('\n\n');
  return [groups, formatStorefront(plan, color)].filter(Boolean).join('\n\n');
}

function formatStorefront(plan: Plan, color: boolean, attribution?: PlanAttribution): string {
  const lines = storefrontLines(plan.storefront, attribution);
  if (lines.length === 0) return '';
  const shown = lines.map(({ sign, text }) => `  ${paint(sign, SIGN_STYLE[sign] ?? 'bold', color)} ${text}`);
  return [`${STOREFRONT_HEADING}:`, ...shown].join('\n');
}

/** Without a compared baseline, one list; with one, the warning, this change's own, the pending, the dropped. */
function formatPlanChanges(
  plan: Plan,
  dir: string,
  color: boolean,
  attribution: PlanAttribution | undefined,
): string[] {
  if (!attribution) return [formatChanges(plan, dir, color)];
  if (!attribution.compared)
    return [paint(describeAttributionOff(attribution), 'yellow', color), formatChanges(plan, dir, color)];
  const { own, pending } = splitByOrigin(plan.changes, attribution);
  const overwrites = overwriteLines(plan, attribution);
  const warning =
    overwrites.length === 0
      ? ''
      : [
          paint(`${OVERWRITE_WARNING}:`, 'yellow', color),
          ...overwrites.map((line) => paint(`  ! ${line}`, 'yellow', color)),
          `  ${OVERWRITE_NOTE}`,
        ].join('\n');
  const section = (heading: string, changes: Change[], note?: string) =>
    changes.length === 0
      ? ''
      : [
          `${heading}:${note ? `\n  ${note}` : ''}`,
          ...changes.map((change) =>
            formatChange(change, plan, color, viewChange(change, attribution, plan.catalog_names)),
          ),
        ].join('\n\n');
  const dropped =
    attribution.dropped.length === 0
      ? ''
      : [
          `${DROPPED_HEADING}:`,
          `  ${DROPPED_NOTE}`,
          ...droppedLines(attribution, plan.catalog_names).map((line) => `  ${line}`),
        ].join('\n');
  return [
    describeAttribution(plan, attribution),
    warning,
    section(OWN_HEADING, own),
    section(PENDING_HEADING, pending, PENDING_NOTE),
    dropped,
    formatStorefront(plan, color, attribution),
  ];
}

function formatChange(whole: Change, plan: Plan, color: boolean, view?: ChangeView): string {
  const change = view?.change ?? whole;
  const sign = ACTION_SIGN[change.action];
  const lines = [
    `  ${paint(sign, SIGN_STYLE[sign] ?? 'bold', color)} ${paint(labelOf(change), 'bold', color)}: ${view?.reason ?? describeReasons(change)}`,
  ];
  for (const line of audienceLines(change)) lines.push(paint(`      ${line}`, 'dim', color));
  for (const line of referenceLines(change)) lines.push(`      ${line}`);
  for (const line of changeLines(change, 'arrow', plan.catalog_names)) {
    const text = `${line.sign} ${'  '.repeat(line.depth)}${line.text}`;
    const style = SIGN_STYLE[line.sign];
    lines.push(`      ${style ? paint(text, style, color) : text}`);
  }
  const words = ruleWords(change, plan.catalog_names);
  if (words.length > 0) lines.push(`        in words: ${words.join('; ')}`);
  if (view?.note) lines.push(`      ${view.note}`);
  const waits = dependencyLabels(change, plan);
  if (waits.length > 0) lines.push(paint(`      waits for: ${waits.join(', ')}`, 'dim', color));
  return lines.join('\n');
}

function formatNotices(plan: Plan): string {
  return describeNotices(plan)
    .map((notice) => `Note: ${notice}`)
    .join('\n\n');
}

function formatNotes(plan: Plan): string {
  if (!plan.notes?.length) return '';
  return ['Notes:', ...plan.notes.map((note) => `  ${note.name} (id ${note.id}): ${describeReasons(note)}`)].join('\n');
}

function formatUnmanaged(plan: Plan, dir: string, mode: 'plan' | 'drift'): string {
  if (plan.unmanaged.length === 0) return '';
  const heading = mode === 'drift' ? UNMANAGED_HEADING_DRIFT : unmanagedHeadingPlan(dir);
  return `${heading}:\n${plan.unmanaged.map((group) => `  ${group.name} (id ${group.id})`).join('\n')}`;
}

function formatPlanFooter(plan: Plan, color: boolean): string {
  const requests = countWriteRequests(plan) + countStorefrontRequests(plan);
  const summary = paint(formatSummaryLine(plan.summary), 'bold', color);
  // Group counts say nothing of assignments and channel roles: their count is said beside them.
  const storefront = plan.storefront?.changes.length ?? 0;
  const side = storefront > 0 ? paint(`Price lists and channel groups: ${storefront} to change.`, 'bold', color) : '';
  const lines = [summary, side, requests > 0 ? formatRequestCount(requests) : '', describeReadRequests(plan)];
  // A long plan is read from its end: a refused one says so there too, not only above the changes.
  return [...lines, plan.refusals.length > 0 ? `\n${formatRefusals(plan, color)}` : ''].filter(Boolean).join('\n');
}

function formatDrift(plan: Plan, dir: string, color: boolean): string {
  const lines = driftLines(plan);
  if (lines.length === 0) return describeNoDrift(plan);
  return [
    `Differences between the store and ${folderLabel(dir)}:`,
    ...lines.map((line) => `  ${paint('*', 'yellow', color)} ${line}`),
  ].join('\n');
}

function formatDriftFooter(plan: Plan): string {
  const counts = countDrift(plan);
  const differing = counts.missing + counts.differ + counts.extra;
  const ignored = plan.summary.ignored === undefined ? '' : `, ${plan.summary.ignored} ignored`;
  const storefront = plan.storefront?.changes.length ?? 0;
  const channels = storefront > 0 ? `, ${countOf(storefront, 'assignment or channel difference')}` : '';
  const groups = `${countOf(differing, 'group')} differ${differing === 1 ? 's' : ''}${channels}`;
  const line = `Drift: ${groups}, ${plan.summary.unchanged} in sync, ${plan.summary.unmanaged} unmanaged${ignored}.`;
  return [line, describeReadRequests(plan)].filter(Boolean).join('\n');
}
