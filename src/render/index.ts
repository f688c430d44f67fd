// Renderers are interchangeable functions of a plan; commands pick one by format.
import type { Plan, SafetyRefusal } from '../model/index.js';
import type { PlanStore } from './header.js';
import type { PlanAttribution } from './attribution.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export { renderText, type TextOptions } from './text.js';
export { renderJson, type JsonOptions } from './json.js';
export { renderMarkdown, type MarkdownOptions } from './markdown.js';
export { escapeControl, escapeControlKeepLines } from './escape.js';
export type { PlanStore } from './header.js';
export { hasChanges } from './storefront-lines.js';

export const FORMATS = ['text', 'json', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** Colour for text on a terminal; json and markdown ignore it. */
  color: boolean;
  mode: 'plan' | 'drift';
  /** The folder of group files, as text and markdown name it. */
  dir?: string;
  /** Plan mode next to a baseline (plan --baseline). */
  attribution?: PlanAttribution;
  /** The store, named at the top of text and markdown. */
  store?: PlanStore;
  /** Made with --force: the refusals it overrode, said at the top of text and markdown. */
  forced?: readonly SafetyRefusal[];
  /** Markdown only: shorten to at most this many bytes, between whole changes, saying where the rest is. */
  maxBytes?: number | undefined;
  fullAt?: string;
}

const RENDERERS: Record<Format, (plan: Plan, options: RenderOptions) => string> = {
  text: renderText,
  json: renderJson,
  markdown: renderMarkdown,
};

export function renderPlanAs(format: Format, plan: Plan, options: RenderOptions): string {
  return RENDERERS[format](plan, options);
}
