// `plan --all-stores`: one section per store, in each format; JSON wraps one plan per store in a versioned
// document. A store that could not be planned keeps its section, with what went wrong.
import type { Plan } from '../model/index.js';
import { escapeControlKeepLines } from './escape.js';
import type { Format } from './index.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';
import { escapeEntities } from './markdown-escape.js';

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
}

export function renderStoresAs(format: Format, sections: readonly StoreSection[], options: StoresOptions): string {
  switch (format) {
    case 'text':
      return `${describeStoresOf(sections, options.configFile)}\n\n${sections.map((section) => renderTextSection(section, options.color)).join('\n')}`;
    case 'markdown':
      return `${describeStoresOf(sections, `\`${options.configFile}\``)}\n\n${renderStoresMarkdown(sections)}`;
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

export function renderStoresMarkdown(sections: readonly StoreSection[]): string {
  return sections
    .map((section) => {
      const title = `bcgroups plan: store ${section.store}`;
      if ('error' in section.outcome) {
        const lines = section.outcome.error.split('\n').map((line) => `> ${escapeEntities(line)}`);
        return `## ${title}\n\n> [!WARNING]\n> **Could not plan this store.**\n${lines.join('\n')}\n`;
      }
      return renderMarkdown(section.outcome.plan, { mode: 'plan', title });
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
  const document = { format_version: ALL_STORES_FORMAT_VERSION, config_file: configFile, stores };
  return `${JSON.stringify(document, null, 2)}\n`;
}
