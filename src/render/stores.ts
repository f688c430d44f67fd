// `plan --all-stores`: one section per store, in each format; JSON wraps one plan per store in a versioned
// document. A store that could not be planned keeps its section, with what went wrong.
import type { Plan } from '../model/index.js';
import { escapeControlKeepLines } from './escape.js';
import type { Format } from './index.js';
import { renderJson } from './json.js';
import { fitPieces, type Piece } from './fit.js';
import { FULL_PLAN_AT, renderMarkdown } from './markdown.js';
import { renderText } from './text.js';
import { escapeEntities } from './markdown-escape.js';
import { stringifyJson } from '../text/hidden.js';

export interface StoreSection {
  store: string;
  storeHash: string;
  /**
   * The plan with `readLine` (the retries and waits of its reads, or '' when there were none), or why there
   * is no plan (a missing token, an API error, a pin that does not fit).
   */
  outcome: { plan: Plan; readLine: string } | { error: string };
}

export const ALL_STORES_FORMAT_VERSION = 1;

export interface StoresOptions {
  color: boolean;
  /** The config file the stores come from, as the user would name it. */
  configFile: string;
  /** The most bytes the markdown may take, cut on whole changes (the PR comment's share). */
  maxBytes?: number | undefined;
  /** Where the whole plan is, for the note of what a cut left out. */
  fullAt?: string;
}

export function renderStoresAs(format: Format, sections: readonly StoreSection[], options: StoresOptions): string {
  switch (format) {
    case 'text':
      return `${describeStoresOf(sections, options.configFile)}\n\n${sections.map((section) => renderTextSection(section, options.color)).join('\n')}`;
    case 'markdown':
      return `${describeStoresOf(sections, `\`${options.configFile}\``)}\n\n${renderStoresMarkdown(sections, options)}`;
    case 'json':
      return renderStoresJson(sections, options.configFile);
  }
}

/** "Plans of 2 stores named in bcgroups.config.yaml: production, staging." */
function describeStoresOf(sections: readonly StoreSection[], configFile: string): string {
  const names = sections.map((section) => section.store).join(', ');
  return `Plans of ${sections.length === 1 ? 'the store' : `${sections.length} stores`} named in ${configFile}: ${names}.`;
}

function renderTextSection(section: StoreSection, color: boolean): string {
  const head = `━━ Store ${section.store} (${section.storeHash})\n\n`;
  if ('error' in section.outcome)
    return `${head}Could not plan this store: ${escapeControlKeepLines(section.outcome.error)}\n`;
  return `${head}${renderText(section.outcome.plan, { color, mode: 'plan' })}${section.outcome.readLine ? `${section.outcome.readLine}\n` : ''}`;
}

/**
 * One section per store; with `maxBytes`, each store gets an equal share and is cut between whole changes,
 * so one store's long plan can neither push another's out nor leave a block open across the next heading.
 */
export function renderStoresMarkdown(
  sections: readonly StoreSection[],
  limit: { maxBytes?: number | undefined; fullAt?: string } = {},
): string {
  const share = limit.maxBytes === undefined ? undefined : Math.floor(limit.maxBytes / sections.length) - 1;
  const fullAt = limit.fullAt ?? FULL_PLAN_AT;
  return sections
    .map((section) => {
      const title = `bcgroups plan: store ${section.store}`;
      if ('error' in section.outcome) {
        const lines = section.outcome.error.split('\n').map((line) => `> ${escapeEntities(line)}`);
        const pieces: Piece[] = [
          { text: `## ${title}`, keep: true },
          { text: '> [!WARNING]\n> **Could not plan this store.**', keep: true },
          ...lines.map((line, index) => ({ text: line, before: '\n', ...(index === 0 ? { keep: true } : {}) })),
        ];
        return `${fitPieces(pieces, { maxBytes: share, fullAt: 'the run log' })}\n`;
      }
      return renderMarkdown(section.outcome.plan, { mode: 'plan', title, maxBytes: share, fullAt });
    })
    .join('\n');
}

function renderStoresJson(sections: readonly StoreSection[], configFile: string): string {
  const stores = sections.map((section) => ({
    store: section.store,
    store_hash: section.storeHash,
    ...('error' in section.outcome
      ? { error: section.outcome.error }
      : { plan: JSON.parse(renderJson(section.outcome.plan)) as unknown }),
  }));
  return stringifyJson({ format_version: ALL_STORES_FORMAT_VERSION, config_file: configFile, stores });
}
