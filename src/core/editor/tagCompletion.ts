// Which tags to offer for what is typed after `#`: the vault's tags, nested ones whole
// (`ml/transformers`), found by the start of the whole name or of any segment (`#trans`
// finds `ml/transformers`), then by any part of it; the most used first within each.
import type { NoteQueries, TagNode } from '../index/types';
import type { TypedTag } from './typedTag';

export interface TagCandidate {
  /** Full name, first casing seen: `ml/transformers`. */
  readonly name: string;
  /** Notes carrying it or a tag below it. */
  readonly noteCount: number;
  /** Occurrences of exactly this tag. */
  readonly count: number;
}

/** Every tag of a tag tree, parents before children. */
export function flattenTags(tree: readonly TagNode[]): TagCandidate[] {
  const out: TagCandidate[] = [];
  const visit = (nodes: readonly TagNode[]) => {
    for (const n of nodes) {
      out.push({ name: n.name, noteCount: n.noteCount, count: n.count });
      visit(n.children);
    }
  };
  visit(tree);
  return out;
}

export function rankTags(tags: readonly TagCandidate[], typed: string, limit: number): TagCandidate[] {
  const wanted = typed.replace(/^#/, '').toLowerCase();
  const ranked: { tag: TagCandidate; rank: number }[] = [];
  for (const tag of tags) {
    const rank = rankOf(tag.name.toLowerCase(), wanted);
    if (rank >= 0) ranked.push({ tag, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || b.tag.noteCount - a.tag.noteCount || b.tag.count - a.tag.count
    || (a.tag.name < b.tag.name ? -1 : a.tag.name > b.tag.name ? 1 : 0));
  return ranked.slice(0, limit).map(r => r.tag);
}

function rankOf(name: string, typed: string): number {
  if (typed === '' || name.startsWith(typed)) return 0;
  for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) if (name.startsWith(typed, i + 1)) return 1;
  return name.includes(typed) ? 2 : -1;
}

/**
 * The tags to offer at a `#` being typed in the note at `path`, best first. The unsaved text is
 * indexed as it is typed, so `#tra` is itself a tag: one carried only by this very `#` is left out.
 */
export function tagsToOffer(index: NoteQueries, path: string, typed: TypedTag, limit: number): TagCandidate[] {
  const out: TagCandidate[] = [];
  for (const tag of rankTags(flattenTags(index.tagTree()), typed.typed, limit + 1)) {
    if (tag.count > 0 && tag.count <= 2 && onlyAt(index, tag.name, path, typed.hash)) continue;
    if (out.push(tag) >= limit) break;
  }
  return out;
}

function onlyAt(index: NoteQueries, name: string, path: string, hash: number): boolean {
  return index.notesWithTag(name, { nested: false }).every(o => o.path === path && o.tag.range.startOffset === hash);
}
