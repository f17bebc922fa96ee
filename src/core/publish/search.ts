// The site's full-text search: a MiniSearch index built at publish time and loaded by the
// search page (media/src/site/search.ts) with the same options. Chosen over pagefind (its
// WebAssembly needs 'wasm-unsafe-eval', looser than the preview's CSP) and flexsearch (no
// single-file export); sizes and times on the 10,000-note vault are in docs/publish.md.
import MiniSearch from 'minisearch';

export interface SearchDocument {
  /** The note's vault path. */
  readonly id: string;
  /** Its page, relative to the site root. */
  readonly url: string;
  readonly title: string;
  readonly tags: readonly string[];
  /** Plain text of the page's body (no Backlinks: those are other notes' words). */
  readonly text: string;
}

/** Shared with the browser side: both must read the index with the same fields. */
export const SEARCH_OPTIONS = {
  fields: ['title', 'tagText', 'text'],
  storeFields: ['title', 'url', 'tags'],
  idField: 'id',
};

export class SearchIndex {
  private readonly index = new MiniSearch<SearchDocument & { tagText: string }>(SEARCH_OPTIONS);

  add(doc: SearchDocument): void {
    if (this.index.has(doc.id)) this.index.discard(doc.id);
    this.index.add({ ...doc, tags: [...doc.tags], tagText: doc.tags.map(t => `${t} ${t.replace(/\//g, ' ')}`).join(' ') });
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  toJSON(): string {
    return JSON.stringify(this.index);
  }
}

/** The words a reader sees in a rendered body: tags stripped, entities decoded, KaTeX's TeX source kept once. */
export function searchText(html: string): string {
  return html
    .replace(/<span class="katex-html"[\s\S]*?<\/span><\/span>(?=<\/span>)/g, ' ')
    .replace(/<label class="sidenote-number"[^>]*>\d+<\/label>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, e => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' })[e]!)
    .replace(/\s+/g, ' ')
    .trim();
}
