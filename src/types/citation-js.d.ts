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
// The CSL styles and locale @citation-js/plugin-csl ships (XML as strings); only the ones named
// are bundled (esbuild drops the other properties of the JSON).
declare module '@citation-js/plugin-csl/lib/styles.json' {
  export const apa: string;
  export const vancouver: string;
}
declare module '@citation-js/plugin-csl/lib/locales.json' {
  const enUS: string;
  export { enUS as 'en-US' };
}
// citeproc-js: the part of its API we call.
declare module 'citeproc' {
  export interface CitationItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
    'suppress-author'?: boolean;
    'author-only'?: boolean;
  }
  export interface Sys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  export class Engine {
    constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean);
    sys: Sys;
    opt: { development_extensions: { wrap_url_and_doi: boolean } };
    setOutputFormat(format: 'html' | 'text'): void;
    updateItems(ids: string[]): void;
    makeCitationCluster(items: CitationItem[]): string;
    makeBibliography(): false | [{ entry_ids: string[][] }, string[]];
  }
}
