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
import { clipQuoted } from '../text/clip.js';
import { folderLabel } from '../text/words.js';
import { fitPieces, type Piece } from './fit.js';
import { ACTION_SIGN, changeLines, countWriteRequests, dependencyLabels, labelOf, ruleWords } from './lines.js';
import { describeNotices } from './notices.js';
import { describeReasons } from './words.js';
import { audienceLines, describeReadRequests } from './audience.js';
import { referenceLines } from './group-references.js';
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
  /** Shorten to at most this many bytes, cutting between whole changes (a comment, a step summary). */
  maxBytes?: number | undefined;
  /** Where the whole plan is, said when shortened. */
  fullAt?: string;
}

export function renderMarkdown(rawPlan: Plan, options: MarkdownOptions = {}): string {
  const fit = {
    maxBytes: options.maxBytes,
    fullAt: options.fullAt ?? FULL_PLAN_AT,
    noun: options.mode === 'drift' ? 'differing group' : 'change',
  };
  return `${fitPieces(renderMarkdownPieces(rawPlan, options), fit)}\n`;
}

/** Where the whole plan is when the markdown had to be shortened and the caller names no better place. */
export const FULL_PLAN_AT = '`bcgroups plan` in text or JSON, and the saved plan file (--out)';

/** The markdown in pieces a size limit may cut between: the heading, warnings and counts are always kept. */
export function renderMarkdownPieces(rawPlan: Plan, options: MarkdownOptions = {}): Piece[] {
  const plan = escapeStrings(rawPlan);
  const drift = options.mode === 'drift';
  const dir = options.dir ?? 'groups';
  const title = options.title ?? (drift ? 'bcgroups drift' : 'bcgroups plan');
  const attribution = drift || !options.attribution ? undefined : escapeAttribution(options.attribution);
  const body: Piece[] = drift
    ? [keep(formatDriftTable(plan)), ...formatDrift(plan)]
    : attribution?.compared
      ? formatAttributed(plan, attribution, dir)
      : [keep(formatPlanTable(plan)), ...formatChanges(plan, dir)];
  const off =
    attribution && !attribution.compared ? `> [!NOTE]\n> ${escapeInline(describeAttributionOff(attribution))}` : '';
  const heading = options.store ? `${title}: ${describeStore(options.store)}` : title;
  const pieces: Piece[] = [
    keep(`## ${escapeInline(heading)}`),
    keep(formatForced(options.forced)),
    keep(formatRefusals(plan)),
    keep(formatUnchecked(plan)),
    keep(off),
    ...body,
    keep(drift ? '' : formatNotices(plan)),
    { text: drift ? '' : formatNotes(plan), what: 'the notes' },
    { text: formatUnmanaged(plan, dir, drift), what: 'the list of unmanaged groups' },
    keep(describeReadRequests(plan)),
  ];
  return pieces.filter((piece) => piece.text !== '');
}

function keep(text: string): Piece {
  return { text, keep: true };
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

function formatNotices(plan: Plan): string {
  return describeNotices(plan)
    .map((notice) => `> [!IMPORTANT]\n> ${escapeInline(notice)}`)
    .join('\n\n');
}

function formatUnchecked(plan: Plan): string {
  const notes = plan.reads?.unchecked ?? [];
  if (notes.length === 0) return '';
  return ['> [!NOTE]', '> **Not checked:**', ...notes.map((note) => `> - ${escapeInline(note)}`)].join('\n');
}

function formatPlanTable(plan: Plan): string {
  const { summary } = plan;
  const ignored = summary.ignored === undefined ? [] : [summary.ignored];
  return formatTable(
    [
      'Create',
      'Update',
      'Delete',
      'Unchanged',
      'Unmanaged',
      ...(ignored.length > 0 ? ['Ignored'] : []),
      'Write requests',
    ],
    [
      summary.create,
      summary.update,
      summary.delete,
      summary.unchanged,
      summary.unmanaged,
      ...ignored,
      countWriteRequests(plan) + countStorefrontRequests(plan),
    ],
  );
}

/** Groups, not requests: drift is read as "what differs", never as work to do. */
function formatDriftTable(plan: Plan): string {
  const counts = countDrift(plan);
  // Drift never prunes, so nothing is planned away; a group only in the store shows as unmanaged.
  const ignored = plan.summary.ignored === undefined ? [] : [plan.summary.ignored];
  return formatTable(
    ['Missing from store', 'Differ', 'In sync', 'Unmanaged', ...(ignored.length > 0 ? ['Ignored'] : [])],
    [counts.missing, counts.differ, plan.summary.unchanged, plan.summary.unmanaged, ...ignored],
  );
}

function formatTable(headings: string[], counts: number[]): string {
  return [`| ${headings.join(' | ')} |`, `|${'---:|'.repeat(headings.length)}`, `| ${counts.join(' | ')} |`].join('\n');
}

function formatChanges(plan: Plan, dir: string, attribution?: PlanAttribution): Piece[] {
  if (!hasChanges(plan)) return [keep(`No changes: the store matches ${folderLabel(dir)}.`)];
  return [...plan.changes.map((change) => changePiece(change, plan)), ...storefrontPieces(plan, attribution)];
}

function changePiece(change: Change, plan: Plan, view?: ChangeView): Piece {
  return { text: formatChange(change, plan, view), change: labelOf(change) };
}

/** Assignments and channel roles, a line each, names escaped like every other line from the store. */
function storefrontPieces(plan: Plan, attribution?: PlanAttribution): Piece[] {
  const lines = storefrontLines(plan.storefront, attribution);
  if (lines.length === 0) return [];
  const shown = lines.map(({ sign, text }) => `- \`${sign}\` ${escapeInline(text)}`);
  return [
    {
      text: [`#### ${STOREFRONT_HEADING} (${lines.length})`, ...shown].join('\n'),
      what: 'the price list and channel changes',
    },
  ];
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
    ...referenceLines(change),
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
function formatAttributed(plan: Plan, attribution: Attribution, dir: string): Piece[] {
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
  const section = (heading: string, changes: Change[], note?: string): Piece[] =>
    changes.length === 0
      ? []
      : [
          { text: [`### ${heading} (${changes.length})`, ...(note ? [`_${note}_`] : [])].join('\n\n') },
          ...changes.map((change) => changePiece(change, plan, viewChange(change, attribution, plan.catalog_names))),
        ];
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
  return [
    keep(escapeInline(describeAttribution(plan, attribution))),
    keep(warning),
    keep(formatPlanTable(plan)),
    ...(plan.changes.length === 0 ? formatChanges(plan, dir, attribution) : storefrontPieces(plan, attribution)),
    ...section(OWN_HEADING, own),
    ...section(PENDING_HEADING, pending, PENDING_NOTE),
    { text: dropped, what: 'the changes no longer pending' },
  ];
}

/** One piece per group that differs, so a long report is cut between groups. */
function formatDrift(plan: Plan): Piece[] {
  const lines = driftLines(plan);
  if (lines.length === 0) return [keep(describeNoDrift(plan))];
  return lines.map((line, index) => ({
    text: `- ${escapeInline(line)}`,
    change: clipQuoted(line),
    ...(index === 0 ? {} : { before: '\n' }),
  }));
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
