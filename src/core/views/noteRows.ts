// The rows of the vault-wide views: tags (nested, counts) with the notes of each tag,
// notes not written yet (most wanted first) and orphans.
import { folderOf } from '../index/paths';
import { byTitleThenPath, compareTitles } from './titleOrder';
import type { NoteQueries, Placeholder } from '../index/types';
import type { Range } from '../syntax/types';

export interface NoteRow {
  readonly path: string;
  readonly title: string;
  readonly folder: string;
}

export interface TaggedNoteRow extends NoteRow {
  /** The tag's first occurrence in the note: where a click lands. */
  readonly first: Range;
}

function noteRow(index: NoteQueries, path: string): NoteRow {
  return { path, title: index.note(path)?.title ?? path, folder: folderOf(path) };
}

/**
 * The notes carrying exactly `tag` (its nested tags have rows of their own), each once, at
 * its first occurrence, by title.
 */
export function notesOfTag(index: NoteQueries, tag: string): TaggedNoteRow[] {
  const first = new Map<string, Range>();
  for (const o of index.notesWithTag(tag, { nested: false })) {
    const seen = first.get(o.path);
    if (!seen || o.tag.range.startOffset < seen.startOffset) first.set(o.path, o.tag.range);
  }
  return [...first].map(([path, range]) => ({ ...noteRow(index, path), first: range })).sort(byTitleThenPath);
}

/** Notes not written yet, the most linked first (then by name); missing attachments left out. */
export function placeholderRows(index: NoteQueries): Placeholder[] {
  return index.placeholders().filter(p => !p.attachment)
    .sort((a, b) => b.backlinks - a.backlinks || compareTitles(a.display, b.display));
}

export function orphanRows(index: NoteQueries): NoteRow[] {
  return index.orphans().map(path => noteRow(index, path)).sort(byTitleThenPath);
}
