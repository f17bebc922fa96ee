// When an open graph sends the index's changes to its page: a lone change (an edit after a
// pause) on the next turn, the changes of a burst (typing, a checkout) as one diff when they stop,
// and a rename's two halves always in one diff, so the page is told which node moved. The index
// can see a rename whole (the editor's rename event) or as the file watcher's delete and create,
// in either order and far apart on a loaded host; the diff waits only while a rename the editor
// announced is half seen, not for a fixed delay after every change.
import { BurstFold, realClock, type FoldClock } from '../index/burstFold';

export interface DiffBatchOptions {
  /** Changes closer together than this are a burst. */
  readonly quietMs: number;
  /** The longest a diff waits for a rename's other half (a renamed file that cannot be read never arrives). */
  readonly maxHoldMs: number;
  readonly clock?: FoldClock;
}

export class DiffBatch {
  private readonly fold: BurstFold;
  private readonly clock: FoldClock;
  /** Renames announced, old path -> new, until the index holds the new path and not the old. */
  private readonly awaited = new Map<string, string>();
  private holdTimer: unknown;

  /** `has`: whether the index holds a path now; `send`: computes and posts the diff. */
  constructor(private readonly has: (path: string) => boolean, private readonly send: () => void, private readonly options: DiffBatchOptions) {
    this.clock = options.clock ?? realClock;
    this.fold = new BurstFold(options.quietMs, this.clock);
  }

  /** A rename the editor announced (before or after it happened): its halves go out together. */
  expectRename(from: string, to: string): void {
    // Announced after the fact (onDidRenameFiles), a rename the index has already seen whole or in part is known from before, or needs nothing.
    if (!this.has(from)) return;
    this.awaited.set(from, to);
    if (this.awaited.size > 10_000) this.awaited.clear();
  }

  /** The index changed. */
  changed(): void {
    this.fold.call(() => this.flush());
  }

  /**
   * A change the user is looking for now (the local graph recentred on another note): on the next
   * turn even inside a burst, and held like any other while a rename is half seen.
   */
  changedNow(): void {
    this.fold.call(() => this.flush(), true);
  }

  /** Whether a diff is waiting for its fold to end. */
  get pending(): boolean {
    return this.fold.pending;
  }

  /** Whether a diff is waiting for a rename's other half. */
  get holding(): boolean {
    return this.holdTimer !== undefined;
  }

  /** Forgets announced renames (the graph shows another vault) and anything waiting. */
  reset(): void {
    this.awaited.clear();
    this.fold.cancel();
    this.stopHold();
  }

  dispose(): void {
    this.reset();
  }

  private flush(): void {
    if (this.halfSeen()) {
      // The other half's change calls changed() again; the timer ends a wait whose other half never comes.
      this.holdTimer ??= this.clock.setTimeout(() => {
        this.holdTimer = undefined;
        this.awaited.clear();
        this.send();
      }, this.options.maxHoldMs);
      return;
    }
    this.stopHold();
    this.send();
  }

  /** Whether some announced rename is half seen: its old path gone and the new not there yet, or both there. */
  private halfSeen(): boolean {
    let half = false;
    for (const [from, to] of this.awaited) {
      const old = this.has(from);
      const now = this.has(to);
      if (!old && now) this.awaited.delete(from);
      else if (old === now) half = true;
      // old && !now: not started yet; nothing of it is in this diff.
    }
    return half;
  }

  private stopHold(): void {
    if (this.holdTimer !== undefined) this.clock.clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
  }
}
