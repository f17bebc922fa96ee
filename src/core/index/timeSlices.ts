// Cuts long synchronous work into tasks of at most a few milliseconds, for a host whose
// event loop is shared with an editor (typing must never wait behind an index build).
// Without a budget it never asks to yield, except where the caller yields anyway.

export class TimeSlices {
  private start = performance.now();
  private longest = 0;

  constructor(private readonly budgetMs?: number) {}

  /** Whether the current slice has used its budget. */
  due(): boolean {
    return this.budgetMs !== undefined && performance.now() - this.start > this.budgetMs;
  }

  /** When the current slice should end (`performance.now()` time); Infinity without a budget. */
  deadline(): number {
    return this.budgetMs === undefined ? Infinity : this.start + this.budgetMs;
  }

  /** Ends the slice: lets every other task run (a timer, not a microtask), then starts the next. */
  async next(): Promise<void> {
    this.longest = Math.max(this.longest, performance.now() - this.start);
    await new Promise(resolve => setTimeout(resolve, 0));
    this.start = performance.now();
  }

  /** After waiting on work that is not this task's (a promise, not a busy loop): the slice starts now. */
  restart(): void {
    this.start = performance.now();
  }

  /** The longest slice so far, in ms, counting the one running now. */
  finish(): number {
    return Math.max(this.longest, performance.now() - this.start);
  }
}
