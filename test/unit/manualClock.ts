// A clock a test moves by hand (unit and in-host tests): timers fire, in order, when `advance`
// passes their time, so a fold's timing is checked without sleeping and hoping.
import type { FoldClock } from '../../src/core/index/burstFold';

export class ManualClock implements FoldClock {
  private time = 1000;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private ids = 0;

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  }

  clearTimeout(timer: unknown): void {
    this.timers = this.timers.filter(t => t.id !== timer);
  }

  /** Moves the time on by `ms`, running every timer due meanwhile (a timer set by one that runs too, if due). */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const next = this.timers.filter(t => t.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter(t => t !== next);
      this.time = next.at;
      next.run();
    }
    this.time = until;
  }
}
