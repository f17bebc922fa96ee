// Tags of every note, by lowercase tag and by each of its parents (`#a/b` also counts
// under `#a`), updated one note at a time.
import { startOf, tagAt, type PackedSyntax } from '../syntax/packed';
import { comparePaths } from './paths';
import { tagCountOf, tagNameOf, tagRangeOf } from './restoredSyntax';
import { StringDict } from './stringDict';
import type { TagNode, TagOccurrence } from './types';

/**
 * A note's tags as the table keeps them: columns, no object per occurrence. Occurrence `i` is
 * the note's `syntax.tags[i]`, written as the name numbered `keys[i]` (`written`). A restored
 * note's tags are filed from its numbers (`tagNameOf`, `tagRangeOf`): their objects are made only
 * when a query builds an occurrence.
 */
interface NoteTags {
  readonly path: string;
  readonly syntax: PackedSyntax;
  /** Small integers in a plain array: a typed array per note costs about 200 bytes beside its numbers. */
  readonly keys: number[];
  /**
   * The occurrences as queries answer them, built the first time one does and kept: a change to a
   * hub tag's notes rebuilds its sorted list, and building thousands of ranges each time cost more
   * than the 1 ms a query may take. A cold build builds none.
   */
  occurrences?: (TagOccurrence | undefined)[];
}

interface TagEntry {
  /**
   * Notes carrying this tag or one below it, each once, with their occurrences. An array, not a
   * Set: a cold build only appends, and a Set's hashing was most of adding tags.
   */
  readonly notes: NoteTags[];
  /** Occurrences of exactly this tag. */
  exactCount: number;
  /** Query answers in path order, kept until the entry changes (hub tags hold thousands). */
  sortedExact?: TagOccurrence[];
  sortedBelow?: TagOccurrence[];
  /** The tag tree's view of this entry, kept likewise. */
  node?: Omit<TagNode, 'children'>;
}

/** A tag as written -> its lowercase form and that form's prefixes; a vault writes a few hundred tags thousands of times. */
interface TagKey {
  /** As written. */
  readonly name: string;
  /** Its number in `written` (what a note's `keys` column holds). */
  readonly id: number;
  readonly lower: string;
  /** `ml/transformers/bert` -> `ml`, `ml/transformers`, `ml/transformers/bert`. */
  readonly prefixes: readonly string[];
}

