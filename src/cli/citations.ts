// The CLI's citation library: read only when some note cites something, from the default
// bibliography files (*.bib and CSL-JSON at the root, under bib/ or references/), and for each
// note the files its frontmatter `bibliography:` names (src/core/citations/noteLibrary.ts).
import type { VaultHost } from '../core/host';
import type { NoteIndex } from '../core/index/noteIndex';
import { anyCitations } from '../core/citations/cited';
import { bibliographyFiles, isDefaultBibliography } from '../core/citations/discovery';
import { CitationLibrary } from '../core/citations/library';
import { NoteBibliographies, type CitationLookup } from '../core/citations/noteLibrary';
import { unknownCitations } from '../core/citations/unknownKeys';
import type { SiteCitations } from '../core/publish/site';
import type { PageCitations } from '../core/render/page';
import { citationAt } from '../core/syntax/packed';
import type { CslItem } from '../core/citations/types';

export interface CliLibrary {
  readonly workspace: CitationLibrary;
  readonly notes: NoteBibliographies;
}

export async function cliLibrary(host: VaultHost, index: NoteIndex): Promise<CliLibrary | undefined> {
  if (!anyCitations(index.packedNotes())) return undefined;
  const workspace = new CitationLibrary(host);
  await workspace.loadAll(bibliographyFiles([...index.attachments()], []), false);
  return { workspace, notes: new NoteBibliographies(host) };
}

/** The library the note at `path` cites from: its `bibliography:` files, then the workspace's. */
export function noteLookup(library: CliLibrary, index: NoteIndex, path: string): Promise<CitationLookup> {
  return library.notes.lookupFor(library.workspace, path, index.textOf(path) ?? '');
}

/** How the CLI draws citations (`render` and `publish` alike): author-date, the reference in the margin. */
export function cliPageCitations(lookup: { item(key: string): CslItem | undefined }): PageCitations {
  return { style: 'author-date', margin: true, item: key => lookup.item(key) };
}

/** The site's citations, drawn as `render` draws them; with `reload` for `publish --watch`. */
export interface CliSiteCitations extends SiteCitations {
  /**
   * `path` changed on disk: re-read it when it is a bibliography (the vault's, a default one that
   * appeared, or one a note names); whether it was one (then the citing pages are drawn again).
   */
  reload(path: string, gone: boolean): Promise<boolean>;
  /** The entries of the files read so far that could not be read, as `marginalia check` words them. */
  problems(): CitationProblem[];
}

/** The library is read the first time a page that draws a citation is (never for a vault that cites nothing). */
export function cliSiteCitations(host: VaultHost, index: NoteIndex): CliSiteCitations {
  let library: CliLibrary | undefined;
  const empty = { item: () => undefined };
  const { style, margin } = cliPageCitations(empty);
  return {
    style,
    margin,
    read: async paths => {
      if (paths.length === 0) return;
      library ??= await cliLibrary(host, index);
      if (library) await Promise.all(paths.map(p => noteLookup(library!, index, p)));
    },
    lookup: path => !library ? empty : path === undefined ? library.workspace : library.notes.loadedLookupFor(library.workspace, path, index.textOf(path) ?? ''),
    reload: async (path, gone) => {
      if (!library) return false;
      let was = false;
      if (library.notes.holds(path)) {
        await library.notes.reload(path);
        was = true;
      }
      if (library.workspace.paths().includes(path) || isDefaultBibliography(path)) {
        if (gone) library.workspace.remove(path);
        else await library.workspace.load(path, false);
        was = true;
      }
      return was;
    },
    problems: () => (library ? unreadEntries(library) : []),
  };
}

export interface CitationProblem {
  path: string;
  line: number;
  column: number;
  kind: 'unknown-citation' | 'bibliography';
  key?: string;
  suggestions?: string[];
  message: string;
}

/** Unknown keys in notes and unreadable bibliography entries, for `marginalia check`. */
export async function citationProblems(index: NoteIndex, library: CliLibrary | undefined): Promise<CitationProblem[]> {
  if (!library) return [];
  const out: CitationProblem[] = [];
  for (const note of index.packedNotes()) {
    const cites = note.packed.citations?.map(c => citationAt(note.packed.ranges, c));
    if (!cites) continue;
    for (const u of unknownCitations(cites, await noteLookup(library, index, note.path))) {
      const at = u.citation.range.start;
      out.push({ path: note.path, line: at.line + 1, column: at.character + 1, kind: 'unknown-citation', key: u.citation.key, suggestions: [...u.closest], message: u.message });
    }
  }
  return [...unreadEntries(library), ...out];
}

function unreadEntries(library: CliLibrary): CitationProblem[] {
  const unread = [library.workspace, ...library.notes.libraries()].flatMap(l => l.problems());
  return unread.map(p => ({ path: p.file, line: p.line + 1, column: 1, kind: 'bibliography' as const, message: `bibliography entry not read: ${p.message}` }));
}
