// A fast read of plain group files, by hand: block mappings with plain keys, block sequences, one-line
// flow collections and one-line scalars. It takes only what it can prove plain and reads it as the `yaml`
// package does; anything else (and anything yaml would refuse) returns undefined, and the caller takes
// the exact path (parse.ts), which also finds the positions and words the problems. So the fast path is
// never more lenient than the exact one, and which path a file takes never changes what it means.
import { COLON, DASH, HASH, InlineReader, NEWLINE, NOT_PLAIN, SPACE } from './fast-inline.js';
import { resolvePlainScalar } from './fast-scalars.js';

/** Characters the fast path leaves to the exact parser wherever they stand, comments included. */
const DOUBTFUL_CHARACTER = /[\t\r\uFEFF\u2028\u2029\uFFFE\uFFFF\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/;
/** A quick scan for those and for surrogates, which are doubtful only without their other half. */
const DOUBTFUL_OR_SURROGATE = /[\t\r\uFEFF\u2028\u2029\uFFFE\uFFFF\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasDoubtfulText(text: string): boolean {
  return DOUBTFUL_OR_SURROGATE.test(text) && (DOUBTFUL_CHARACTER.test(text) || LONE_SURROGATE.test(text));
}

/** The value of a plain group file, or undefined when only the exact path may say what it holds. */
export function parseFastYaml(text: string): Record<string, unknown> | undefined {
  if (hasDoubtfulText(text)) return undefined;
  try {
    return new PlainReader(text).readDocument();
  } catch (error) {
    if (error === NOT_PLAIN) return undefined;
    throw error;
  }
}

class PlainReader extends InlineReader {
  /** The first character of the current content line (after its indentation), or text.length at the end. */
  private pos = 0;
  /** The current content line's indentation, or -1 at the end of the text. */
  private indent = -1;

  readDocument(): Record<string, unknown> | undefined {
    this.skipToContent(0);
    if (this.indent !== 0 || !this.isKeyLine()) return undefined;
    const value = this.readBlockMapping(0);
    // Back at indentation 0 with no key, or anything left over, is not a plain group file.
    return this.pos === this.text.length ? value : undefined;
  }

  /** From `from` (a line start) to the next line that is neither blank nor only a comment. */
  private skipToContent(from: number): void {
    const text = this.text;
    let at = from;
    while (at < text.length) {
      let first = at;
      while (text.charCodeAt(first) === SPACE) first += 1;
      const code = text.charCodeAt(first);
      if (first < text.length && code !== NEWLINE && code !== HASH) {
        this.pos = first;
        this.indent = first - at;
        return;
      }
      const end = text.indexOf('\n', first);
      if (end === -1) break;
      at = end + 1;
    }
    this.pos = text.length;
    this.indent = -1;
  }

  /** The rest of the line must be blank or a comment after a space; then on to the next content line. */
  private finishLine(at: number): void {
    const text = this.text;
    let end = at;
    while (text.charCodeAt(end) === SPACE) end += 1;
    if (end < text.length && text.charCodeAt(end) !== NEWLINE) {
      if (text.charCodeAt(end) !== HASH || end === at) throw NOT_PLAIN;
      end = text.indexOf('\n', end);
      if (end === -1) end = text.length;
    }
    this.skipToContent(end + 1);
  }

  private isSeqLine(): boolean {
    const next = this.text.charCodeAt(this.pos + 1);
    return this.text.charCodeAt(this.pos) === DASH && (next === SPACE || next === NEWLINE || Number.isNaN(next));
  }

  /** A plain key, its colon, then a space or the line's end. */
  private isKeyLine(): boolean {
    const end = this.keyEnd(this.pos);
    if (end === this.pos || this.text.charCodeAt(end) !== COLON) return false;
    const next = this.text.charCodeAt(end + 1);
    return next === SPACE || next === NEWLINE || Number.isNaN(next);
  }

  /** Keys at exactly `indent`; a nested block is more indented, or a sequence at the same indentation. */
  private readBlockMapping(indent: number): Record<string, unknown> {
    this.enter();
    const mapping: Record<string, unknown> = {};
    while (this.indent === indent) {
      if (!this.isKeyLine()) throw NOT_PLAIN;
      const key = this.readKey(this.pos);
      if (Object.hasOwn(mapping, key)) throw NOT_PLAIN;
      let at = this.pos + key.length + 1;
      while (this.text.charCodeAt(at) === SPACE) at += 1;
      const code = this.text.charCodeAt(at);
      if (at >= this.text.length || code === NEWLINE || code === HASH) {
        this.finishLine(at);
        mapping[key] = this.readNestedBlock(indent);
      } else {
        mapping[key] = this.readInlineValue(at);
      }
    }
    if (this.indent > indent) throw NOT_PLAIN;
    this.depth -= 1;
    return mapping;
  }

  /** What follows `key:` on the lines below: a mapping, a sequence, or nothing (null). */
  private readNestedBlock(indent: number): unknown {
    if (this.indent === -1 || this.indent < indent) return null;
    if (this.isSeqLine()) return this.readBlockSequence(this.indent);
    if (this.indent === indent) return null;
    if (this.isKeyLine()) return this.readBlockMapping(this.indent);
    throw NOT_PLAIN;
  }

  /** Items `- ` at exactly `indent`, each a one-line value or a compact mapping; no empty or nested items. */
  private readBlockSequence(indent: number): unknown[] {
    this.enter();
    const items: unknown[] = [];
    while (this.indent === indent && this.isSeqLine()) {
      let at = this.pos + 1;
      while (this.text.charCodeAt(at) === SPACE) at += 1;
      const code = this.text.charCodeAt(at);
      if (at >= this.text.length || code === NEWLINE || code === HASH || at === this.pos + 1) throw NOT_PLAIN;
      const dash = this.pos;
      this.pos = at;
      if (this.isSeqLine()) throw NOT_PLAIN;
      if (this.isKeyLine()) {
        // A compact mapping: its keys line up under the first one, after the dash.
        this.indent = indent + (at - dash);
        items.push(this.readBlockMapping(this.indent));
      } else {
        items.push(this.readInlineValue(at));
      }
    }
    if (this.indent > indent) throw NOT_PLAIN;
    this.depth -= 1;
    return items;
  }

  /** A one-line value after `key: ` or `- `, then the rest of its line. */
  private readInlineValue(at: number): unknown {
    const code = this.text.charCodeAt(at);
    let value: unknown;
    if (code === 34 || code === 39 || code === 91 || code === 123) {
      const end = this.readFlowNode(at);
      value = end.value;
      this.finishLine(end.next);
      return value;
    }
    if (this.isRefusedStart(at)) throw NOT_PLAIN;
    const text = this.text;
    let end = at;
    let stop = -1;
    for (let code = text.charCodeAt(end); end < text.length && code !== NEWLINE; code = text.charCodeAt(++end)) {
      if (code === HASH && stop === -1 && text.charCodeAt(end - 1) === SPACE) stop = end;
    }
    if (stop === -1) stop = end;
    while (text.charCodeAt(stop - 1) === SPACE) stop -= 1;
    const plain = text.slice(at, stop);
    if (plain.includes(': ') || plain.charCodeAt(plain.length - 1) === COLON) throw NOT_PLAIN;
    this.skipToContent(end + 1);
    return resolvePlainScalar(plain);
  }
}