function normalizeTag(tag: string): string {
  return tag.replace(/^#/, '').toLowerCase();
}

function compareOccurrences(a: TagOccurrence, b: TagOccurrence): number {
  return comparePaths(a.path, b.path) || a.tag.range.startOffset - b.tag.range.startOffset;
}

/** `key` is `tag` or a tag below it. */
function isAtOrBelow(key: string, tag: string): boolean {
  return key.length === tag.length ? key === tag : key.charCodeAt(tag.length) === 47 /* / */ && key.startsWith(tag);
}

export class TagTable {
  private readonly entries = new Map<string, TagEntry>();
  private readonly byNote = new Map<string, NoteTags>();
  private readonly keys = new StringDict<TagKey>();
  /** Tags as written, interned once (never taken back: a few hundred per vault): a note's `keys` column holds their numbers. */
  private readonly written: TagKey[] = [];

  /** Adds (or replaces) a note's tags. */
  add(path: string, syntax: PackedSyntax): void {
    if (this.byNote.has(path)) this.removeNote(path);
    const count = tagCountOf(syntax);
    if (count === 0) return;
    const note: NoteTags = { path, syntax, keys: new Array<number>(count) };
    for (let i = 0; i < count; i++) {
      const key = this.keyOf(tagNameOf(syntax, i));
      note.keys[i] = key.id;
      for (const prefix of key.prefixes) {
        let entry = this.entries.get(prefix);
        if (!entry) this.entries.set(prefix, (entry = { notes: [], exactCount: 0 }));
        entry.sortedExact = entry.sortedBelow = entry.node = undefined;
        // A note's tags are added together: if the note is in the list, it is last.
        if (entry.notes[entry.notes.length - 1] !== note) entry.notes.push(note);
        if (prefix === key.lower) entry.exactCount++;
      }
    }
    this.byNote.set(path, note);
  }

  removeNote(path: string): void {
    const note = this.byNote.get(path);
    if (!note) return;
    this.byNote.delete(path);
    for (let i = 0; i < note.keys.length; i++) {
      const key = this.written[note.keys[i]];
      for (const prefix of key.prefixes) {
        const entry = this.entries.get(prefix);
        // A tag written twice visits its entries twice: the second visit finds nothing left.
        if (!entry) continue;
        entry.sortedExact = entry.sortedBelow = entry.node = undefined;
        if (prefix === key.lower) entry.exactCount--;
        const at = entry.notes.indexOf(note);
        if (at >= 0) {
          entry.notes[at] = entry.notes[entry.notes.length - 1];
          entry.notes.pop();
        }
        if (entry.notes.length === 0) this.entries.delete(prefix);
      }
    }
  }

  private keyOf(name: string): TagKey {
    let key = this.keys.get(name);
    if (!key) {
      const lower = name.toLowerCase();
      const prefixes: string[] = [];
      for (let i = lower.indexOf('/'); i >= 0; i = lower.indexOf('/', i + 1)) prefixes.push(lower.slice(0, i));
      prefixes.push(lower);
      key = { name, id: this.written.length, lower, prefixes };
      this.written.push(key);
      this.keys.set(name, key);
    }
    return key;
  }

  /** In path, then text order. */
  notesWithTag(tag: string, nested: boolean): TagOccurrence[] {
    const key = normalizeTag(tag);
    const entry = this.entries.get(key);
    if (!entry) return [];
    const list = nested ? (entry.sortedBelow ??= this.occurrences(entry, key, true)) : (entry.sortedExact ??= this.occurrences(entry, key, false));
    return list.slice();
  }

  private occurrences(entry: TagEntry, key: string, nested: boolean): TagOccurrence[] {
    const out: TagOccurrence[] = [];
    for (const note of entry.notes) {
      for (let i = 0; i < note.keys.length; i++) {
        const own = this.written[note.keys[i]].lower;
        if (!(nested ? isAtOrBelow(own, key) : own === key)) continue;
        const kept = (note.occurrences ??= new Array<TagOccurrence | undefined>(note.keys.length));
        out.push((kept[i] ??= { path: note.path, tag: tagAt(note.syntax.ranges, note.syntax.tags[i]) }));
      }
    }
    return out.sort(compareOccurrences);
  }

  /** Distinct tags as written (not counting parents that only appear inside a nested tag). */
  count(): number {
    let n = 0;
    for (const entry of this.entries.values()) if (entry.exactCount > 0) n++;
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

  /**
   * The tag as first written at or below `key`, in path and text order, read from the columns: the
   * tree names every tag, and building every tag's sorted occurrences for it kept 36,000 of them,
   * ranges and all (9 MB of a 10,000-note vault), where a query builds the one list it is asked for.
   */
  private firstBelow(entry: TagEntry, key: string): string {
    let best: NoteTags | undefined;
    let bestAt = 0;
    let bestStart = 0;
    for (const note of entry.notes) {
      if (best && comparePaths(note.path, best.path) > 0) continue;
      for (let i = 0; i < note.keys.length; i++) {
        if (!isAtOrBelow(this.written[note.keys[i]].lower, key)) continue;
        const start = startOf(note.syntax.ranges, tagRangeOf(note.syntax, i));
        if (best === note ? start < bestStart : !best || comparePaths(note.path, best.path) < 0) {
          best = note;
          bestAt = i;
          bestStart = start;
        }
      }
    }
    return this.written[best!.keys[bestAt]].name;
  }

  /** Named with the first casing seen: that of the first occurrence in path and text order. */
  private describe(key: string, entry: TagEntry): Omit<TagNode, 'children'> {
    if (entry.node) return entry.node;
    const depth = key.split('/').length;
    const name = this.firstBelow(entry, key).split('/').slice(0, depth).join('/');
    const label = name.slice(name.lastIndexOf('/') + 1);
    return (entry.node = { name, label, noteCount: entry.notes.length, count: entry.exactCount });
  }
}
