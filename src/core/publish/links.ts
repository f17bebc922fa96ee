// The last touches the site gives the preview's HTML: a link to a note not written yet
// becomes plain text with a mark (a dead link helps no reader), a link to a note left out of
// the site plain text with no mark (nothing about it may show), and a `#tag` links its tag page.
import { tagUrl } from './urls';

/** The hrefs a site's PageHost gives targets that have no page: finishLinks turns them to text. */
export const MISSING_HREF = '#mg-missing';
export const UNPUBLISHED_HREF = '#mg-unpublished';

// Replaced with a pattern, not a function: V8 calls a replacer function slowly on a long page
// (the 1,000-note site's pages, 80 MB: finishing them took 1.3 s with replacer functions, 0.74 s so).
const MISSING_ANCHOR = /<a [^>]*href="#mg-missing"[^>]*>([\s\S]*?)<\/a>/g;
const UNPUBLISHED_ANCHOR = /<a [^>]*href="#mg-unpublished"[^>]*>([\s\S]*?)<\/a>/g;
const TAG_ANCHOR_OPEN = '<a class="tag" data-tag="';
const NOT_WRITTEN_NOTE = /<div class="embed missing" data-target="[^"]*"><span class="wikilink unpublished">([\s\S]*?)<\/span> <span class="embed-note">not written yet<\/span><\/div>/g;

function unescape(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** A tag's page from the root, as an href, by the tag as its anchor holds it (a site names the same few tags over and over). */
const tagHrefs = new Map<string, string>();

function tagHref(escapedTag: string): string {
  let href = tagHrefs.get(escapedTag);
  if (href === undefined) {
    if (tagHrefs.size > 10_000) tagHrefs.clear();
    href = tagUrl(unescape(escapedTag)).split('/').map(encodeURIComponent).join('/');
    tagHrefs.set(escapedTag, href);
  }
  return href;
}

/** `html` from the page renderer, as the page at `root` (`../../`) publishes it. */
export function finishLinks(html: string, root: string): string {
  // Most pages have no dead link: the scan for one is the cost (10,000 notes: 1.4 s of rendering).
  const page = !html.includes('href="#mg-') ? html : html
    .replace(MISSING_ANCHOR, '<span class="wikilink missing" title="Not written yet">$1</span>')
    .replace(UNPUBLISHED_ANCHOR, '<span class="wikilink unpublished">$1</span>')
    .replace(NOT_WRITTEN_NOTE, '<div class="embed unpublished"><span class="wikilink unpublished">$1</span></div>');
  // `<a class="tag" data-tag="T">` gets T's page as its href (a loop, for the reason above).
  let out = '';
  let from = 0;
  for (let i = page.indexOf(TAG_ANCHOR_OPEN); i >= 0; i = page.indexOf(TAG_ANCHOR_OPEN, from)) {
    const start = i + TAG_ANCHOR_OPEN.length;
    const end = page.indexOf('"', start);
    if (end < 0 || page.charCodeAt(end + 1) !== 62 /* > */) {
      out += page.slice(from, start);
      from = start;
      continue;
    }
    out += `${page.slice(from, end + 1)} href="${root}${tagHref(page.slice(start, end))}">`;
    from = end + 2;
  }
  return from === 0 ? page : out + page.slice(from);
}
