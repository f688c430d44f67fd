// One-line YAML nodes for the fast path (fast-parse.ts): plain keys, quoted scalars without escapes,
// flow collections on one line, plain scalars. Whatever is not plain throws NOT_PLAIN.
import { isNonStringKey, resolvePlainScalar } from './fast-scalars.js';

/** Thrown (never as an Error, so no stack is taken) when only the exact path may read the text. */
export const NOT_PLAIN = Symbol('not plain');

export const SPACE = 32;
export const NEWLINE = 10;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;

/** Deeper than a group file goes; the exact path reads (or refuses) the rest. */
const MAX_DEPTH = 12;
/** yaml refuses an implicit key more than 1024 characters long; keys this long take the exact path. */
const MAX_KEY_LENGTH = 200;

/** Characters a plain scalar may not start with (YAML's indicators), and the flow ones it may not hold. */
const PLAIN_START_REFUSED = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((char) => char.charCodeAt(0)));
const FLOW_PLAIN_REFUSED = new Set([...',[]{}:#\'"'].map((char) => char.charCodeAt(0)));

export function isKeyChar(code: number, first: boolean): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || (!first && code >= 48 && code <= 57)
  );
}

export class InlineReader {
  protected readonly text: string;
  protected depth = 0;

  constructor(text: string) {
    this.text = text;
  }

  protected keyEnd(from: number): number {
    const text = this.text;
    let end = from;
    while (isKeyChar(text.charCodeAt(end), end === from)) end += 1;
    return end;
  }

  protected readKey(from: number): string {
    const end = this.keyEnd(from);
    const key = this.text.slice(from, end);
    if (end === from || end - from > MAX_KEY_LENGTH || key === '__proto__' || isNonStringKey(key)) throw NOT_PLAIN;
    return key;
  }

  protected enter(): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw NOT_PLAIN;
  }

  /** An indicator cannot start a plain scalar; a dash can when a digit, letter or dot follows (`-5`). */
  protected isRefusedStart(at: number): boolean {
    const code = this.text.charCodeAt(at);
    if (code !== DASH) return PLAIN_START_REFUSED.has(code);
    const next = this.text.charCodeAt(at + 1);
    return !((next >= 48 && next <= 57) || next === 46 || isKeyChar(next, true));
  }

  /** One flow node on this line: a quoted scalar, a flow sequence or mapping, or a plain flow scalar. */
  protected readFlowNode(at: number): { value: unknown; next: number } {
    const text = this.text;
    const code = text.charCodeAt(at);
    if (code === 34) {
      const close = this.findOnLine('"', at + 1);
      const value = text.slice(at + 1, close);
      if (value.includes('\\')) throw NOT_PLAIN;
      return { value, next: close + 1 };
    }
    if (code === 39) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const close = this.findOnLine("'", from);
        value += text.slice(from, close);
        if (text.charCodeAt(close + 1) !== 39) return { value, next: close + 1 };
        value += "'";
        from = close + 2;
      }
    }
    if (code === 91) return this.readFlowSequence(at);
    if (code === 123) return this.readFlowMapping(at);
    if (this.isRefusedStart(at)) throw NOT_PLAIN;
    let end = at;
    for (let next = text.charCodeAt(end); end < text.length && next !== NEWLINE; next = text.charCodeAt(++end)) {
      if (next === 44 || next === 93 || next === 125) break;
      if (FLOW_PLAIN_REFUSED.has(next)) throw NOT_PLAIN;
    }
    let stop = end;
    while (text.charCodeAt(stop - 1) === SPACE) stop -= 1;
    return { value: resolvePlainScalar(text.slice(at, stop)), next: end };
  }

  protected findOnLine(quote: string, from: number): number {
    const close = this.text.indexOf(quote, from);
    const newline = this.text.indexOf('\n', from);
    if (close === -1 || (newline !== -1 && newline < close)) throw NOT_PLAIN;
    return close;
  }

  protected skipSpaces(at: number): number {
    let next = at;
    while (this.text.charCodeAt(next) === SPACE) next += 1;
    return next;
  }

  /** `[a, b]` on one line: no empty entries, no trailing comma, no pairs. */
  protected readFlowSequence(open: number): { value: unknown[]; next: number } {
    this.enter();
    const items: unknown[] = [];
    let at = this.skipSpaces(open + 1);
    if (this.text.charCodeAt(at) !== 93) {
      for (;;) {
        const node = this.readFlowNode(at);
        items.push(node.value);
        at = this.skipSpaces(node.next);
        const code = this.text.charCodeAt(at);
        if (code === 93) break;
        if (code !== 44) throw NOT_PLAIN;
        at = this.skipSpaces(at + 1);
        if (this.text.charCodeAt(at) === 93) throw NOT_PLAIN;
      }
    }
    this.depth -= 1;
    return { value: items, next: at + 1 };
  }

  /** `{key: value, ...}` on one line with plain keys, each followed by `: `. */
  protected readFlowMapping(open: number): { value: Record<string, unknown>; next: number } {
    this.enter();
    const mapping: Record<string, unknown> = {};
    let at = this.skipSpaces(open + 1);
    if (this.text.charCodeAt(at) !== 125) {
      for (;;) {
        const key = this.readKey(at);
        at += key.length;
        if (this.text.charCodeAt(at) !== COLON || this.text.charCodeAt(at + 1) !== SPACE) throw NOT_PLAIN;
        if (Object.hasOwn(mapping, key)) throw NOT_PLAIN;
        const node = this.readFlowNode(this.skipSpaces(at + 1));
        mapping[key] = node.value;
        at = this.skipSpaces(node.next);
        const code = this.text.charCodeAt(at);
        if (code === 125) break;
        if (code !== 44) throw NOT_PLAIN;
        at = this.skipSpaces(at + 1);
        if (this.text.charCodeAt(at) === 125) throw NOT_PLAIN;
      }
    }
    this.depth -= 1;
    return { value: mapping, next: at + 1 };
  }
}
