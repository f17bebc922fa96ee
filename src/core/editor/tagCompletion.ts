// Which tags to offer for what is typed after `#`: the vault's tags, nested ones whole
// (`ml/transformers`), found by the start of the whole name or of any segment (`#trans`
// finds `ml/transformers`), then by any part of it; the most used first within each.
import type { TagNode } from '../index/types';

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
