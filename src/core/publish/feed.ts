// An Atom feed of the most recently changed notes and a sitemap: written only when the site
// knows its base URL (an absolute address is what both formats need).
import { escapeAttr } from '../render/escape';

const FEED_ENTRIES = 50;

export interface FeedNote {
  readonly title: string;
  /** Relative to the site root. */
  readonly url: string;
  readonly date?: number;
}

function absolute(base: string, url: string): string {
  return new URL(url.split('/').map(encodeURIComponent).join('/'), base.endsWith('/') ? base : `${base}/`).href;
}

export function atomFeed(title: string, base: string, notes: readonly FeedNote[]): string {
  const dated = notes.filter(n => n.date !== undefined).sort((a, b) => b.date! - a.date! || a.url.localeCompare(b.url)).slice(0, FEED_ENTRIES);
  const updated = new Date(dated[0]?.date ?? 0).toISOString();
  const entries = dated.map(n => `<entry>
<title>${escapeAttr(n.title)}</title>
<link href="${escapeAttr(absolute(base, n.url))}"/>
<id>${escapeAttr(absolute(base, n.url))}</id>
<updated>${new Date(n.date!).toISOString()}</updated>
</entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${escapeAttr(title)}</title>
<link href="${escapeAttr(absolute(base, ''))}"/>
<link rel="self" href="${escapeAttr(absolute(base, 'feed.xml'))}"/>
<id>${escapeAttr(absolute(base, ''))}</id>
<updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}

export function sitemap(base: string, urls: readonly string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map(u => `<url><loc>${escapeAttr(absolute(base, u))}</loc></url>`).join('\n')}
</urlset>
`;
}
