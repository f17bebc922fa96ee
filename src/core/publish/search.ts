// The site's full-text search: MiniSearch indexes built at publish time and loaded by the
// search page (media/src/site/search.ts) with the same options. Chosen over pagefind (its
// WebAssembly needs 'wasm-unsafe-eval', looser than the preview's CSP) and flexsearch (no
// single-file export); sizes and times on the 10,000-note vault are in docs/publish.md.
//
// The index is split into shards by note (a hash of its path), about NOTES_PER_SHARD notes
// each: a change under --watch rewrites the one shard its note is in, not the whole index
// (27 MB at 10,000 notes). `search.json` lists the shards; the page loads them all, in
// parallel, when the search box is first used, and merges their hits by score.
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

/** What the search page asks of every shard (and a test of the index, the same). */
export const SEARCH_QUERY = { prefix: true, fuzzy: 0.15, boost: { title: 3, tagText: 2 }, combineWith: 'AND' } as const;

/** The file that lists the shards: `{ "shards": ["search/shard-0.json", ...] }`. */
export const SEARCH_MANIFEST = 'search.json';

/** About this many notes per shard: at 10,000 notes, 64 shards of 0.4–0.5 MB. */
export const NOTES_PER_SHARD = 160;

/** How many shards `notes` notes are split into: a power of two, so a note's shard moves only when the count crosses one. */
export function shardCount(notes: number): number {
  let count = 1;
  while (count * NOTES_PER_SHARD < notes) count *= 2;
  return count;
}

/** The shard a note's words are in (FNV-1a of its path). */
export function shardOf(id: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % count;
}

export function shardFile(shard: number): string {
  return `search/shard-${shard}.json`;
}

export function searchManifest(count: number): string {
  return JSON.stringify({ shards: Array.from({ length: count }, (_, i) => shardFile(i)) });
}

type Index = MiniSearch<SearchDocument & { tagText: string }>;

function newIndex(): Index {
  return new MiniSearch<SearchDocument & { tagText: string }>(SEARCH_OPTIONS);
}

export class SearchIndex {
  /** Each shard: its index, or the JSON it was last written as (read back on its first change). */
  private readonly shards: (Index | string)[];
  private readonly dirty = new Set<number>();

  constructor(readonly count = 1) {
    this.shards = Array.from({ length: count }, () => newIndex());
    for (let i = 0; i < count; i++) this.dirty.add(i);
  }

  private shard(i: number): Index {
    const s = this.shards[i]!;
    if (typeof s !== 'string') return s;
    const loaded = MiniSearch.loadJSON<SearchDocument & { tagText: string }>(s, SEARCH_OPTIONS);
    this.shards[i] = loaded;
    return loaded;
  }

  add(doc: SearchDocument): void {
    const i = shardOf(doc.id, this.count);
    const index = this.shard(i);
    if (index.has(doc.id)) index.discard(doc.id);
    index.add({ ...doc, tags: [...doc.tags], tagText: doc.tags.map(t => `${t} ${t.replace(/\//g, ' ')}`).join(' ') });
    this.dirty.add(i);
  }

  remove(id: string): void {
    const i = shardOf(id, this.count);
    const index = this.shard(i);
    if (!index.has(id)) return;
    index.discard(id);
    this.dirty.add(i);
  }

  /** Take shards serialized elsewhere (a worker thread built them): they are what is written. */
  adopt(shards: readonly string[]): void {
    if (shards.length !== this.count) throw new Error(`expected ${this.count} search shards, got ${shards.length}`);
    shards.forEach((s, i) => {
      this.shards[i] = s;
      this.dirty.add(i);
    });
  }

  /** Each shard changed since the last call, with its JSON (all of them the first time). */
  takeChanged(): [number, string][] {
    const out: [number, string][] = [];
    for (const i of [...this.dirty].sort((a, b) => a - b)) {
      const s = this.shards[i]!;
      out.push([i, typeof s === 'string' ? s : JSON.stringify(s)]);
    }
    this.dirty.clear();
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
