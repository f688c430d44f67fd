// The time a run spent waiting, as a clock on the wall sees it: eight requests that wait out the same
// 6 s window together add 6 s, not 48, so "waited" never exceeds the run it belongs to.
export class WaitTally {
  #coveredUntil = 0;

  /** Counts a wait that starts now; returns the part of it no earlier wait already covers. */
  add(waitMs: number, now = Date.now()): number {
    const end = now + Math.max(0, waitMs);
    const added = Math.max(0, end - Math.max(now, this.#coveredUntil));
    this.#coveredUntil = Math.max(this.#coveredUntil, end);
    return added;
  }

  /** When the longest wait begun so far ends (ms since the epoch); in the past when none is running. */
  get waitingUntil(): number {
    return this.#coveredUntil;
  }
}
