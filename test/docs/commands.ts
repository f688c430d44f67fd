// Finds `bcgroups <command> --flag` invocations in shell text and checks them against the real CLI, so
// the README and the workflows can only mention commands and flags that exist.
import { flagsOf, GLOBAL_OPTIONS } from '../../src/cli/args.js';
import { commands } from '../../src/cli/commands/index.js';

export interface Invocation {
  command: string;
  flags: string[];
  /** The command line as found, for messages. */
  line: string;
}

/** Flags every command takes, and what `bcgroups` alone accepts before a command. */
const GLOBAL_FLAGS = flagsOf(GLOBAL_OPTIONS).map(toFlagName);
const MAIN_FLAGS = [...GLOBAL_FLAGS, 'version', 'V', 'v'];

/** Every `bcgroups ...` invocation in shell text; a trailing backslash continues a line. */
export function extractInvocations(shell: string): Invocation[] {
  const lines = shell.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  const invocations: Invocation[] = [];
  for (const raw of lines) {
    const line = raw.replace(/(^|\s)#.*$/, '');
    for (const segment of line.split(/&&|\|\||;|\|/)) {
      const match = segment.match(/(?:^|[\s"'(`])bcgroups\s+(.*)$/);
      if (!match) continue;
      // Redirections end the arguments: `> plan.md`, `2>&1`, `< input`.
      const words = (match[1] ?? '')
        .replace(/\s*\d*[<>].*$/, '')
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      const [first = '', ...args] = words;
      const topLevel = first.startsWith('-');
      // Global flags may come before the command: `bcgroups --config ci.json plan`.
      const leading = topLevel ? leadingFlags(words) : [];
      const commandWord = topLevel ? words[leading.length] : first;
      const rest = topLevel ? words.slice(leading.length + 1) : args;
      const flags = [...leading, ...rest].filter((word) => word.startsWith('-') && word !== '--');
      invocations.push({ command: commandWord ?? '', flags: flags.map(toFlagName), line: raw.trim() });
    }
  }
  return invocations;
}

/** The words before the command, with the value of a `--config FILE`. */
function leadingFlags(words: string[]): string[] {
  const leading: string[] = [];
  for (let index = 0; index < words.length && words[index]?.startsWith('-'); index++) {
    leading.push(words[index] ?? '');
    if (words[index] === '--config') leading.push(words[++index] ?? '');
  }
  return leading;
}

function toFlagName(word: string): string {
  return word.replace(/^-+/, '').split('=')[0] ?? '';
}

/** Problems of one invocation: an unknown command, or a flag the command does not take. */
export function checkInvocation(invocation: Invocation): string[] {
  if (invocation.command === '') {
    return invocation.flags
      .filter((flag) => !MAIN_FLAGS.includes(flag))
      .map((flag) => `'${invocation.line}': bcgroups has no top-level flag --${flag}`);
  }
  // `bcgroups help [COMMAND]` prints the help, and takes no flags.
  if (invocation.command === 'help' && invocation.flags.length === 0) return [];
  const command = commands.find((c) => c.name === invocation.command);
  if (!command)
    return [
      `'${invocation.line}': no command '${invocation.command}' (known: ${commands.map((c) => c.name).join(', ')})`,
    ];
  const known = new Set([...GLOBAL_FLAGS, ...flagsOf(command.options).map(toFlagName)]);
  return invocation.flags
    .filter((flag) => !known.has(flag))
    .map((flag) => `'${invocation.line}': '${command.name}' has no flag --${flag}`);
}

/** The fenced code blocks of a markdown text (list items may indent them), with their language. */
export function extractCodeBlocks(markdown: string): { lang: string; text: string }[] {
  const blocks: { lang: string; text: string }[] = [];
  for (const match of markdown.matchAll(/^[ \t]*```(\w*)[^\n]*\n([\s\S]*?)^[ \t]*```[ \t]*$/gm)) {
    blocks.push({ lang: match[1] ?? '', text: match[2] ?? '' });
  }
  return blocks;
}

/** The text of a markdown section: from its heading to the next heading of the same or a higher level. */
export function extractSection(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.replace(/^#+\s*/, '') === heading && line.startsWith('#'));
  if (start < 0) return '';
  const level = (lines[start]?.match(/^#+/)?.[0] ?? '#').length;
  const end = lines.findIndex(
    (line, index) => index > start && /^#+\s/.test(line) && (line.match(/^#+/)?.[0].length ?? 0) <= level,
  );
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The cells of each markdown table row in a text, trimmed; divider rows are left out, header rows kept. */
export function extractTableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.trim().startsWith('|') && !/^\|[\s:|-]+\|$/.test(line.trim()))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

/** The steps that `text` lacks in this order, each looked for after the one before it (empty: all there). */
export function findStepsOutOfOrder(text: string, steps: readonly string[]): string[] {
  let from = 0;
  const missing: string[] = [];
  for (const step of steps) {
    const at = text.indexOf(step, from);
    if (at < 0) missing.push(step);
    else from = at;
  }
  return missing;
}
