// The CLI's citation library: read only when some note cites something, from the default
// bibliography files (*.bib and CSL-JSON at the root, under bib/ or references/).
import type { VaultHost } from '../core/host';
import type { NoteIndex } from '../core/index/noteIndex';
import { anyCitations } from '../core/citations/cited';
import { bibliographyFiles } from '../core/citations/discovery';
import { CitationLibrary } from '../core/citations/library';
import { unknownCitations } from '../core/citations/unknownKeys';
import { citationAt } from '../core/syntax/packed';

export async function cliLibrary(host: VaultHost, index: NoteIndex): Promise<CitationLibrary | undefined> {
  if (!anyCitations(index.packedNotes())) return undefined;
  const library = new CitationLibrary(host);
  await library.loadAll(bibliographyFiles([...index.attachments()], []), false);
  return library;
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
export function citationProblems(index: NoteIndex, library: CitationLibrary | undefined): CitationProblem[] {
  if (!library) return [];
  const out: CitationProblem[] = library.problems().map(p => ({ path: p.file, line: p.line + 1, column: 1, kind: 'bibliography', message: `bibliography entry not read: ${p.message}` }));
  for (const note of index.packedNotes()) {
    const cites = note.packed.citations?.map(c => citationAt(note.packed.ranges, c));
    if (!cites) continue;
    for (const u of unknownCitations(cites, library)) {
      const at = u.citation.range.start;
      out.push({ path: note.path, line: at.line + 1, column: at.character + 1, kind: 'unknown-citation', key: u.citation.key, suggestions: [...u.closest], message: u.message });
    }
  }
  return out;
}
