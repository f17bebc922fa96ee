// Where each page of a published site lives (docs/publish.md, "URL rules"): a note's path, each
// segment slugged, as a folder with an index.html (`Papers/Attention Is All You Need.md` ->
// `papers/attention-is-all-you-need/`). Two notes that slug alike: the first in path order keeps
// the URL, the next get `-2`, `-3`, ... in path order, so a URL never depends on listing order.
import { comparePaths } from '../index/paths';

/** Folder names the site itself uses at its root: a note's URL never takes them. */
export const RESERVED_ROOTS = new Set(['tags', 'assets', 'files', 'search', 'graph', 'notes', 'index.html', 'feed.xml', 'sitemap.xml', 'search.json', 'graph.json', 'marginalia-site.json']);

/** Lowercase, letters and digits of any script kept, every run of anything else one `-`. */
export function slugSegment(text: string): string {
  const slug = text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{Nd}_]+/gu, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'note' : slug.slice(0, 120);
}

/** `papers/Attention Is All You Need.md` -> `papers/attention-is-all-you-need` (no collision handling). */
export function slugPath(path: string): string {
  const segments = path.replace(/\.md$/i, '').split('/').map(slugSegment);
  if (RESERVED_ROOTS.has(segments[0]!)) segments[0] = `${segments[0]}-notes`;
  return segments.join('/');
}

/**
 * The URL folder of every note, relative to the site root, ending in `/`. Deterministic: the
 * same set of paths always gives the same URLs, whatever order they come in.
 */
export function noteUrls(paths: Iterable<string>): Map<string, string> {
  const sorted = [...paths].sort(comparePaths);
  const taken = new Set<string>();
  const urls = new Map<string, string>();
  // Bare slugs first, so a note named `a-2` keeps `a-2/` even if `a` and `A` collide.
  const wanted = sorted.map(p => slugPath(p));
  for (const w of wanted) taken.add(w);
  const claimed = new Set<string>();
  sorted.forEach((path, i) => {
    const base = wanted[i]!;
    let url = base;
    for (let n = 2; claimed.has(url) || (url !== base && taken.has(url)); n++) url = `${base}-${n}`;
    claimed.add(url);
    urls.set(path, `${url}/`);
  });
  return urls;
}

/** A tag's page: `ml/transformers` -> `tags/ml/transformers/` (case folded: tags compare case-insensitively). */
export function tagUrl(tag: string): string {
  return `tags/${tag.replace(/^#/, '').split('/').map(slugSegment).join('/')}/`;
}

/** Where an attachment is copied: under `files/`, its vault path kept (each segment percent-encoded in links). */
export function attachmentFile(path: string): string {
  return `files/${path}`;
}

/** A site path as an href from the page at `fromUrl` (both relative to the site root; a folder ends in `/`). */
export function relativeHref(fromUrl: string, to: string): string {
  const depth = fromUrl.split('/').length - 1;
  const encoded = to.split('/').map(s => encodeURIComponent(s)).join('/');
  const up = '../'.repeat(depth);
  return up + encoded === '' ? './' : up + encoded;
}
