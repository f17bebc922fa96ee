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

  /**
   * Ends the slice: lets every other task run (a macrotask, not a microtask), then starts the next.
   * Node's `setImmediate` runs after the event loop has polled for I/O (an editor's messages, its
   * timers), without the 1 ms floor of `setTimeout(0)`: 10,000 notes yield a few hundred times.
   */
  async next(): Promise<void> {
    this.longest = Math.max(this.longest, performance.now() - this.start);
    await new Promise<void>(yieldTask);
    this.start = performance.now();
  }

  /**
   * Awaits a host's work (a listing, a batch of reads). If the event loop ran meanwhile (async
   * I/O), the wait was no part of any task: the slice so far is counted and a new one starts when
   * it settles. Work done synchronously (a sync host behind a promise) stays in the slice.
   */
  async around<T>(work: Promise<T>): Promise<T> {
    const called = performance.now();
    let loopRan = false;
    yieldTask(() => {
      loopRan = true;
    });
    const result = await work;
    if (loopRan) {
      this.longest = Math.max(this.longest, called - this.start);
      this.start = performance.now();
    }
    return result;
  }

  /** The longest slice so far, in ms, counting the one running now. */
  finish(): number {
    return Math.max(this.longest, performance.now() - this.start);
  }
}

/** Resolves after the event loop's other work: `setImmediate` where the host has it (Node), else a timer. */
const yieldTask: (resolve: () => void) => void =
  typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function'
    ? resolve => void setImmediate(resolve)
    : resolve => void setTimeout(resolve, 0);
