// A tag page, as the seed page is: every note carrying the tag (nested tags included), each
// in full with its sidenotes and a header linking to it, in title order. One PageRenderer
// draws them all, so sidenotes are numbered once down the whole page.
import type { NoteQueries } from '../index/types';
import { referencesSection } from './citationRender';
import { escapeAttr } from './escape';
import { keptTexts } from './pageTexts';
import { PageRenderer, type PageHost, type PageOptions, type RenderedPage } from './page';

/** The notes of `tag` (with or without `#`), sorted by title then path. */
export function tagPageNotes(index: NoteQueries, tag: string): { path: string; title: string }[] {
  const paths = new Set(index.notesWithTag(tag.replace(/^#/, '')).map(o => o.path));
  return [...paths]
    .map(path => ({ path, title: index.note(path)?.title ?? path }))
    .sort((a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Up to this many notes a tag page shows each one's Backlinks open, as the seed does; more, and each is folded. */
export const TAG_PAGE_OPEN_BACKLINKS = 5;

/** A member's Backlinks section folded under a summary that says how many notes link to it. */
function folded(section: string): string {
  if (section === '') return '';
  const n = section.split('<li class="backlink"').length - 1;
  return `<details class="backlinks-fold"><summary class="backlinks-fold-summary">Backlinks · ${n} ${n === 1 ? 'note' : 'notes'}</summary>\n${section}</details>\n`;
}

export function renderTagPage(index: NoteQueries, host: PageHost, tag: string, options: PageOptions = {}): RenderedPage {
  const name = tag.replace(/^#/, '');
  const notes = tagPageNotes(index, name);
  const renderer = new PageRenderer(index, host, 'mg-', options.citations, options.texts, options.memo);
  const texts = options.texts ?? keptTexts(index);
  const articles = notes.map(({ path, title }, i) => {
    const body = renderer.note(path, texts.text(path) ?? '', { headingPrefix: `mg-n${i}-h-` });
    const section = options.backlinks === false ? '' : renderer.backlinks(path);
    const backlinks = notes.length > TAG_PAGE_OPEN_BACKLINKS ? folded(section) : section;
    return `<article class="note tag-page-note" data-path="${escapeAttr(path)}">\n` +
      `<header class="note-header"><a class="wikilink note-link" href="${escapeAttr(renderer.href(path))}">${escapeAttr(title)}</a>` +
      `<span class="note-path">${escapeAttr(path)}</span></header>\n${body}${backlinks}</article>\n`;
  });
  const count = notes.length === 1 ? '1 note' : `${notes.length} notes`;
  const html = `<header class="tag-page-header"><h1 class="tag-page-title"><span class="tag">#${escapeAttr(name)}</span></h1>` +
    `<p class="tag-page-count">${count}</p></header>\n` +
    (notes.length === 0 ? '<p class="tag-page-empty">No note carries this tag.</p>\n' : articles.join('<hr class="note-separator">\n')) +
    referencesSection(renderer.citations);
  return { title: `#${name}`, html, sidenotes: renderer.sidenoteCount };
}
