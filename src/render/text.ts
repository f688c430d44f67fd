// Terraform-like text for a terminal and CI logs: + create, ~ update, - delete, field by field.
import type { Change, Plan } from '../model.js';
import { paint, type Style } from './ansi.js';
import { escapeStrings } from './escape.js';
import { countDrift, describeNoDrift, driftLines, unmanagedHeadingPlan, UNMANAGED_HEADING_DRIFT } from './drift.js';
import { ACTION_SIGN, changeLines, dependencyLabels, formatRequestCount, formatSummaryLine, labelOf, ruleWords, type Sign } from './lines.js';
import { describeReasons } from './words.js';
import { count as countOf, folderLabel } from '../words.js';

export interface TextOptions {
  color: boolean;
  mode?: 'plan' | 'drift';
  /** The folder of group files, as messages name it (default groups). */
  dir?: string;
}

const SIGN_STYLE: Record<Sign, Style | undefined> = { '+': 'green', '-': 'red', '~': 'yellow', ' ': undefined };

export function renderText(rawPlan: Plan, options: TextOptions): string {
  const plan = escapeStrings(rawPlan);
  const dir = options.dir ?? 'groups';
  const blocks = [formatRefusals(plan, options.color), options.mode === 'drift' ? formatDrift(plan, dir, options.color) : formatChanges(plan, dir, options.color), formatUnmanaged(plan, dir, options.mode ?? 'plan')];
  const footer = options.mode === 'drift' ? formatDriftFooter(plan) : formatPlanFooter(plan, options.color);
  return `${[...blocks.filter(Boolean), footer].join('\n\n')}\n`;
}

function formatRefusals(plan: Plan, color: boolean): string {
  if (plan.refusals.length === 0) return '';
  const head = paint('Refused by safety checks: apply will not run this plan.', 'bold', color);
  return [paint(head, 'red', color), ...plan.refusals.map((refusal) => paint(`  ! ${refusal.message}`, 'red', color))].join('\n');
}

function formatChanges(plan: Plan, dir: string, color: boolean): string {
  if (plan.changes.length === 0) return `No changes: the store matches ${folderLabel(dir)}.`;
  return ['Changes to the store:', ...plan.changes.map((change) => formatChange(change, plan, color))].join('\n\n');
}

function formatChange(change: Change, plan: Plan, color: boolean): string {
  const sign = ACTION_SIGN[change.action];
  const lines = [`  ${paint(sign, SIGN_STYLE[sign] ?? 'bold', color)} ${paint(labelOf(change), 'bold', color)}: ${describeReasons(change)}`];
  for (const line of changeLines(change, 'arrow')) {
    const text = `${line.sign} ${'  '.repeat(line.depth)}${line.text}`;
    const style = SIGN_STYLE[line.sign];
    lines.push(`      ${style ? paint(text, style, color) : text}`);
  }
  const words = ruleWords(change);
  if (words.length > 0) lines.push(`        in words: ${words.join('; ')}`);
  const waits = dependencyLabels(change, plan);
  if (waits.length > 0) lines.push(paint(`      waits for: ${waits.join(', ')}`, 'dim', color));
  return lines.join('\n');
}

function formatUnmanaged(plan: Plan, dir: string, mode: 'plan' | 'drift'): string {
  if (plan.unmanaged.length === 0) return '';
  const heading = mode === 'drift' ? UNMANAGED_HEADING_DRIFT : unmanagedHeadingPlan(dir);
  return `${heading}:\n${plan.unmanaged.map((group) => `  ${group.name} (id ${group.id})`).join('\n')}`;
}

function formatPlanFooter(plan: Plan, color: boolean): string {
  const requests = plan.requests;
  const summary = paint(formatSummaryLine(plan.summary), 'bold', color);
  return requests > 0 ? `${summary}\n${formatRequestCount(requests)}` : summary;
}

function formatDrift(plan: Plan, dir: string, color: boolean): string {
  const lines = driftLines(plan);
  if (lines.length === 0) return describeNoDrift(plan);
  return [`Differences between the store and ${folderLabel(dir)}:`, ...lines.map((line) => `  ${paint('*', 'yellow', color)} ${line}`)].join('\n');
}

function formatDriftFooter(plan: Plan): string {
  const counts = countDrift(plan);
  const differing = counts.missing + counts.differ + counts.extra;
  return `Drift: ${countOf(differing, 'group')} differ${differing === 1 ? 's' : ''}, ${plan.summary.unchanged} in sync, ${plan.summary.unmanaged} unmanaged.`;
}
