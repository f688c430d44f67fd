// Markdown is read by GitHub, and group names, errors and reasons are user text: every markdown rendering
// (plan, several stores, apply, drift's missing pins) escapes through these, each for where the text sits.

/** A fence longer than any backtick run in the block, so a group name cannot close it early. */
export function fenceFor(lines: string[]): string {
  const longest = Math.max(0, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Text inside the raw HTML of <summary>: markdown is not parsed there, but HTML and references are. */
export function escapeHtml(text: string): string {
  return neutralizeReferences(escapeEntities(text));
}

/** &, < and > as entities, so user text cannot open HTML. */
export function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * GitHub links "@name" and "#12" after parsing, so a backslash does not stop them; an empty comment
 * splits the text node and does, invisibly. A group named "@team" must not ping anyone.
 */
function neutralizeReferences(text: string): string {
  return text.replace(/@/g, '@<!-- -->').replace(/#(?=\d)/g, '#<!-- -->');
}

/** Group names are user text: keep them from turning into markup (GitHub's ~strike~ and $math$ too). */
export function escapeInline(text: string): string {
  const escaped = escapeEntities(text).replace(/([\\`*_[\]|~$])/g, '\\$1');
  // At the start of a list item, "# ", "- ", "+ " or "1. " would open a heading or a nested list.
  return neutralizeReferences(escaped)
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Text inside an inline code span, which has no escapes: a backtick would close it, so it becomes a quote. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
