// The one queue every change to a vault goes through, so a slow disk read never overtakes a
// later edit and nothing lands in an index that is still being built.
import type { Logger } from '../../core/host';

export class ChangeQueue {
  private tail: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly logger: Logger) {}

  /**
   * Runs `op` after everything queued before it. A failure is logged with the file it concerns
   * (`path`; none for a build) and never stops the queue. `after` runs once `op` has, even on failure.
   */
  run(path: string | undefined, op: () => void | Promise<void>, after?: () => void): Promise<void> {
    const run = this.tail.then(async () => {
      if (this.stopped) return;
      try {
        await op();
      } catch (e) {
        this.logger.error(`${path ?? 'indexing'}: ${e instanceof Error ? e.message : String(e)}`);
      }
      after?.();
    });
    this.tail = run;
    return run;
  }

  /** Nothing queued from now on runs. */
  stop(): void {
    this.stopped = true;
  }
}
