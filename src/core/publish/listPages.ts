// The site's list pages: every note by folder (newest first within a folder, then by title),
// the index of tags (nested under their parents, with counts), and the page of a tag too big
// to show every note in full.
import { escapeAttr } from '../render/escape';
import { tagUrl } from './urls';

export interface ListedNote {
  readonly path: string;
  readonly title: string;
  readonly url: string;
  readonly tags: readonly string[];
  readonly date?: number;
}

function href(root: string, url: string): string {
  const encoded = url.split('/').map(encodeURIComponent).join('/');
  return escapeAttr(root + encoded === '' ? './' : root + encoded);
}

function day(date: number | undefined): string {
  if (date === undefined) return '';
  const d = new Date(date).toISOString().slice(0, 10);
  return ` <time datetime="${d}">${d}</time>`;
}

function byDateThenTitle(a: ListedNote, b: ListedNote): number {
  return (b.date ?? -Infinity) - (a.date ?? -Infinity) || a.title.localeCompare(b.title) || (a.path < b.path ? -1 : 1);
}

function item(n: ListedNote, root: string): string {
  return `<li><a class="wikilink" href="${href(root, n.url)}">${escapeAttr(n.title)}</a>${day(n.date)}</li>`;
}

export function folderListing(notes: readonly ListedNote[], root: string): string {
  const folders = new Map<string, ListedNote[]>();
  for (const n of notes) {
    const slash = n.path.lastIndexOf('/');
    const folder = slash < 0 ? '' : n.path.slice(0, slash);
    const list = folders.get(folder);
    if (list) list.push(n);
    else folders.set(folder, [n]);
  }
  const sections = [...folders.keys()].sort().map(folder => {
    const list = folders.get(folder)!.sort(byDateThenTitle);
    return `<section class="folder"><h2 class="folder-name">${folder === '' ? 'Notes' : escapeAttr(folder)}</h2>\n` +
      `<ul class="note-list">${list.map(n => item(n, root)).join('')}</ul></section>`;
  });
  return `<p class="list-count">${notes.length === 1 ? '1 note' : `${notes.length} notes`}</p>\n${sections.join('\n')}\n`;
}

export function tagIndexPage(names: readonly string[], notes: readonly ListedNote[], root: string): string {
  const counts = new Map<string, number>();
  for (const n of notes) {
    const under = new Set<string>();
    for (const t of n.tags) t.toLowerCase().split('/').forEach((_, i, s) => under.add(s.slice(0, i + 1).join('/')));
    for (const t of under) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const children = new Map<string, string[]>();
  for (const name of names) {
    const parent = name.includes('/') ? name.slice(0, name.lastIndexOf('/')).toLowerCase() : '';
    const list = children.get(parent);
    if (list) list.push(name);
    else children.set(parent, [name]);
  }
  const tree = (parent: string): string => {
    const list = children.get(parent);
    if (!list) return '';
    return `<ul class="tag-tree">${list.map(name => `<li><a class="tag" href="${href(root, tagUrl(name))}">#${escapeAttr(name.slice(name.lastIndexOf('/') + 1))}</a>` +
      ` <span class="tag-count">${counts.get(name.toLowerCase()) ?? 0}</span>${tree(name.toLowerCase())}</li>`).join('')}</ul>`;
  };
  return `<h1>Tags</h1>\n<p class="list-count">${names.length === 1 ? '1 tag' : `${names.length} tags`}</p>\n${tree('')}\n`;
}

export function tagListing(name: string, names: readonly string[], notes: readonly ListedNote[], root: string): string {
  const below = names.filter(n => n.toLowerCase().startsWith(`${name.toLowerCase()}/`) && !n.slice(name.length + 1).includes('/'));
  const sorted = [...notes].sort((a, b) => a.title.localeCompare(b.title) || (a.path < b.path ? -1 : 1));
  return `<header class="tag-page-header"><h1 class="tag-page-title"><span class="tag">#${escapeAttr(name)}</span></h1>` +
    `<p class="tag-page-count">${notes.length} notes</p></header>\n` +
    (below.length ? `<p class="tag-children">${below.map(t => `<a class="tag" href="${href(root, tagUrl(t))}">#${escapeAttr(t)}</a>`).join(' ')}</p>\n` : '') +
    `<ul class="note-list">${sorted.map(n => item(n, root)).join('')}</ul>\n`;
}

/** The search page: a box the site's script brings to life (without script it says where to look instead). */
export function searchPage(root: string): string {
  return `<h1>Search</h1>
<input class="search-box" type="search" id="mg-search-input" aria-label="Search the notes" placeholder="Search notes and tags" autocomplete="off" disabled>
<p id="mg-search-status" aria-live="polite"></p>
<ol class="search-results" id="mg-search-results"></ol>
<noscript><p>Search needs JavaScript. Every note is listed under <a href="${href(root, 'notes/')}">Notes</a>, and by tag under <a href="${href(root, 'tags/')}">Tags</a>.</p></noscript>
`;
}

/** The graph page: the graph view's renderer (media/src/graph/renderer.ts) over graph.json, drawn by the site's script; without it, the lists. */
export function graphPage(root: string): string {
  return `<h1>Graph</h1>
<canvas class="graph-canvas" id="mg-graph" data-src="${href(root, 'graph.json')}" role="img" aria-label="The notes and their links: click a note to open it" hidden></canvas>
<p class="graph-fallback">The graph needs JavaScript; its nodes and links are in <a href="${href(root, 'graph.json')}">graph.json</a>. Every note is listed under <a href="${href(root, 'notes/')}">Notes</a> and by tag under <a href="${href(root, 'tags/')}">Tags</a>.</p>
`;
}
