// @citation-js/plugin-bibtex ships no types. We use its two parsing stages directly (file text ->
// entries, entries -> CSL-JSON), without the Cite object and its network loaders.
declare module '@citation-js/plugin-bibtex/lib/input/file.js' {
  export interface BibtexEntry {
    type: string;
    label: string;
    properties: Record<string, string>;
  }
  export function parse(text: string): BibtexEntry[];
}
declare module '@citation-js/plugin-bibtex/lib/input/entries.js' {
  import type { BibtexEntry } from '@citation-js/plugin-bibtex/lib/input/file.js';
  export function parse(entries: BibtexEntry[]): Record<string, unknown>[];
}
declare module '@citation-js/plugin-bibtex/lib/input/constants.js' {
  /** Accent command (`"`, `'`, `c`, ...) -> its combining mark. */
  export const diacritics: Record<string, string>;
  /** Symbol command (`ss`, `o`, `ae`, `textendash`, ...) -> its text. */
  export const commands: Record<string, string>;
  /** BibTeX's predefined `@string` macros (months, journal names). */
  export const defaultStrings: Record<string, string>;
}
