// Tags of every note, by lowercase tag and by each of its parents (`#a/b` also counts
// under `#a`), updated one note at a time.
import type { TagItem } from '../syntax/types';
import { comparePaths } from './paths';
import type { TagNode, TagOccurrence } from './types';

interface TagEntry {
  /** Note path -> its occurrences of exactly this tag. */
  readonly exact: Map<string, TagOccurrence[]>;
  /** Note path -> its occurrences of this tag or any tag below it. */
  readonly below: Map<string, TagOccurrence[]>;
  exactCount: number;
  /** Query answers in path order, kept until the entry changes (hub tags hold thousands). */
  sortedExact?: TagOccurrence[];
  sortedBelow?: TagOccurrence[];
  /** The tag tree's view of this entry, kept likewise. */
  node?: Omit<TagNode, 'children'>;
}

/** `ml/transformers/bert` -> `ml`, `ml/transformers`, `ml/transformers/bert`. */
function prefixes(lowerTag: string): string[] {
  const out: string[] = [];
  for (let i = lowerTag.indexOf('/'); i >= 0; i = lowerTag.indexOf('/', i + 1)) out.push(lowerTag.slice(0, i));
  out.push(lowerTag);
  return out;
}

function normalizeTag(tag: string): string {
  return tag.replace(/^#/, '').toLowerCase();
}

export function compareOccurrences(a: TagOccurrence, b: TagOccurrence): number {
  return comparePaths(a.path, b.path) || a.tag.range.startOffset - b.tag.range.startOffset;
}

function push(map: Map<string, TagOccurrence[]>, path: string, occ: TagOccurrence): void {
  const list = map.get(path);
  if (list) list.push(occ);
  else map.set(path, [occ]);
}

export class TagTable {
  private readonly entries = new Map<string, TagEntry>();

  /** Adds a note's tags; returns the occurrences, which `removeNote` takes back. */
  add(path: string, tags: readonly TagItem[]): TagOccurrence[] {
    const occurrences = tags.map(tag => ({ path, tag }));
    for (const occ of occurrences) {
      const lower = occ.tag.name.toLowerCase();
      for (const prefix of prefixes(lower)) {
        let entry = this.entries.get(prefix);
        if (!entry) this.entries.set(prefix, (entry = { exact: new Map(), below: new Map(), exactCount: 0 }));
        entry.sortedExact = entry.sortedBelow = entry.node = undefined;
        push(entry.below, path, occ);
        if (prefix === lower) {
          push(entry.exact, path, occ);
          entry.exactCount++;
        }
      }
    }
    return occurrences;
  }

  /** Takes back every occurrence `add` returned for the note. */
  removeNote(path: string, occurrences: readonly TagOccurrence[]): void {
    for (const occ of occurrences) {
      for (const prefix of prefixes(occ.tag.name.toLowerCase())) {
        const entry = this.entries.get(prefix);
        // A tag written twice visits its entries twice: the second visit finds nothing left.
        if (!entry) continue;
        entry.sortedExact = entry.sortedBelow = entry.node = undefined;
        entry.below.delete(path);
        entry.exactCount -= entry.exact.get(path)?.length ?? 0;
        entry.exact.delete(path);
        if (entry.below.size === 0) this.entries.delete(prefix);
      }
    }
  }

  /** In path, then text order. */
  notesWithTag(tag: string, nested: boolean): TagOccurrence[] {
    const entry = this.entries.get(normalizeTag(tag));
    if (!entry) return [];
    return (nested ? sortedBelow(entry) : (entry.sortedExact ??= sorted(entry.exact))).slice();
  }

  /** Distinct tags as written (not counting parents that only appear inside a nested tag). */
  count(): number {
    let n = 0;
    for (const entry of this.entries.values()) if (entry.exact.size > 0) n++;
    return n;
  }

  tree(): TagNode[] {
    const roots: TagNode[] = [];
    // Parents sort before their children, so each node's child list exists when it is built.
    const keys = [...this.entries.keys()].sort(comparePaths);
    const byKey = new Map<string, TagNode & { children: TagNode[] }>();
    for (const key of keys) {
      const node = { ...this.describe(key, this.entries.get(key)!), children: [] as TagNode[] };
      byKey.set(key, node);
      const slash = key.lastIndexOf('/');
      const parent = slash < 0 ? undefined : byKey.get(key.slice(0, slash));
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  /** Named with the first casing seen: that of the first occurrence in path and text order. */
  private describe(key: string, entry: TagEntry): Omit<TagNode, 'children'> {
    if (entry.node) return entry.node;
    const depth = key.split('/').length;
    const name = sortedBelow(entry)[0].tag.name.split('/').slice(0, depth).join('/');
    const label = name.slice(name.lastIndexOf('/') + 1);
    return (entry.node = { name, label, noteCount: entry.below.size, count: entry.exactCount });
  }
}

function sortedBelow(entry: TagEntry): TagOccurrence[] {
  return (entry.sortedBelow ??= sorted(entry.below));
}

function sorted(byNote: Map<string, TagOccurrence[]>): TagOccurrence[] {
  const out: TagOccurrence[] = [];
  for (const list of byNote.values()) out.push(...list);
  return out.sort(compareOccurrences);
}
