// For a pull-request comment or $GITHUB_STEP_SUMMARY: refusals on top, a summary table, one collapsible
// section per changed group with a diff block, then unmanaged groups.
import type { Attribution, Change, Plan, SafetyRefusal } from '../model/index.js';
import { escapeHtml, escapeInline, fenceFor } from './markdown-escape.js';
import { describeRefusalWithOverride } from './refusal.js';
import { describeForced, describeStore, type PlanStore } from './header.js';
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
import { folderLabel } from '../text/words.js';
import { ACTION_SIGN, changeLines, dependencyLabels, labelOf, ruleWords } from './lines.js';
import { describeReasons } from './words.js';
import { audienceLines, describeReadRequests } from './audience.js';
import { countStorefrontRequests, hasChanges, STOREFRONT_HEADING, storefrontLines } from './storefront-lines.js';

export interface MarkdownOptions {
  mode?: 'plan' | 'drift';
  title?: string;
  /** The folder of group files, as messages name it (default groups). */
  dir?: string;
  /** Next to a baseline: a pull request comment leads with what the pull request itself does. */
  attribution?: PlanAttribution;
  /** The store, named in the heading. */
  store?: PlanStore;
  /** Made with --force: the refusals it overrode, in a warning under the heading. */
  forced?: readonly SafetyRefusal[];
}

export function renderMarkdown(rawPlan: Plan, options: MarkdownOptions = {}): string {
  const plan = escapeStrings(rawPlan);
  const drift = options.mode === 'drift';
  const dir = options.dir ?? 'groups';
  const title = options.title ?? (drift ? 'bcgroups drift' : 'bcgroups plan');
  const attribution = drift || !options.attribution ? undefined : escapeAttribution(options.attribution);
  const body = drift
    ? [formatDriftTable(plan), formatDrift(plan)]
    : attribution?.compared
      ? formatAttributed(plan, attribution, dir)
      : [formatPlanTable(plan), formatChanges(plan, dir)];
  const off =
    attribution && !attribution.compared ? `> [!NOTE]\n> ${escapeInline(describeAttributionOff(attribution))}` : '';
  const heading = options.store ? `${title}: ${describeStore(options.store)}` : title;
  const sections = [
    `## ${escapeInline(heading)}`,
    formatForced(options.forced),
    formatRefusals(plan),
    formatUnchecked(plan),
    off,
    ...body,
    drift ? '' : formatNotes(plan),
    formatUnmanaged(plan, dir, drift),
    describeReadRequests(plan),
  ];
  return `${sections.filter(Boolean).join('\n\n')}\n`;
}

function formatForced(overridden: readonly SafetyRefusal[] | undefined): string {
  if (!overridden) return '';
  const forced = describeForced(overridden);
  return [
    '> [!WARNING]',
    `> **${escapeInline(forced.head)}**`,
    ...forced.lines.map((line) => `> - ${escapeInline(line)}`),
  ].join('\n');
}

function formatRefusals(plan: Plan): string {
  if (plan.refusals.length === 0) return '';
  return [
    '> [!CAUTION]',
    '> **Refused by safety checks: apply will not run this plan.**',
    ...plan.refusals.map((refusal) => `> - ${escapeInline(describeRefusalWithOverride(refusal))}`),
  ].join('\n');
}

function formatUnchecked(plan: Plan): string {
  const notes = plan.reads?.unchecked ?? [];
  if (notes.length === 0) return '';
  return ['> [!NOTE]', '> **Not checked:**', ...notes.map((note) => `> - ${escapeInline(note)}`)].join('\n');
}

function formatPlanTable(plan: Plan): string {
  const { summary } = plan;
  return formatTable(
    ['Create', 'Update', 'Delete', 'Unchanged', 'Unmanaged', 'Write requests'],
    [
      summary.create,
      summary.update,
      summary.delete,
      summary.unchanged,
      summary.unmanaged,
      plan.changes.length + countStorefrontRequests(plan),
    ],
  );
}

/** Groups, not requests: drift is read as "what differs", never as work to do. */
function formatDriftTable(plan: Plan): string {
  const counts = countDrift(plan);
  // Drift never prunes, so nothing is planned away; a group only in the store shows as unmanaged.
  return formatTable(
    ['Missing from store', 'Differ', 'In sync', 'Unmanaged'],
    [counts.missing, counts.differ, plan.summary.unchanged, plan.summary.unmanaged],
  );
}

function formatTable(headings: string[], counts: number[]): string {
  return [`| ${headings.join(' | ')} |`, `|${'---:|'.repeat(headings.length)}`, `| ${counts.join(' | ')} |`].join('\n');
}

function formatChanges(plan: Plan, dir: string): string {
  if (!hasChanges(plan)) return `No changes: the store matches ${folderLabel(dir)}.`;
  return [...plan.changes.map((change) => formatChange(change, plan)), formatStorefront(plan)]
    .filter(Boolean)
    .join('\n\n');
}

