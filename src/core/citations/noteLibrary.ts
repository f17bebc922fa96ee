// A note's own bibliography: frontmatter `bibliography:` (a path or a list of paths, relative to
// the note, as Pandoc reads it) adds its files to the workspace library for that note alone.
// Completion, hover, F12, diagnostics, the References view, the preview, `marginalia render` and
// `marginalia check` all ask `NoteBibliographies.lookupFor` (one answer for every caller).
import type { VaultHost } from '../host';
import { closest } from '../check/closest';
import { absoluteTarget, folderOf } from '../index/paths';
import { CitationLibrary, type KeyChoice } from './library';
import { readNoteFrontmatter } from '../syntax/scanNote';
import type { BibliographyProblem, CslItem, LibraryEntry } from './types';

/** What a citation needs of a library: the workspace's, or a note's files with it. */
export interface CitationLookup {
  readonly size: number;
  has(key: string): boolean;
  item(key: string): CslItem | undefined;
  entry(key: string): LibraryEntry | undefined;
  search(query: string, limit?: number): KeyChoice[];
  closestKeys(key: string, max?: number): string[];
  paths(): string[];
  problems(): BibliographyProblem[];
}

/** The vault-relative paths of a note's frontmatter `bibliography:` (none outside the vault). */
export function noteBibliographyPaths(notePath: string, text: string): string[] {
  // The frontmatter reader every note goes through (`bibliography: x.bib`, a flow or block list).
  const written = readNoteFrontmatter(text)?.bibliography ?? [];
  const dir = folderOf(notePath);
  const out: string[] = [];
  for (const w of written) {
    const path = w.replace(/\\/g, '/');
    // A file-system path (`/home/…`, `C:`) is not the vault's; `..` past the root is refused by absoluteTarget.
    if (!path || path.startsWith('/') || /^[A-Za-z]:/.test(path)) continue;
    const joined = absoluteTarget(path, dir);
    if (joined && !out.includes(joined)) out.push(joined);
  }
  return out;
}

/** A note's files before the workspace library: the first that has a key answers for it. */
export class CombinedLibrary implements CitationLookup {
  constructor(private readonly layers: readonly CitationLookup[]) {}

  get size(): number {
    return this.keys().length;
  }

  private keys(): string[] {
    const keys = new Set<string>();
    for (const layer of this.layers) for (const choice of layer.search('', Number.MAX_SAFE_INTEGER)) keys.add(choice.key);
    return [...keys];
  }

  has(key: string): boolean {
    return this.layers.some(l => l.has(key));
  }

  item(key: string): CslItem | undefined {
    return this.layers.find(l => l.has(key))?.item(key);
  }

  entry(key: string): LibraryEntry | undefined {
    return this.layers.find(l => l.has(key))?.entry(key);
  }

  search(query: string, limit = 200): KeyChoice[] {
    const out: KeyChoice[] = [];
    const seen = new Set<string>();
    for (const layer of this.layers) {
      for (const choice of layer.search(query, limit)) {
        if (seen.has(choice.key)) continue;
        seen.add(choice.key);
        out.push(choice);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  closestKeys(key: string, max = 3): string[] {
    return closest(key, this.keys(), max);
  }

  paths(): string[] {
    return [...new Set(this.layers.flatMap(l => l.paths()))];
  }

  problems(): BibliographyProblem[] {
    return this.layers.flatMap(l => l.problems());
  }
}

interface NoteFile {
  readonly library: CitationLibrary;
  ready: Promise<CitationLibrary>;
  loaded: boolean;
}

/**
 * The files notes name in `bibliography:`, each read once (the first time a note needing it is
 * looked at) and kept, and the lookup of a note: its files, then the workspace library.
 */
export class NoteBibliographies {
  private readonly files = new Map<string, NoteFile>();

  constructor(private readonly host: VaultHost) {}

  private file(path: string): NoteFile {
    const known = this.files.get(path);
    if (known) return known;
    const library = new CitationLibrary(this.host);
    const entry: NoteFile = { library, loaded: false, ready: Promise.resolve(library) };
    entry.ready = library.load(path).then(() => ((entry.loaded = true), library));
    this.files.set(path, entry);
    return entry;
  }

  /** The lookup for the note at `notePath` with `text`, reading the files it names if need be. */
  async lookupFor(workspace: CitationLibrary, notePath: string, text: string): Promise<CitationLookup> {
    const paths = noteBibliographyPaths(notePath, text).filter(p => !workspace.paths().includes(p));
    if (paths.length === 0) return workspace;
    const own = await Promise.all(paths.map(p => this.file(p).ready));
    return new CombinedLibrary([...own, workspace]);
  }

  /** The same without waiting: files not read yet are left out (and their reading started). */
  loadedLookupFor(workspace: CitationLibrary, notePath: string, text: string): CitationLookup {
    const paths = noteBibliographyPaths(notePath, text).filter(p => !workspace.paths().includes(p));
    if (paths.length === 0) return workspace;
    const own = paths.map(p => this.file(p)).filter(f => f.loaded).map(f => f.library);
    return own.length ? new CombinedLibrary([...own, workspace]) : workspace;
  }

  /** Whether `path` is a file some note named (and so is read again when it changes). */
  holds(path: string): boolean {
    return this.files.has(path);
  }

  /** Reads `path` again (it changed on disk); resolves when done. */
  async reload(path: string): Promise<void> {
    const known = this.files.get(path);
    if (known) await known.library.load(path);
  }

  /** Every file read so far, with its problems (for the output channel and `check`). */
  libraries(): CitationLibrary[] {
    return [...this.files.values()].filter(f => f.loaded).map(f => f.library);
  }
}
