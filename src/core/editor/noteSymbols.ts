// Go to note by name (Ctrl+T): every note's title and aliases and every heading across the
// vault, found by what is typed. A note's entries are kept until the note changes (the index
// hands out the same NoteInfo until then), so a keystroke reads no note's syntax again.
import { hasInOrder, lettersOf } from '../index/completionRank';
import type { NoteInfo } from '../index/types';
import { plainText } from '../syntax/plainText';

export interface NoteSymbol {
  readonly name: string;
  readonly kind: 'note' | 'alias' | 'heading';
  readonly path: string;
  /** 0-based line of the heading (0 for a note or alias). */
  readonly line: number;
  /** The note's title, for aliases and headings. */
  readonly container?: string;
  readonly level?: number;
}

interface Keyed {
  readonly symbol: NoteSymbol;
  readonly key: string;
  /** Bit i: letter `a` + i occurs in the key; a typed letter missing rules the name out at once. */
  readonly letters: number;
}

export class NoteSymbols {
  private readonly byNote = new WeakMap<NoteInfo, readonly Keyed[]>();

  /** The best `limit` matches, in order: names starting with the query, then containing it, then its letters in order from a word start; notes before aliases before headings. */
  search(notes: Iterable<NoteInfo>, query: string, limit: number): NoteSymbol[] {
    const wanted = query.trim().toLowerCase();
    const wantedLetters = lettersOf(wanted);
    const buckets: NoteSymbol[][] = [[], [], [], [], [], [], [], [], []];
    for (const note of notes) {
      for (const { symbol, key, letters } of this.of(note)) {
        if ((letters & wantedLetters) !== wantedLetters) continue;
        const rank = rankOf(key, wanted);
        if (rank >= 0) buckets[rank * 3 + kindOrder[symbol.kind]]!.push(symbol);
      }
    }
    const out: NoteSymbol[] = [];
    for (const bucket of buckets) {
      bucket.sort((a, b) => a.name.length - b.name.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
      for (const s of bucket) {
        if (out.length >= limit) return out;
        out.push(s);
      }
    }
    return out;
  }

  private of(note: NoteInfo): readonly Keyed[] {
    let entries = this.byNote.get(note);
    if (!entries) {
      const list: NoteSymbol[] = [{ name: note.title, kind: 'note', path: note.path, line: 0 }];
      for (const alias of note.aliases) list.push({ name: alias, kind: 'alias', path: note.path, line: 0, container: note.title });
      for (const h of note.syntax.headings) {
        // The title heading is the note itself.
        if (h.level === 1 && plainText(h.text) === note.title) continue;
        list.push({ name: h.text, kind: 'heading', path: note.path, line: h.range.start.line, container: note.title, level: h.level });
      }
      entries = list.map(symbol => {
        const key = symbol.name.toLowerCase();
        return { symbol, key, letters: lettersOf(key) };
      });
      this.byNote.set(note, entries);
    }
    return entries;
  }
}

const kindOrder = { note: 0, alias: 1, heading: 2 } as const;

function rankOf(name: string, typed: string): number {
  if (typed === '' || name.startsWith(typed)) return 0;
  if (name.includes(typed)) return 1;
  // Words typed apart (`sc dot`) still count as letters in order.
  return hasInOrder(name, typed.replace(/\s+/g, '')) ? 2 : -1;
}
