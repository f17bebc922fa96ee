// The full reading of one BibTeX/BibLaTeX entry into CSL-JSON through @citation-js/plugin-bibtex
// (maintained; its BibLaTeX-to-CSL mapping is what citeproc expects). Required on first use only
// (esbuild keeps it in dist/bibtex.js): the library's first pass (./bibtex.ts) reads a file
// without it, and an entry is read fully when a hover, a render or a literature note needs it.
import { parse as parseFile } from '@citation-js/plugin-bibtex/lib/input/file.js';
import { parse as toCsl } from '@citation-js/plugin-bibtex/lib/input/entries.js';
import type { CslItem } from './types';

/**
 * The item `key` of `text` (the entry, after the `@string` definitions it uses). Throws what
 * citation-js throws on text it cannot read.
 */
export function fullItem(text: string, key: string): CslItem | undefined {
  const items = toCsl(parseFile(text)) as unknown as CslItem[];
  return items.find(i => i.id === key) ?? items[items.length - 1];
}
