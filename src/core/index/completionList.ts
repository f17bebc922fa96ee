// Completion entries for every note, kept between queries: a note's entry is rebuilt only
// when its title or aliases change or a note sharing its file name comes or goes.
import { byShorterTarget } from './completionRank';
import { noteNameKey } from './paths';
import { shortestUniqueTarget } from './resolve';
import type { CompletionCandidate, NoteInfo } from './types';
import type { VaultNames } from './vaultNames';

export class CompletionList {
  private readonly byPath = new Map<string, CompletionCandidate>();
  /** All entries in one list until one changes: a query is then a copy. */
  private list: CompletionCandidate[] | undefined;

  constructor(private readonly names: VaultNames) {}

  /** The note's title or aliases changed. */
  forget(path: string): void {
    this.byPath.delete(path);
    this.list = undefined;
  }

  /** A note came or went: the shortest unique target of every note of its file name may change. */
  forgetNamed(path: string): void {
    if (this.byPath.size === 0) {
      this.list = undefined; // nothing kept (a cold build): no need to look up the notes of its name
      return;
    }
    this.forget(path);
    for (const p of this.names.notesNamed(noteNameKey(path))) this.forget(p);
  }

  /**
   * Computes the entries not kept yet, until `deadline` (a `performance.now()` time); true when
   * all are kept. Lets an editor spread the first `entries()` over several tasks.
   */
  prepare(notes: Iterable<NoteInfo>, deadline: number): boolean {
    if (this.list) return true;
    let i = 0;
    for (const { path, title, aliases } of notes) {
      if (this.byPath.has(path)) continue;
      if ((++i & 63) === 0 && performance.now() > deadline) return false;
      this.byPath.set(path, { path, insertText: shortestUniqueTarget(path, this.names), title, aliases });
    }
    return true;
  }

  entries(notes: Iterable<NoteInfo>): CompletionCandidate[] {
    if (!this.list) {
      this.list = [];
      for (const { path, title, aliases } of notes) {
        let entry = this.byPath.get(path);
        if (!entry) this.byPath.set(path, (entry = { path, insertText: shortestUniqueTarget(path, this.names), title, aliases }));
        this.list.push(entry);
      }
      // Ranking keeps this order among equal matches: sorted once here, not per keystroke.
      this.list.sort(byShorterTarget);
    }
    return this.list.slice();
  }
}
