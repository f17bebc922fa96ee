// Citations and references formatted by citeproc-js with a CSL style: APA (7th edition) for
// `author-date`, Vancouver for `numeric`, the styles and the en-US locale @citation-js/plugin-csl
// ships. citeproc numbers the references and disambiguates (Smith 2017a/2017b; J. Smith and A.
// Smith) among the keys registered, so a page registers every key it cites before the first one
// is drawn. Required on first use only (esbuild keeps it in dist/citeproc.js, see ./citeproc.ts):
// a page without citations, the index and the diagnostics never load it.
import * as CSL from 'citeproc';
import { apa, vancouver } from '@citation-js/plugin-csl/lib/styles.json';
import { 'en-US' as enUS } from '@citation-js/plugin-csl/lib/locales.json';
import { escapeAttr } from '../render/escape';
import type { CiteParts } from '../syntax/citation';
import { authorShort, type CitationFormatter, type CitationStyle } from './format';
import type { CslItem } from './types';

const STYLES: Record<CitationStyle, string> = { 'author-date': apa, numeric: vancouver };

/** One engine per style (building one reads the style's XML: a few hundred ms), lent to one formatter at a time. */
const engines = new Map<CitationStyle, { engine: CSL.Engine; owner?: CslFormatter }>();

function engineOf(style: CitationStyle): { engine: CSL.Engine; owner?: CslFormatter } {
  let held = engines.get(style);
  if (!held) {
    const engine = new CSL.Engine({ retrieveLocale: () => enUS, retrieveItem: () => undefined }, STYLES[style], 'en-US', true);
    engine.setOutputFormat('html');
    // DOIs and URLs as links, as the hover and the margin show them.
    engine.opt.development_extensions.wrap_url_and_doi = true;
    engines.set(style, (held = { engine }));
  }
  return held;
}

// Pandoc's locator terms (syntax/citation.ts reads them) -> CSL's locator labels.
const LABELS: [RegExp, string][] = [
  [/^(?:p|pp|pg|pgs)\.|^pages?\b/i, 'page'],
  [/^(?:ch|chap|chaps)\.|^chapters?\b/i, 'chapter'],
  [/^(?:sec|secs)\.|^sections?\b|^§+/i, 'section'],
  [/^(?:fig|figs)\.|^figures?\b/i, 'figure'],
  [/^(?:vol|vols)\.|^volumes?\b/i, 'volume'],
  [/^(?:no|nos)\.|^numbers?\b/i, 'number'],
  [/^(?:para|paras)\.|^paragraphs?\b|^¶+/i, 'paragraph'],
  [/^(?:l|ll)\.|^lines?\b/i, 'line'],
  [/^(?:n|nn)\.|^notes?\b/i, 'note'],
  [/^(?:v|vv)\.|^verses?\b/i, 'verse'],
  [/^(?:col|cols)\.|^columns?\b/i, 'column'],
  [/^op\.|^opus\b|^opera\b/i, 'opus'],
  [/^(?:bk|bks)\.|^books?\b/i, 'book'],
  [/^(?:fol|fols)\.|^folios?\b/i, 'folio'],
  [/^(?:pt|pts)\.|^parts?\b/i, 'part'],
  [/^s\.vv?\./i, 'sub-verbo'],
];

/** `pp. 4-6` -> page 4-6; a bare number is a page; a term CSL has no label for stays text (a suffix). */
export function cslLocator(locator: string): { label: string; locator: string } | undefined {
  if (/^\d/.test(locator)) return { label: 'page', locator };
  for (const [term, label] of LABELS) {
    const m = term.exec(locator);
    if (m) return { label, locator: locator.slice(m[0].length).trim() };
  }
  return undefined;
}

function citationItem(cite: CiteParts, extra: Partial<CSL.CitationItem> = {}): CSL.CitationItem {
  const item: CSL.CitationItem = { id: cite.key, ...extra };
  if (cite.prefix) item.prefix = cite.prefix;
  const located = cite.locator ? cslLocator(cite.locator) : undefined;
  if (located) Object.assign(item, located);
  const suffix = [located ? '' : cite.locator, cite.suffix].filter(Boolean).join(', ');
  if (suffix) item.suffix = `, ${suffix}`;
  if (cite.suppressAuthor) item['suppress-author'] = true;
  return item;
}

