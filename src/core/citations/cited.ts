// The index's two questions about citations: which keys a note cites, and which notes cite a key.
// Read from what the scanner found (PackedSyntax.citations), nothing scanned again.
import type { PackedNote } from '../index/noteIndex';
import { citationAt } from '../syntax/packed';
import { citekeyOf } from './literatureNote';
import type { CitationItem } from '../syntax/types';

/** The distinct keys of a note's citations (NoteSyntax's or PackedSyntax's), in order of first citation. */
export function keysCited(citations: readonly { readonly key: string }[] | undefined): string[] {
  return [...new Set((citations ?? []).map(c => c.key))];
}

export interface Citing {
  readonly path: string;
  readonly citation: CitationItem;
}

/** Each citation of `key` in the vault, by note path then place in the note. */
export function citationsOfKey(key: string, notes: Iterable<PackedNote>): Citing[] {
  const out: Citing[] = [];
  for (const note of notes) {
    for (const c of note.packed.citations ?? []) if (c.key === key) out.push({ path: note.path, citation: citationAt(note.packed.ranges, c) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.citation.range.startOffset - b.citation.range.startOffset));
}

/** Whether any note cites anything (the library is read only once one does). */
export function anyCitations(notes: Iterable<PackedNote>): boolean {
  for (const note of notes) if (note.packed.citations?.length) return true;
  return false;
}

/**
 * The notes citing the key of literature note `path` (its frontmatter `citekey:`, else its file
 * name when some note cites that): for the Backlinks view of a literature note.
 */
export function citationsOfLiteratureNote(path: string, text: string, notes: Iterable<PackedNote>): Citing[] {
  const key = citekeyOf(text) ?? path.replace(/^.*\//, '').replace(/\.md$/i, '');
  return citationsOfKey(key, notes);
}
