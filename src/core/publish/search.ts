// The site's full-text search: a MiniSearch index built at publish time, split by word so the
// search page fetches only the words it needs, as pagefind does. Chosen over pagefind (its
// WebAssembly needs 'wasm-unsafe-eval', looser than the preview's CSP) and flexsearch (no
// single-file export); sizes and times on the 10,000-note vault are in docs/publish.md.
//
// Files: `search.json` lists the word chunks by the first word of each; `search/docs.json` holds
// each note's title, page, tags and field lengths (MiniSearch's serialized form without its words);
// `search/words-N.json` the words from one chunk's first word to the next one's, each with the
// notes it is in and how often (MiniSearch's `index` entries). The page loads the documents and the
// chunks holding the words that begin with a typed word's first two letters, and asks MiniSearch
// with the same options (SEARCH_QUERY): the scores are those of one whole index.
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

/** A page's words for the search index, as the page renderer drew them (its text is taken from `html`). */
export type SearchPage = Omit<SearchDocument, 'text'> & { readonly html: string };

/** Shared with the browser side: both must read the index with the same fields. */
export const SEARCH_OPTIONS = {
  fields: ['title', 'tagText', 'text'],
  storeFields: ['title', 'url', 'tags'],
  idField: 'id',
};

/** What the search page asks (and a test of the index, the same). */
export const SEARCH_QUERY = { prefix: true, fuzzy: 0.15, boost: { title: 3, tagText: 2 }, combineWith: 'AND' } as const;

/** The file that lists the chunks: `{ "docs": "search/docs.json", "chunks": [{ "file": ..., "from": "" }, ...] }`. */
export const SEARCH_MANIFEST = 'search.json';
export const SEARCH_DOCS = 'search/docs.json';
/**
 * The overlay a --watch change writes instead of the chunks: the words of the notes changed or added
 * since the chunks were written, with those notes only (entries as in a chunk). A note changed or
 * taken out since is no longer under its old number in the documents, so the reader drops that number
 * from the chunks' words. Empty after a full build.
 */
export const SEARCH_RECENT = 'search/recent.json';

/** Notes a --watch session may change before the chunks are written again whole (at 10,000 notes about 27 MB). */
export const OVERLAY_NOTES = 100;

/** About this many characters of JSON per word chunk when a full build cuts them (10,000 notes: about 100 chunks). */
export const CHUNK_CHARS = 200_000;

/** The letters of a typed word that choose its chunks (and the words it may match fuzzily: those that begin alike). */
export const PREFIX_LETTERS = 2;

export interface SearchManifest {
  readonly docs: string;
  /** The overlay (absent in a site published before it). */
  readonly recent?: string;
  readonly chunks: readonly { readonly file: string; readonly from: string }[];
}

export function chunkFile(i: number): string {
  return `search/words-${i}.json`;
}

/** MiniSearch's own rules, so the index holds the words a query is cut into. */
const tokenize = MiniSearch.getDefault('tokenize') as (text: string, field?: string) => string[];
const processTerm = MiniSearch.getDefault('processTerm') as (term: string, field?: string) => string | string[] | null | undefined | false;

function termsOf(text: string, field?: string, tokens = tokenize(text, field)): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const t = processTerm(token, field);
    if (Array.isArray(t)) out.push(...t.filter(Boolean));
    else if (t) out.push(t);
  }
  return out;
}

interface Doc {
  readonly short: number;
  readonly stored: { title: string; url: string; tags: string[] };
  readonly lengths: number[];
  /** Its distinct words (to take it out again). */
  readonly terms: string[];
}

/** A word's notes: (note, field, count) in turn, flat (a Map per word and field made 10,000 notes' indexing superlinear in the collector). */
type Postings = number[];

/** The index a publish builds (in this thread or a worker's) and writes as documents and word chunks. */
export class SearchIndex {
  private readonly docs = new Map<string, Doc>();
  private readonly postings = new Map<string, Postings>();
  private nextId = 0;
  /** Each chunk's first word, fixed by the first write (a later rewrite of all chunks keeps the cut, so the same files). */
  private starts: string[] | undefined;
  /** Notes added since the chunks were last written: their words go to the overlay (`search/recent.json`). */
  private readonly overlay = new Set<string>();
  /** Notes added or taken out since the chunks were last written (past `maxOverlayNotes`, the chunks are written again). */
  private readonly touched = new Set<string>();
  /** Numbers of notes taken out (or changed: a change is a new number) still in the postings. */
  private readonly dead = new Set<number>();
  private overlayChanged = false;
  private docsChanged = true;