/** A bibliography entry as one line of HTML (citeproc wraps it, and Vancouver's number, in divs). */
function entryHtml(html: string): string {
  return html.replace(/<\/?div[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

export class CslFormatter implements CitationFormatter {
  private readonly keys: string[] = [];
  private registered = 0;
  private entries: Map<string, string> | undefined;

  constructor(readonly style: CitationStyle, private readonly itemOf: (key: string) => CslItem | undefined) {}

  cite(keys: Iterable<string>): void {
    for (const key of keys) if (!this.keys.includes(key) && this.itemOf(key)) this.keys.push(key);
  }

  /** The engine, holding this formatter's items (another formatter may have used it since). */
  private engine(): CSL.Engine {
    const held = engineOf(this.style);
    if (held.owner !== this || this.registered !== this.keys.length) {
      held.engine.sys.retrieveItem = id => this.itemOf(id);
      held.engine.updateItems([...this.keys]);
      held.owner = this;
      this.registered = this.keys.length;
      this.entries = undefined;
    }
    return held.engine;
  }

  /**
   * `make`, or `fallback` when citeproc throws (an item of a shape it cannot read, e.g. a CSL-JSON
   * name that is null): the page is still drawn, the entry as plain text.
   */
  private guarded<T>(make: () => T, fallback: () => T): T {
    try {
      return make();
    } catch {
      const held = engines.get(this.style);
      if (held?.owner === this) held.owner = undefined;
      return fallback();
    }
  }

  citation(cites: readonly CiteParts[], bracketed: boolean): string {
    return this.guarded(() => this.citationOf(cites, bracketed), () => {
      const keys = cites.map(c => escapeAttr(c.key)).join('; ');
      return bracketed ? `(${keys})` : keys;
    });
  }

  private citationOf(cites: readonly CiteParts[], bracketed: boolean): string {
    this.cite(cites.map(c => c.key));
    const known = cites.filter(c => this.itemOf(c.key));
    const unknown = cites.filter(c => !this.itemOf(c.key)).map(c => escapeAttr(c.key));
    if (known.length === 0) return bracketed ? `(${unknown.join('; ')})` : unknown.join('; ');
    const engine = this.engine();
    let text: string;
    if (bracketed) {
      text = engine.makeCitationCluster(known.map(c => citationItem(c)));
    } else {
      // "Goodfellow (2016)": the author, then the citation without it (Pandoc's in-text citation).
      const cite = known[0]!;
      const author = engine.makeCitationCluster([{ id: cite.key, 'author-only': true }]);
      const shown = !author || /NO_PRINTED_FORM/.test(author) ? escapeAttr(authorShort(this.itemOf(cite.key)!)) : author;
      text = `${shown} ${engine.makeCitationCluster([citationItem(cite, { 'suppress-author': true })])}`;
    }
    if (unknown.length === 0) return text;
    return /[)\]]$/.test(text) ? `${text.slice(0, -1)}; ${unknown.join('; ')}${text.slice(-1)}` : `${text} (${unknown.join('; ')})`;
  }

  private bibliography(): Map<string, string> {
    const engine = this.engine();
    if (!this.entries) {
      this.entries = new Map();
      const made = this.keys.length ? engine.makeBibliography() : false;
      if (made) made[1].forEach((html, i) => this.entries!.set(made[0].entry_ids[i]![0]!, entryHtml(html)));
    }
    return this.entries;
  }

  reference(key: string): string {
    this.cite([key]);
    return this.guarded(() => this.bibliography().get(key), () => undefined) ?? this.plain(key);
  }

  references(): { key: string; html: string }[] {
    const made = this.guarded(() => this.bibliography(), () => undefined);
    return made ? [...made].map(([key, html]) => ({ key, html })) : this.keys.map(key => ({ key, html: this.plain(key) }));
  }

  /** An entry citeproc could not format: its title (or key), as text. */
  private plain(key: string): string {
    const title = this.itemOf(key)?.title;
    return escapeAttr(typeof title === 'string' ? `${title} (${key})` : key);
  }
}
