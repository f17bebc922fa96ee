// The user's reference library: every entry of the bibliography files, by key. Read lazily (the
// first time a citation needs it, never at activation), re-read one file at a time when it
// changes (Zotero rewrites its export on every edit: unchanged entries come from a memo).
import type { VaultHost } from '../host';
import { closest } from '../check/closest';
import { parseBibtex, type BibtexMemo } from './bibtex';
import { parseCslJson } from './cslJson';
import { authorShort, yearOf } from './format';
import type { BibliographyProblem, CslItem, LibraryEntry, ParsedBibliography } from './types';

interface FileState {
  parsed: ParsedBibliography;
  memo: BibtexMemo;
}

/** One entry as completion lists it. */
export interface KeyChoice {
  readonly key: string;
  readonly author: string;
  readonly year: string;
  readonly title: string;
}

export class CitationLibrary {
  private readonly files = new Map<string, FileState>();
  private byKey = new Map<string, LibraryEntry>();
  /** Lowercased `key author year title` of each entry, for matching by any of them. */
  private haystacks: { choice: KeyChoice; text: string }[] = [];

  constructor(private readonly host: VaultHost) {}

  /** Reads (or re-reads) `path`; a file that cannot be read is a problem named by its path. */
  async load(path: string, explicit = true): Promise<void> {
    const state: FileState = this.files.get(path) ?? { parsed: { entries: [], problems: [] }, memo: new Map() };
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await this.host.readFile(path));
    } catch (error) {
      state.parsed = { entries: [], problems: [{ file: path, line: 0, message: `cannot be read: ${(error as Error).message}` }] };
      this.files.set(path, state);
      this.rebuild();
      return;
    }
    if (/\.json$/i.test(path)) {
      // Found by default discovery, a JSON file that is no CSL-JSON array is simply not a bibliography.
      if (!explicit && !/^\s*\[/.test(text)) {
        this.remove(path);
        return;
      }
      state.parsed = parseCslJson(text, path);
    } else {
      state.parsed = parseBibtex(text, path, state.memo);
    }
    this.files.set(path, state);
    this.rebuild();
  }

  /** Replaces the set of files with `paths` (reading those not read yet). */
  async loadAll(paths: readonly string[], explicit: boolean): Promise<void> {
    for (const path of [...this.files.keys()]) if (!paths.includes(path)) this.files.delete(path);
    for (const path of paths) await this.load(path, explicit);
    this.rebuild();
  }

  remove(path: string): void {
    if (this.files.delete(path)) this.rebuild();
  }

  private rebuild(): void {
    const byKey = new Map<string, LibraryEntry>();
    // Files in path order; the first entry of a key wins (a duplicate is a problem of its own file).
    for (const path of [...this.files.keys()].sort()) {
      for (const entry of this.files.get(path)!.parsed.entries) if (!byKey.has(entry.brief.id)) byKey.set(entry.brief.id, entry);
    }
    this.byKey = byKey;
    this.haystacks = [...byKey.values()].map(({ brief: item }) => {
      const choice: KeyChoice = { key: item.id, author: item.author?.length || item.editor?.length ? authorShort(item) : '', year: yearOf(item), title: item.title ?? '' };
      return { choice, text: `${choice.key} ${choice.author} ${choice.year} ${choice.title}`.toLowerCase() };
    });
  }

  get size(): number {
    return this.byKey.size;
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  entry(key: string): LibraryEntry | undefined {
    return this.byKey.get(key);
  }

  /** Whether the library has `key` (without reading its entry in full). */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The full item of `key` (a BibTeX entry is read in full the first time it is asked for). */
  item(key: string): CslItem | undefined {
    return this.byKey.get(key)?.item;
  }

  problems(): BibliographyProblem[] {
    return [...this.files.values()].flatMap(f => f.parsed.problems);
  }

  /** Entries whose key, first author, year or title holds every word of `query`; at most `limit`. */
  search(query: string, limit = 200): KeyChoice[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const out: KeyChoice[] = [];
    for (const { choice, text } of this.haystacks) {
      if (words.every(w => text.includes(w))) {
        out.push(choice);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  /** The keys nearest to one the library lacks (for quick fixes). */
  closestKeys(key: string, max = 3): string[] {
    return closest(key, [...this.byKey.keys()], max);
  }
}
