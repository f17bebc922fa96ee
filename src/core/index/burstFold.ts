// Changes come alone (a paste, a completion accepted, a file saved) or in bursts (typing, a
// folder moved): a change after a quiet spell is passed on at once, on the next turn (so what
// the same turn changes goes with it), and the changes of a burst are folded into one call when
// they pause. A plain debounce held every change back by its whole delay, the lone ones too.
// A burst is told by `quietMs` (a change that close to the last run), its pause by `settleMs`:
// a text inserted in one input event can reach the extension host as one change per character,
// over 30 ms and several turns (bench/graphVscode.mjs traced 35 of them); with the pause equal to
// the burst's window its characters after the first waited 100 ms after the last.

/** The clock and timers a fold uses (tests give their own). */
export interface FoldClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export const realClock: FoldClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: timer => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export class BurstFold {
  private timer: unknown;
  /** Whether the timer set is the next turn's (a lone change), not the end of a burst. */
  private soon = false;
  private run: (() => void) | undefined;
  private lastRun = -Infinity;

  /**
   * `quietMs`: a change closer than this to the last run is part of a burst; `settleMs` (at most
   * `quietMs`, the default): the burst's changes run once none came for this long.
   */
  constructor(private readonly quietMs: number, private readonly clock: FoldClock = realClock, private readonly settleMs = quietMs) {}

  /**
   * A change: `run` (the latest given) runs once for it and whatever change joins it. `atOnce`:
   * on the next turn even inside a burst (a correction that must not wait for the burst's end).
   */
  call(run: () => void, atOnce = false): void {
    this.run = run;
    if (this.timer !== undefined && this.soon) return;
    const lone = atOnce || (this.timer === undefined && this.clock.now() - this.lastRun >= this.quietMs);
    this.cancel();
    this.soon = lone;
    this.timer = this.clock.setTimeout(() => this.fire(), lone ? 0 : Math.min(this.settleMs, this.quietMs));
  }

  /** Whether a call waits to run. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** Drops the call waiting, if any. */
  cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.timer = undefined;
    this.lastRun = this.clock.now();
    const run = this.run;
    this.run = undefined;
    run?.();
  }
}
