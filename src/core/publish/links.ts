// The last touches the site gives the preview's HTML: a link to a note not written yet
// becomes plain text with a mark (a dead link helps no reader), a link to a note left out of
// the site plain text with no mark (nothing about it may show), and a `#tag` links its tag page.
import { tagUrl } from './urls';

/** The hrefs a site's PageHost gives targets that have no page: finishLinks turns them to text. */
export const MISSING_HREF = '#mg-missing';
export const UNPUBLISHED_HREF = '#mg-unpublished';

const DEAD_ANCHOR = /<a [^>]*href="#mg-(missing|unpublished)"[^>]*>([\s\S]*?)<\/a>/g;
const TAG_ANCHOR = /<a class="tag" data-tag="([^"]*)">/g;
const NOT_WRITTEN_NOTE = /<div class="embed missing" data-target="[^"]*"><span class="wikilink unpublished">([\s\S]*?)<\/span> <span class="embed-note">not written yet<\/span><\/div>/g;

function unescape(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** `html` from the page renderer, as the page at `root` (`../../`) publishes it. */
export function finishLinks(html: string, root: string): string {
  // Most pages have no dead link: the scan for one is the cost (10,000 notes: 1.4 s of rendering).
  const dead = html.includes('href="#mg-') ? html : undefined;
  return (dead === undefined ? html : dead
    .replace(DEAD_ANCHOR, (_whole, kind: string, text: string) =>
      kind === 'missing'
        ? `<span class="wikilink missing" title="Not written yet">${text}</span>`
        : `<span class="wikilink unpublished">${text}</span>`)
    .replace(NOT_WRITTEN_NOTE, (_whole, text: string) => `<div class="embed unpublished"><span class="wikilink unpublished">${text}</span></div>`))
    .replace(TAG_ANCHOR, (_whole, tag: string) => `<a class="tag" data-tag="${tag}" href="${root}${tagUrl(unescape(tag)).split('/').map(encodeURIComponent).join('/')}">`);
}
