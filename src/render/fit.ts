// Markdown under a size limit (a pull request comment, GitHub's step summary): cut only between whole
// pieces, so no <details> block or diff fence is left open, and say at the top what was left out and
// where the whole plan is. Sizes are UTF-8 bytes, never fewer than the characters GitHub counts.
import { count } from '../text/words.js';
import { escapeInline } from './markdown-escape.js';

export interface Piece {
  text: string;
  /** What goes before this piece when it follows another (a blank line unless said). */
  before?: string;
  /** A change (or a change's result): its label, named in the note when the cut starts there. */
  change?: string;
  /** What else a reader loses if this piece is left out ("the unmanaged groups"). */
  what?: string;
  /** Always shown: the heading, refusals, the counts; a reader must never lose these. */
  keep?: boolean;
}

export interface FitOptions {
  /** At most this many bytes; none means no limit. */
  maxBytes?: number | undefined;
  /** Where the whole text is, for the note: "the saved plan file (--out)". Our own words: not escaped. */
  fullAt: string;
  /** What a counted piece is called in the note (default "change"). */
  noun?: string;
}

/** Room kept for the note itself, so the shortened text with its note stays under the limit. */
const NOTE_ROOM = 1024;

export function fitPieces(pieces: readonly Piece[], options: FitOptions): string {
  const whole = joinPieces(pieces);
  if (options.maxBytes === undefined || byteLength(whole) <= options.maxBytes) return whole;
  const budget = options.maxBytes - NOTE_ROOM;
  const kept: Piece[] = [];
  const left: Piece[] = [];
  let used = 0;
  let cut = false;
  for (const piece of pieces) {
    const size = byteLength(piece.before ?? '\n\n') + byteLength(piece.text);
    // After the first change left out, every later one goes too: a reader sees the changes in order, up to a
    // point. A section of its own (the unmanaged groups) is still shown when it fits.
    const inOrder = piece.what === undefined;
    if (piece.keep || (!(cut && inOrder) && used + size <= budget)) {
      kept.push(piece);
      used += size;
    } else {
      left.push(piece);
      if (inOrder) cut = true;
    }
  }
  const [head, ...rest] = kept;
  const note: Piece = { text: describeCut(pieces, left, options) };
  return joinPieces(head ? [head, note, ...rest] : [note]);
}

/** Every piece counted as a change, and the number of whole changes. */
export function countChanges(pieces: readonly Piece[]): number {
  return pieces.filter((piece) => piece.change !== undefined).length;
}

function describeCut(all: readonly Piece[], left: readonly Piece[], options: FitOptions): string {
  const changes = left.filter((piece) => piece.change !== undefined);
  const total = countChanges(all);
  const noun = options.noun ?? 'change';
  const others = [...new Set(left.flatMap((piece) => (piece.what ? [piece.what] : [])))];
  const parts = [
    changes.length > 0
      ? `${total - changes.length} of ${count(total, noun)} are shown; the other ${changes.length} are left out, ` +
        `the first being ${escapeInline(changes[0]?.change ?? '')}`
      : '',
    others.length > 0 ? `left out as well: ${others.join(', ')}` : '',
  ].filter(Boolean);
  return [
    '> [!WARNING]',
    `> **Shortened to fit the size limit.** ${parts.join('; ')}. Read it whole in ${options.fullAt}.`,
  ].join('\n');
}

function joinPieces(pieces: readonly Piece[]): string {
  return pieces.map((piece, index) => (index === 0 ? piece.text : `${piece.before ?? '\n\n'}${piece.text}`)).join('');
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
