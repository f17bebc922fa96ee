// Citations of keys the library lacks, with the message both the editor and `marginalia check`
// give (one wording, one place), naming the closest keys.
import type { CitationItem } from '../syntax/types';
import type { CitationLookup } from './noteLibrary';

export interface UnknownCitation {
  readonly citation: CitationItem;
  readonly closest: readonly string[];
  readonly message: string;
}

/**
 * Without any bibliography file only bracketed citations (`[@key]`) are reported: a bare `@word`
 * there is more likely a handle or a snippet trigger (`@a` in a table of shortcuts) than a citation.
 */
export function unknownCitations(citations: readonly CitationItem[], library: CitationLookup): UnknownCitation[] {
  const out: UnknownCitation[] = [];
  const noBibliography = library.paths().length === 0;
  for (const citation of citations) {
    if (library.has(citation.key) || (noBibliography && !citation.bracketed)) continue;
    const closest = library.size > 0 ? library.closestKeys(citation.key) : [];
    const files = library.paths();
    const where = files.length ? files.join(', ') : 'the bibliography (no .bib or CSL-JSON file found)';
    const message = `No entry "${citation.key}" in ${where}${closest.length ? `; closest: ${closest.join(', ')}` : ''}`;
    out.push({ citation, closest, message });
  }
  return out;
}
