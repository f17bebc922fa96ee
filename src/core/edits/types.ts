// What an edit to the vault is, before any host turns it into its own kind of edit: text
// changes by range in the note's text as the index holds it, and files that move.
import type { Range } from '../syntax/types';

/** Replace `range` of the note at `path` (as the index holds its text) with `newText`. */
export interface TextChange {
  readonly path: string;
  readonly range: Range;
  readonly newText: string;
}

/** A note or attachment (never a folder: folders are expanded to their files) moving from one vault path to another. */
export interface FileMove {
  readonly from: string;
  readonly to: string;
}

/** Text changes in path then offset order, at most one per range, none overlapping. */
export function sortChanges(changes: readonly TextChange[]): TextChange[] {
  const seen = new Set<string>();
  const out: TextChange[] = [];
  for (const c of changes) {
    // `[a][r]` and `[b][r]` share one definition: its range must change once.
    const key = `${c.path}\0${c.range.startOffset}\0${c.range.endOffset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.range.startOffset - b.range.startOffset));
}

/** Applies changes to one text (for tests and previews); offsets are those of `text`. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let out = '';
  let at = 0;
  for (const c of [...changes].sort((a, b) => a.range.startOffset - b.range.startOffset)) {
    out += text.slice(at, c.range.startOffset) + c.newText;
    at = c.range.endOffset;
  }
  return out + text.slice(at);
}
