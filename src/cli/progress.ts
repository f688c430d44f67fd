// What a person (one line per change and a live line on a terminal) or a CI log (one line per change) sees
// while a plan applies.
// The wording comes from the caller, so running a plan does not depend on how it is rendered.
import type { Io, Output } from './io.js';
import { useColor } from './io.js';
import type { ApplyProgress, ChangeResult, MergeProgress } from '../model/index.js';

/** How the reporter words a finished change and the live line; `color` says whether it may paint. */
export interface ProgressLines {
  result(result: ChangeResult, color: boolean): string;
  progress(progress: ApplyProgress, color: boolean): string;
  merge(progress: MergeProgress): string;
  /** Words for a pause now running (a rate-limit wait), or undefined. */
  pause?(): string | undefined;
}

/** How often a terminal's live line is redrawn while nothing finishes, so a wait counts down. */
const REDRAW_MS = 1000;

export interface ApplyReporter {
  onResult(result: ChangeResult, progress: ApplyProgress): void;
  /** A merge's customer moves, batch by batch: on a terminal only, in the live line. */
  onMergeProgress(progress: MergeProgress): void;
  /** Ends the live line so what follows starts on a fresh one. */
  finish(): void;
}

/** A reporter writing to `stream` (stderr by default, so stdout stays clean for --format json). */
export function createApplyReporter(io: Io, lines: ProgressLines, stream: Output = io.stderr): ApplyReporter {
  const color = useColor(io, stream);
  let liveLine = false;
  let last: ApplyProgress | undefined;
  // While the store's rate limit holds every request back, nothing finishes: the live line says why.
  const timer = stream.isTTY
    ? setInterval(() => {
        const pause = lines.pause?.();
        if (pause === undefined && !liveLine) return;
        stream.write(`\r${last ? lines.progress(last, color) : pause}\x1b[K`);
        liveLine = true;
      }, REDRAW_MS)
    : undefined;
  timer?.unref();
  return {
    onResult(result, progress) {
      last = progress;
      // On a terminal the finished change replaces the live line, which is drawn again below it, so the
      // scrollback keeps every change as a log would.
      if (stream.isTTY) {
        stream.write(`\r${lines.result(result, color)}\x1b[K\n${lines.progress(progress, color)}\x1b[K`);
        liveLine = true;
      } else {
        stream.write(`${lines.result(result, color)}\n`);
      }
    },
    onMergeProgress(progress) {
      if (!stream.isTTY) return;
      stream.write(`\r${lines.merge(progress)}\x1b[K`);
      liveLine = true;
    },
    finish() {
      clearInterval(timer);
      if (liveLine) stream.write('\n');
      liveLine = false;
    },
  };
}