  /** `chunkChars`: about how many characters of JSON a full build puts in each word chunk. */
  /**
   * `maxOverlayNotes`: how many notes a --watch session may add or take out (and `maxOverlayChars`, how
   * large the overlay may grow) before the chunks are written again whole and the overlay emptied.
   */
  constructor(
    private readonly chunkChars = CHUNK_CHARS,
    private readonly maxOverlayNotes = OVERLAY_NOTES,
    private readonly maxOverlayChars = CHUNK_CHARS,
  ) {}

  add(doc: SearchDocument): void {
    this.remove(doc.id);
    const short = this.nextId++;
    const values = [doc.title, doc.tags.map(t => `${t} ${t.replace(/\//g, ' ')}`).join(' '), doc.text];
    const lengths: number[] = [];
    const distinct = new Set<string>();
    values.forEach((value, field) => {
      // As MiniSearch counts a field's length: its distinct tokens before lowercasing.
      const name = SEARCH_OPTIONS.fields[field];
      const tokens = tokenize(value, name);
      lengths[field] = new Set(tokens).size;
      const counts = new Map<string, number>();
      for (const term of termsOf(value, name, tokens)) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) {
        let p = this.postings.get(term);
        if (!p) this.postings.set(term, p = []);
        p.push(short, field, count);
        distinct.add(term);
      }
    });
    const terms = [...distinct];
    if (this.starts) {
      this.overlay.add(doc.id);
      this.touched.add(doc.id);
      this.overlayChanged = true;
    }
    this.docs.set(doc.id, { short, stored: { title: doc.title, url: doc.url, tags: [...doc.tags] }, lengths, terms });
    this.docsChanged = true;
  }

  addPage(page: SearchPage): void {
    this.add({ id: page.id, url: page.url, title: page.title, tags: page.tags, text: searchText(page.html) });
  }

  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    // Its numbers stay in the words' postings until the chunks are next written (compact()): taking
    // them out here walked every note of each of its words, 10 s for the 30 pages a change re-indexes at 10,000 notes.
    this.dead.add(doc.short);
    if (this.starts) {
      this.overlay.delete(id);
      this.touched.add(id);
      this.overlayChanged = true;
    }
    this.docs.delete(id);
    this.docsChanged = true;
  }

  /** MiniSearch's serialized form without its words (`index`), the documents in the order added. */
  private docsJson(): string {
    const documentIds: Record<number, string> = {};
    const fieldLength: Record<number, number[]> = {};
    const storedFields: Record<number, Doc['stored']> = {};
    const average: number[] = [];
    const ordered = [...this.docs].sort((a, b) => a[1].short - b[1].short);
    ordered.forEach(([id, doc], count) => {
      documentIds[doc.short] = id;
      fieldLength[doc.short] = doc.lengths;
      storedFields[doc.short] = doc.stored;
      // MiniSearch's running average, in its order of operations: the same numbers to the last bit.
      doc.lengths.forEach((length, field) => {
        average[field] = ((average[field] || 0) * count + length) / (count + 1);
      });
    });
    const fieldIds: Record<string, number> = {};
    SEARCH_OPTIONS.fields.forEach((f, i) => (fieldIds[f] = i));
    return JSON.stringify({
      documentCount: this.docs.size, nextId: this.nextId, documentIds, fieldIds, fieldLength, averageFieldLength: average,
      storedFields, dirtCount: 0, serializationVersion: 2,
    });
  }

  private static entry(term: string, p: Postings, only?: ReadonlySet<number>): string {
    const data: Record<number, Record<number, number>> = {};
    for (let i = 0; i < p.length; i += 3) if (!only || only.has(p[i]!)) (data[p[i + 1]!] ??= {})[p[i]!] = p[i + 2]!;
    return JSON.stringify([term, data]);
  }

  /** Every chunk's JSON, cut at `starts` (given: the first build's cut, kept by later rewrites) or cut here by size. */
  /** Takes the notes taken out from the postings (and words no note holds any more). */
  private compact(): void {
    if (this.dead.size === 0) return;
    for (const [term, p] of this.postings) {
      const kept: number[] = [];
      for (let i = 0; i < p.length; i += 3) if (!this.dead.has(p[i]!)) kept.push(p[i]!, p[i + 1]!, p[i + 2]!);
      if (kept.length === 0) this.postings.delete(term);
      else if (kept.length < p.length) this.postings.set(term, kept);
    }
    this.dead.clear();
  }

  private chunks(): string[] {
    this.compact();
    const terms = [...this.postings.keys()].sort();
    const cut = !this.starts;
    const starts = this.starts ?? [''];
    const out: string[][] = starts.map(() => []);
    let size = 0;
    let at = 0;
    for (const term of terms) {
      const entry = SearchIndex.entry(term, this.postings.get(term)!);
      if (cut) {
        if (size > 0 && size + entry.length > this.chunkChars) {
          starts.push(term);
          out.push([]);
          at++;
          size = 0;
        }
        size += entry.length;
      } else {
        while (at + 1 < starts.length && starts[at + 1]! <= term) at++;
      }
      out[at]!.push(entry);
    }
    this.starts = starts;
    return out.map(entries => `[${entries.join(',')}]`);
  }

  /** The overlay: the words of the notes added since the chunks were written, with those notes only. */
  private overlayJson(): string {
    const shorts = new Set<number>();
    const terms = new Set<string>();
    for (const id of this.overlay) {
      const doc = this.docs.get(id)!;
      shorts.add(doc.short);
      for (const t of doc.terms) terms.add(t);
    }
    return `[${[...terms].sort().map(t => SearchIndex.entry(t, this.postings.get(t)!, shorts)).join(',')}]`;
  }

  /**
   * The files changed since the last call, with their JSON: all of them the first time (which
   * cuts the chunks); then under --watch the documents and the overlay (`search/recent.json`), or
   * every chunk again (and an empty overlay) once more than `maxOverlayNotes` notes changed or the
   * overlay grew past `maxOverlayChars`.
   */
  takeChanged(): [string, string][] {
    const out: [string, string][] = [];
    let recent = this.overlayChanged ? this.overlayJson() : undefined;
    if (!this.starts || (recent !== undefined && (this.touched.size > this.maxOverlayNotes || recent.length > this.maxOverlayChars))) {
      const first = !this.starts;
      this.chunks().forEach((json, i) => out.push([chunkFile(i), json]));
      this.overlay.clear();
      this.touched.clear();
      recent = '[]';
      if (first) {
        const manifest: SearchManifest = { docs: SEARCH_DOCS, recent: SEARCH_RECENT, chunks: this.starts!.map((from, i) => ({ file: chunkFile(i), from })) };
        out.push([SEARCH_MANIFEST, JSON.stringify(manifest)]);
      }
    }
    if (recent !== undefined) out.push([SEARCH_RECENT, recent]);
    this.overlayChanged = false;
    if (this.docsChanged) out.unshift([SEARCH_DOCS, this.docsJson()]);
    this.docsChanged = false;
    return out;
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

/** A search hit as the page shows it. */
export interface SearchHit {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly tags: readonly string[];
  readonly score: number;
}

/**
 * The site's search as a reader's page runs it (and the tests): the documents once, then for each
 * query only the word chunks its words need, each fetched once.
 */
export class SiteSearch {
  private manifest: Promise<SearchManifest> | undefined;
  private docs: Promise<Record<string, unknown> & { documentIds: Record<string, string> }> | undefined;
  private recent: Promise<WordEntry[]> | undefined;
  private readonly chunks = new Map<string, Promise<WordEntry[]>>();
  /** The MiniSearch of the last set of prefixes (typing on in one word needs no new one). */
  private last: { key: string; index: MiniSearch } | undefined;

  /** `fetchText(file)`: a file of the site by its path from the root. */
  constructor(private readonly fetchText: (file: string) => Promise<string>) {}

  /** Fetches the list of chunks and the documents (the page does it when the box gets focus). */
  async prepare(): Promise<SearchManifest> {
    const manifest = await (this.manifest ??= this.fetchText(SEARCH_MANIFEST).then(t => JSON.parse(t) as SearchManifest));
    this.docs ??= this.fetchText(manifest.docs).then(t => JSON.parse(t) as Record<string, unknown> & { documentIds: Record<string, string> });
    this.recent ??= manifest.recent ? this.fetchText(manifest.recent).then(t => JSON.parse(t) as WordEntry[]) : Promise.resolve([]);
    await Promise.all([this.docs, this.recent]);
    return manifest;
  }

  /** The files a query's words need, in order. */
  filesFor(manifest: SearchManifest, prefixes: readonly string[]): string[] {
    const files = new Set<string>();
    const chunkAt = (word: string) => {
      let i = 0;
      while (i + 1 < manifest.chunks.length && manifest.chunks[i + 1]!.from <= word) i++;
      return i;
    };
    for (const p of prefixes) {
      for (let i = chunkAt(p); i <= chunkAt(`${p}\uffff`); i++) files.add(manifest.chunks[i]!.file);
    }
    return [...files];
  }

  /** The prefixes that choose a query's chunks: each word's first PREFIX_LETTERS letters, as the index holds words. */
  static prefixes(query: string): string[] {
    return [...new Set(termsOf(query).map(t => t.slice(0, PREFIX_LETTERS)))].sort();
  }

  async search(query: string): Promise<SearchHit[]> {
    const prefixes = SiteSearch.prefixes(query);
    if (prefixes.length === 0) return [];
    const index = await this.indexFor(prefixes);
    return index.search(query, SEARCH_QUERY) as unknown as SearchHit[];
  }

  /** Every document of the index (title, page, tags), in the order added. */
  async documents(): Promise<Omit<SearchHit, 'score'>[]> {
    await this.prepare();
    const docs = (await this.docs!) as { documentIds: Record<string, string>; storedFields: Record<string, { title: string; url: string; tags: string[] }> };
    return Object.entries(docs.documentIds).map(([short, id]) => ({ id, ...docs.storedFields[short]! }));
  }

  private async indexFor(prefixes: readonly string[]): Promise<MiniSearch> {
    const key = prefixes.join('\u0000');
    if (this.last?.key === key) return this.last.index;
    const manifest = await this.prepare();
    const files = this.filesFor(manifest, prefixes);
    const loaded = await Promise.all(files.map(f => {
      let chunk = this.chunks.get(f);
      if (!chunk) this.chunks.set(f, chunk = this.fetchText(f).then(t => JSON.parse(t) as WordEntry[]));
      return chunk;
    }));
    const docs = await this.docs!;
    // Only the words that begin with a typed prefix: what a query finds never depends on where chunks were cut.
    const wanted = ([term]: [string, unknown]) => prefixes.some(p => term.startsWith(p));
    const words = mergeOverlay(loaded.flat().filter(wanted), (await this.recent!).filter(wanted), docs.documentIds);
    const index = MiniSearch.loadJS({ ...docs, index: words } as Parameters<typeof MiniSearch.loadJS>[0], SEARCH_OPTIONS);
    this.last = { key, index };
    return index;
  }
}

type WordEntry = [string, Record<string, Record<string, number>>];

/**
 * The chunks' words with the overlay's: a note's number no longer among the documents (changed or
 * taken out since the chunks were written) is dropped, the overlay's notes (new numbers) added.
 */
function mergeOverlay(words: readonly WordEntry[], recent: readonly WordEntry[], documentIds: Readonly<Record<string, string>>): WordEntry[] {
  const merged = new Map<string, Record<string, Record<string, number>>>();
  const add = (term: string, data: WordEntry[1]) => {
    let into = merged.get(term);
    for (const [field, notes] of Object.entries(data)) {
      for (const [short, count] of Object.entries(notes)) {
        if (!(short in documentIds)) continue;
        if (!into) merged.set(term, into = {});
        (into[field] ??= {})[short] = count;
      }
    }
  };
  for (const [term, data] of words) add(term, data);
  for (const [term, data] of recent) add(term, data);
  return [...merged];
}
