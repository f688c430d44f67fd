// Interchangeable renderings, each a pure function of the plan.
export { renderText, type TextOptions } from './text.js';
export { renderJson, type JsonOptions } from './json.js';
export { renderMarkdown, type MarkdownOptions } from './markdown.js';
export { describeRule } from './words.js';
