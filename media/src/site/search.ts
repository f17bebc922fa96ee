/// <reference lib="dom" />
// The search page: the documents and the word chunks publish wrote (listed in search.json),
// fetched as the reader types, only the chunks for the typed words' first letters, each once
// (src/core/publish/search.ts's SiteSearch, the one reader of the index), searched with prefix
// and a little fuzziness, results built as DOM nodes (never HTML from the index).
// `search/?q=word` searches at once.
import { SiteSearch, type SearchHit } from '../../../src/core/publish/search';

export function initSearch(root: string): void {
  const input = document.getElementById('mg-search-input') as HTMLInputElement | null;
  const list = document.getElementById('mg-search-results');
  const status = document.getElementById('mg-search-status');
  if (!input || !list || !status) return;
  input.disabled = false;
  const search = new SiteSearch(file => fetch(root + file).then(r => {
    if (!r.ok) throw new Error(`${file}: ${r.status}`);
    return r.text();
  }));
  const load = () => search.prepare();

  const run = async () => {
    const query = input.value.trim();
    if (query === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    let hits: SearchHit[];
    try {
      hits = await search.search(query);
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
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    void run();
  }
}
