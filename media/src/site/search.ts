/// <reference lib="dom" />
// The search page: the MiniSearch shards publish wrote (listed in search.json), loaded all at
// once, in parallel, on first use, searched as the reader types (prefix and a little
// fuzziness) and their hits merged by score, results built as DOM nodes (never HTML from the
// index). `search/?q=word` searches at once.
import MiniSearch from 'minisearch';
import { SEARCH_MANIFEST, SEARCH_OPTIONS, SEARCH_QUERY } from '../../../src/core/publish/search';

interface Hit {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly tags: readonly string[];
}

export function initSearch(root: string): void {
  const input = document.getElementById('mg-search-input') as HTMLInputElement | null;
  const list = document.getElementById('mg-search-results');
  const status = document.getElementById('mg-search-status');
  if (!input || !list || !status) return;
  input.disabled = false;
  let index: Promise<MiniSearch[]> | undefined;
  const shard = (file: string) => fetch(root + file).then(r => r.text()).then(text => MiniSearch.loadJSON(text, SEARCH_OPTIONS));
  const load = () => (index ??= fetch(root + SEARCH_MANIFEST).then(r => r.json() as Promise<{ shards: string[] }>).then(m => Promise.all(m.shards.map(shard))));

  const run = async () => {
    const query = input.value.trim();
    if (query === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    let hits: Hit[];
    try {
      const shards = await load();
      hits = shards.flatMap(s => s.search(query, SEARCH_QUERY)).sort((a, b) => b.score - a.score) as unknown as Hit[];
    } catch {
      status.textContent = 'The search index could not be loaded.';
      return;
    }
    if (input.value.trim() !== query) return;
    status.textContent = hits.length === 0 ? 'No note matches.' : hits.length === 1 ? '1 note' : `${hits.length} notes`;
    list.replaceChildren(...hits.slice(0, 100).map(hit => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.className = 'wikilink';
      a.href = root + hit.url.split('/').map(encodeURIComponent).join('/');
      a.textContent = hit.title;
      li.append(a);
      for (const tag of hit.tags) {
        const span = document.createElement('span');
        span.className = 'tag';
        span.textContent = `#${tag}`;
        li.append(' ', span);
      }
      return li;
    }));
  };
  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 120);
  });
  input.addEventListener('focus', () => void load(), { once: true });
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    void run();
  }
}
