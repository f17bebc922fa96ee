// citeproc-js, loaded on first use: esbuild keeps ./cslFormatter (citeproc, the CSL styles and the
// locale) in its own file, dist/citeproc.js, required the first time a citation is formatted.
import type { CitationFormatter, CitationStyle } from './format';
import type { CslItem } from './types';

type Csl = typeof import('./cslFormatter');
let csl: Csl | undefined;

/**
 * A formatter over `itemOf` (undefined for a key the library lacks). Loads citeproc the first
 * time (dist/citeproc.js, about 450 KB minified): the index and the diagnostics never pay for it.
 */
export function citationFormatter(style: CitationStyle, itemOf: (key: string) => CslItem | undefined): CitationFormatter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  csl ??= require('./cslFormatter') as Csl;
  return new csl.CslFormatter(style, itemOf);
}

/** One entry's full reference, HTML, alone (the hover). */
export function formatReference(item: CslItem, style: CitationStyle): string {
  return citationFormatter(style, key => (key === item.id ? item : undefined)).reference(item.id);
}
