// The link targets (and tag names) of a cache file, vault-wide: each text is written once, in the
// chunk where it is first met, and every link or tag names its row (docs/index.md). Restoring files
// a link by its row, read from the note's numbers: the link graph keeps here the group it made for a row, so the other links to
// that target cost an array read instead of a lookup by a fresh string (10,000 notes: 90,000
// links, 10,500 targets); a tag's name is one string for the vault, not one per chunk.
import type { PackedLink } from '../syntax/packed';

/** The text a link's group is keyed by: its Foam reference's, else its own target. */
export function groupTarget(link: PackedLink): string {
  return link.reference ?? link.target;
}

/** Numbers targets while a cache is written: a row per text, in the order they are first met. */
export class TargetNumbering {
  private readonly rows = new Map<string, number>();
  /** Texts first met since `takeFresh()` (the chunk being written), in row order. */
  private fresh: string[] = [];

  row(text: string): number {
    let row = this.rows.get(text);
    if (row === undefined) {
      row = this.rows.size;
      this.rows.set(text, row);
      this.fresh.push(text);
    }
    return row;
  }

  /** The texts the chunk just written adds to the table. */
  takeFresh(): string[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/** The table as a cache is read: texts by row, and the link graph's group of each row once it made one. */
export class TargetTable {
  readonly texts: string[] = [];
  /** Per row, the group the link graph filed its first link in (`LinkGraph.add`; checked before use: a group can go). */
  readonly groups: unknown[] = [];
}