/** Assignments and channel roles, a line each, names escaped like every other line from the store. */
function formatStorefront(plan: Plan, attribution?: PlanAttribution): string {
  const lines = storefrontLines(plan.storefront, attribution);
  if (lines.length === 0) return '';
  const shown = lines.map(({ sign, text }) => `- \`${sign}\` ${escapeInline(text)}`);
  return [`#### ${STOREFRONT_HEADING} (${lines.length})`, ...shown].join('\n');
}

const AT_DEFAULTS =
  "Every field at the API's defaults: every category visible, no discount rules, neither the default nor the guest group.";

function formatChange(whole: Change, plan: Plan, view?: ChangeView): string {
  const change = view?.change ?? whole;
  const reason = view?.reason ?? describeReasons(change);
  const lines = changeLines(change, 'split', plan.catalog_names).map(
    (line) => `${line.sign} ${'  '.repeat(line.depth)}${line.text}`,
  );
  const parts = [
    `<details>\n<summary>${ACTION_SIGN[change.action]} ${escapeHtml(labelOf(change))}: ${escapeHtml(reason)}</summary>`,
  ];
  if (lines.length > 0) {
    const fence = fenceFor(lines);
    parts.push(`${fence}diff\n${lines.join('\n')}\n${fence}`);
  } else if (change.action === 'create') {
    // A create at the API's defaults has no field to show: say what the group will be.
    parts.push(AT_DEFAULTS);
  }
  const words = [
    ...audienceLines(change),
    ...ruleWords(change, plan.catalog_names),
    ...(view?.note ? [view.note] : []),
  ];
  if (words.length > 0) parts.push(words.map((phrase) => `- ${escapeInline(phrase)}`).join('\n'));
  const waits = dependencyLabels(change, plan);
  if (waits.length > 0) parts.push(`Waits for: ${escapeInline(waits.join(', '))}`);
  // Nothing to unfold: one line rather than an empty block.
  if (parts.length === 1)
    return `${ACTION_SIGN[change.action]} ${escapeInline(labelOf(change))}: ${escapeInline(reason)}`;
  return `${parts.join('\n\n')}\n\n</details>`;
}

/** What the pull request does, first; then what was pending anyway, and what it no longer does. */
function formatAttributed(plan: Plan, attribution: Attribution, dir: string): string[] {
  const { own, pending } = splitByOrigin(plan.changes, attribution);
  const overwrites = overwriteLines(plan, attribution);
  const warning =
    overwrites.length === 0
      ? ''
      : [
          '> [!WARNING]',
          `> **${OVERWRITE_WARNING}.** ${OVERWRITE_NOTE}`,
          ...overwrites.map((line) => `> - ${escapeInline(line)}`),
        ].join('\n');
  const section = (heading: string, changes: Change[], note?: string) =>
    changes.length === 0
      ? ''
      : [
          `### ${heading} (${changes.length})`,
          ...(note ? [`_${note}_`] : []),
          ...changes.map((change) => formatChange(change, plan, viewChange(change, attribution, plan.catalog_names))),
        ].join('\n\n');
  const dropped =
    attribution.dropped.length === 0
      ? ''
      : [
          `### ${DROPPED_HEADING} (${attribution.dropped.length})`,
          `_${DROPPED_NOTE}_`,
          droppedLines(attribution, plan.catalog_names)
            .map((line) => `- ${escapeInline(line)}`)
            .join('\n'),
        ].join('\n\n');
  const changes = plan.changes.length === 0 ? formatChanges(plan, dir) : formatStorefront(plan, attribution);
  return [
    escapeInline(describeAttribution(plan, attribution)),
    warning,
    formatPlanTable(plan),
    changes,
    section(OWN_HEADING, own),
    section(PENDING_HEADING, pending, PENDING_NOTE),
    dropped,
  ];
}

function formatDrift(plan: Plan): string {
  const lines = driftLines(plan);
  return lines.length === 0 ? describeNoDrift(plan) : lines.map((line) => `- ${escapeInline(line)}`).join('\n');
}

function formatNotes(plan: Plan): string {
  if (!plan.notes?.length) return '';
  return `**Notes**:\n\n${plan.notes.map((note) => `- ${escapeInline(note.name)} (id ${note.id}): ${escapeInline(describeReasons(note))}`).join('\n')}`;
}

function formatUnmanaged(plan: Plan, dir: string, drift: boolean): string {
  if (plan.unmanaged.length === 0) return '';
  const [title, rest] = splitHeading(drift ? UNMANAGED_HEADING_DRIFT : unmanagedHeadingPlan(dir));
  return `**${title}** ${rest}:\n\n${plan.unmanaged.map((group) => `- ${escapeInline(group.name)} (id ${group.id})`).join('\n')}`;
}

/** "Unmanaged (in the store, ...)" -> ["Unmanaged", "(in the store, ...)"], for a bold title. */
function splitHeading(heading: string): [string, string] {
  const space = heading.indexOf(' ');
  return [heading.slice(0, space), heading.slice(space + 1)];
}
